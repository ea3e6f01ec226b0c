using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Infra.Model.Configuration;

namespace Infra.Cli.Tests;

/// <summary>
/// infractl against mutated stack files and command lines, as a careless user or a hostile file would write them:
/// wrong values, odd YAML forms, secret forms, unknown and misspelled keys, stack names and output paths that point
/// elsewhere. A fixed seed and a bounded count keep it repeatable and quick; each case runs in its own folder.
/// </summary>
public sealed partial class FuzzTests
{
    /// <summary>The seed; a failure prints the seed and case to run again.</summary>
    private const string Seed = "0000001diBs5";

    /// <summary>How many command lines run.</summary>
    private const int Cases = 400;

    // Text every secret in the stack files holds, or that a case writes where a secret belongs: never to be shown.
    private const string Ciphertext = "Pl4c3h0ld3r";
    private const string PlainSecret = "PLAIN-SECRET-VALUE";

    private static readonly string DevYaml = File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml"));
    private static readonly string ProdYaml = File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.prod.yaml"));
    private static readonly string[] SchemaKeys = [.. PlatformConfiguration.PlatformSchema.Keys()];

    // Values that have broken tools like this one: overflows, wrong types, YAML's own readings, trailing newlines,
    // control characters, addresses in odd forms, markers, structures where a scalar belongs.
    private static readonly Gen<string> Value = Gen.OneOfConst(
        "~", "\"\"", "0", "-1", "3", "2147483648", "1073741824", "99999999999999999999999999999999", "\"79228162514264337593543950335Ei\"",
        "1e3", ".5Gi", "4Gi", "\"4Gi\\n\"", "\"dev\\n\"", "Dev", "qa", "level3", "vgpu", "passthrough", "none", "true", "yes",
        "\"" + new string('x', 300) + "\"", "[a, b]", "{a: 1}", "[]", "{}", "'@x'", "\"-\"", "\"- qa\"", "'a:'",
        "010.0.0.1/24", "0x0a.0.0.1", "10.0.0.1/24", "\"\\u0001secret:vsphere:password\"", "\"\\u0007\"", "ümlaut",
        "a/../b", "{secure: v1:abc" + Ciphertext + "}", "{Secure: v1:x}", "*nothing", "&a [*a]", "!!binary aGk=",
        "data-science", "\"data-science \"", "esx-gpu-01.lab.example.com", "ESX-GPU-01.lab.example.com", "ds@example.com", "\"ds@example.com\\n\"");

    // Lines of the dev stack whose value a case may replace (the key stays, at its indentation).
    private static readonly (int Line, string Indent, string Key)[] ValueLines = [.. DevYaml.Split('\n')
        .Select((line, i) => (i, Match: ValueLine().Match(line)))
        .Where(x => x.Match.Success)
        .Select(x => (x.i, x.Match.Groups["indent"].Value, x.Match.Groups["key"].Value))];

    // Whole YAML forms appended inside config: (a raw text that follows the last config line).
    private static readonly Gen<string> Snippet = Gen.OneOf(
        Gen.OneOfConst(
            "  mlops:environment: again\n",
            "  mlops:Environment: dev\n",
            "  ? [a, b]\n  : c\n",
            "  : x\n",
            "  mlops:x: &a [*a]\n",
            "  mlops:y: *undefined\n",
            "---\nconfig:\n  mlops:maturity: level0\n",
            "  mlops:deep: " + new string('[', 2000) + "\n",
            "  mlops:bomb0: &b0 [l, l, l, l, l, l, l, l, l]\n" + string.Concat(Enumerable.Range(1, 9).Select(i => $"  mlops:bomb{i}: &b{i} [{string.Join(", ", Enumerable.Repeat($"*b{i - 1}", 9))}]\n")),
            "\tmlops:tab: x\n",
            "  mlops:storage:\n    tiers: [{name: standard}, {name: null}]\n",
            "  vsphere:password: " + PlainSecret + "\n",
            "  mlops:gpu.operator.licenseToken: " + PlainSecret + "\n",
            "  vsphere:password:\n    Secure: v1:" + Ciphertext + "\n",
            "  environment: dev\n",
            "  mlops:platform:\n    objectStore:\n      endpoint: https://s3.example.com\n      identities:\n        - name: mlflow\n        - name: mlflow\n"),
        Gen.Select(Gen.OneOfConst("mlops", "mlopz", "MLOPS", "vsphere", "kubernetes", "aws"), Gen.Int[0, SchemaKeys.Length - 1], Value)
            .Select((ns, k, value) => $"  {ns}:{SchemaKeys[k][(SchemaKeys[k].IndexOf(':', StringComparison.Ordinal) + 1)..].Split('.')[0].Replace("[]", string.Empty, StringComparison.Ordinal)}: {value}\n"));

    // A stack file: the dev stack with up to three values replaced and up to two snippets appended.
    private static readonly Gen<string> Yaml =
        Gen.Select(Gen.Select(Gen.Int[0, ValueLines.Length - 1], Value).Array[0, 3], Snippet.Array[0, 2], Gen.Int[0, 9])
            .Select((replacements, snippets, bom) =>
            {
                var lines = DevYaml.Split('\n');
                foreach (var (line, value) in replacements)
                {
                    var (index, indent, key) = ValueLines[line];
                    lines[index] = $"{indent}{key}: {value}";
                }

                var text = string.Join('\n', lines).TrimEnd('\n') + "\n" + string.Concat(snippets);
                return bom == 0 ? "\uFEFF" + text : text;
            });

    private static readonly Gen<string> StackName = Gen.Frequency(
        (8, Gen.Const("dev")),
        (2, Gen.OneOfConst("prod", "x/../../outside", "../outside", "qa\n", "", new string('q', 101), "nope", "-dev", "dev.yaml", "Dev")));

    private static readonly Gen<string> OutPath = Gen.Frequency(
        (6, Gen.Const("rendered")),
        (1, Gen.OneOfConst("Pulumi.yaml", "Pulumi.yaml/below", "/dev/null", ".", "/proc/infractl-fuzz", new string('r', 300), "rendered/../rendered2")));

    // An override as a user types it (a value on the command line is the user's own, so none is a stack's secret).
    private static readonly Gen<string> Set = Gen.Select(Gen.Int[0, SchemaKeys.Length - 1], Gen.Int[0, 1], Value.Where(v => !v.Contains(Ciphertext, StringComparison.Ordinal)), Gen.Int[0, 4])
        .Select((k, i, value, form) => form switch
        {
            0 => "novalue",
            1 => $"mlops:environment={value.Trim('"')}",
            _ => $"{SchemaKeys[k].Replace("[]", $"[{i}]", StringComparison.Ordinal)}={value.Trim('"')}",
        });

    private static readonly Gen<string[]> CommandLine = Gen.OneOf(
        StackName.Select(s => new[] { "validate", "--stack", s }),
        Gen.Select(StackName, Gen.OneOfConst("text", "json", "yaml")).Select((s, f) => new[] { "plan", "--stack", s, "--format", f }),
        Gen.Select(StackName, Gen.OneOfConst("mermaid", "dot")).Select((s, f) => new[] { "graph", "--stack", s, "--format", f }),
        Gen.Select(StackName, OutPath).Select((s, o) => new[] { "render", "--stack", s, "--out", o }),
        StackName.Select(s => new[] { "diff", "--against", s, "--format", "markdown" }),
        Gen.Select(StackName, StackName, Set.Array[0, 3]).Select((name, from, sets) =>
            new[] { "stack", "new", name == "dev" ? "qa" : name, "--from", from }.Concat(sets.SelectMany(s => new[] { "--set", s })).ToArray()));

    [Fact]
    public void AnyStackFileAndCommandLine_GivesADocumentedExitAndAClearError_AndWritesNothingItShouldNot()
    {
        var exits = new int[3];
        Gen.Select(Yaml, CommandLine).Sample((yaml, args) =>
        {
            var root = Directory.CreateTempSubdirectory("infractl-fuzz-").FullName;
            try
            {
                var project = Path.Combine(root, "project");
                Directory.CreateDirectory(project);
                File.Copy(Path.Combine(CliRun.ProjectDir, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"));
                File.WriteAllText(Path.Combine(project, "Pulumi.dev.yaml"), yaml);
                File.WriteAllText(Path.Combine(project, "Pulumi.prod.yaml"), ProdYaml);
                File.WriteAllText(Path.Combine(root, "Pulumi.outside.yaml"), DevYaml); // what an escaping stack name would read
                var before = Tree(root);

                var run = CliRun.In(project, args);

                var after = Tree(root);
                Check(run, args, project, before, after);
                exits[run.ExitCode]++;
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }, seed: Seed, iter: Cases, threads: 1, print: c => $"{string.Join(' ', c.Item2.Select(a => $"'{a}'"))}\n{c.Item1}");

        // Every case ran, and each outcome is common: the mutations reach validation, and not every case fails. Only the
        // first case is the seed's, so the counts vary from run to run: a valid case is about one in twenty, and the bar is half that.
        Assert.Equal(Cases, exits.Sum());
        Assert.All(exits, count => Assert.True(count >= Cases / 40, $"exit codes 0, 1, 2: {string.Join(", ", exits)}"));
    }

    private static void Check(CliRun run, string[] args, string project, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var output = run.Out + run.Error;
        Assert.True(run.ExitCode is 0 or 1 or 2, $"exit {run.ExitCode}: {run.Error}");
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error:", output, StringComparison.Ordinal);
        Assert.False(TraceLine().IsMatch(output), $"a stack trace: {run.Error}");

        // No secret, encrypted or plain, in any output or any file written.
        var written = after.Keys.Except(before.Keys).Where(File.Exists).Select(File.ReadAllText).ToArray();
        foreach (var secret in new[] { Ciphertext, PlainSecret })
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            Assert.All(written, text => Assert.DoesNotContain(secret, text, StringComparison.Ordinal));
        }

        // Nothing changes outside the project; within it, only on success, and only --out or the new stack file.
        var changed = before.Keys.Union(after.Keys)
            .Where(p => !before.TryGetValue(p, out var b) || !after.TryGetValue(p, out var a) || a != b)
            .ToArray();
        Assert.All(changed, path => Assert.StartsWith(project + Path.DirectorySeparatorChar, path, StringComparison.Ordinal));
        if (run.ExitCode != 0)
        {
            Assert.True(changed.Length == 0, $"exit {run.ExitCode} but wrote {string.Join(", ", changed)}");
        }
        else if (changed.Length > 0)
        {
            var allowed = args[0] == "render"
                ? Path.GetFullPath(args[Array.IndexOf(args, "--out") + 1], project)
                : Path.Combine(project, $"Pulumi.{args[2]}.yaml");
            Assert.All(changed, path => Assert.True(path == allowed || path.StartsWith(allowed + Path.DirectorySeparatorChar, StringComparison.Ordinal), $"{path} is not in {allowed}"));
        }

        // A stack name that is not one never gets past the command line.
        foreach (var option in new[] { "--stack", "--against", "--from" })
        {
            var at = Array.IndexOf(args, option);
            if (at >= 0 && Model.Configuration.StackName.Problem(args[at + 1]) is not null)
            {
                Assert.Equal(1, run.ExitCode);
            }
        }

        // Every configuration error names its key, or the file's line and column.
        if (run.ExitCode == 2)
        {
            var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines.Where(l => l.StartsWith("  - ", StringComparison.Ordinal)), line => Assert.Matches(ErrorKey(), line));
            Assert.All(lines.Where(l => l.StartsWith("error: ", StringComparison.Ordinal)), line => Assert.Matches(FileError(), line));
        }
    }

    // Every file under a folder with a hash of its content (folders as themselves), so that any write shows.
    private static Dictionary<string, string> Tree(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .ToDictionary(p => p, p => File.Exists(p) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "dir", StringComparer.Ordinal);

    [GeneratedRegex("^(?<indent> +)(?<key>name|replicas|gpus|storage|memory|domain|owner|profile|model|mode|datacenter|network|template|supervisorId|driverVersion|defaultTier|mlops:environment|mlops:maturity|mlops:production|vsphere:server): (?<value>.*)$")]
    private static partial Regex ValueLine();

    [GeneratedRegex("\\n\\s+at [A-Za-z_]")]
    private static partial Regex TraceLine();

    [GeneratedRegex("^  - MLOPS[0-9]{4} ([a-zA-Z]+:[A-Za-z0-9_.\\[\\]-]+|Pulumi\\.[a-z]+\\.yaml) ")]
    private static partial Regex ErrorKey();

    [GeneratedRegex("^error: (MLOPS[0-9]{4} Pulumi\\.[A-Za-z0-9_.-]+\\.yaml[: ]|--set |--out |Pulumi\\.qa\\.yaml )")]
    private static partial Regex FileError();
}
