using System.Diagnostics;
using System.Globalization;
using Infra.Bench;
using Spectre.Console;
using YamlDotNet.RepresentationModel;

// bench/run.sh builds everything in Release and runs this. 'measure <exe> <args...>' is the inner mode: it runs one
// process and reports what that process alone used, since a process's children's usage is only known to its parent.
if (args is ["measure", var exe, .. var rest])
{
    var clock = Stopwatch.StartNew();
    var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    foreach (var argument in rest)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    var error = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    await output;
    var (cpu, peak) = Rusage.OfChildren();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cpu.TotalMilliseconds:F0} {peak} {clock.Elapsed.TotalMilliseconds:F0} {process.ExitCode}"));
    if (process.ExitCode != 0)
    {
        Console.Error.Write(await error);
    }

    return process.ExitCode;
}

if (args is not ["--repo", var repo, "--infractl", var infractl, "--portable", var portablePackage])
{
    Console.Error.WriteLine("usage: bench/run.sh (or Infra.Bench --repo <repository root> --infractl <the installed tool> --portable <infractl.any's .nupkg>)");
    return 1;
}

var self = Environment.ProcessPath!;
var release = (string project, string name) => Path.Combine(repo, project, "bin", "Release", "net10.0", name);
var hello = release(Path.Combine("bench", "Hello"), "Hello");
var mocks = release(Path.Combine("bench", "Infra.Bench.Mocks"), "Infra.Bench.Mocks");

// A project folder with the shipped prod stack and stacks generated from dev with 100, 1,000 and 10,000 teams.
var project = Directory.CreateTempSubdirectory("infractl-bench-").FullName;
try
{
    // The portable package runs on the JIT as 'dotnet infractl.dll', as its installed tool's shim runs it.
    var unpacked = Path.Combine(project, "portable");
    System.IO.Compression.ZipFile.ExtractToDirectory(portablePackage, unpacked);
    var portable = Path.Combine(unpacked, "tools", "net10.0", "any", "infractl.dll");
    File.Copy(Path.Combine(repo, "Pulumi.yaml"), Path.Combine(project, "Pulumi.yaml"));
    File.Copy(Path.Combine(repo, "Pulumi.prod.yaml"), Path.Combine(project, "Pulumi.prod.yaml"));
    foreach (var teams in new[] { 1, 100, 1000, 10000 })
    {
        GeneratedStack.Write(Path.Combine(repo, "Pulumi.dev.yaml"), Path.Combine(project, $"Pulumi.teams{teams}.yaml"), teams);
    }

    // Teams stacks on prod's platform (from Pulumi.prod-teams.yaml), holding 1, 100 and 1,000 teams.
    foreach (var teams in TenantCounts)
    {
        GeneratedStack.Write(Path.Combine(repo, "Pulumi.prod-teams.yaml"), Path.Combine(project, $"Pulumi.tenants{teams}.yaml"), teams);
    }

    string[] Plan(string stack, string format, params string[] program) => [.. program.DefaultIfEmpty(infractl), "plan", "--stack", stack, "--format", format, "--project-dir", project];
    string[] Validate(string stack, params string[] program) => [.. program.DefaultIfEmpty(infractl), "validate", "--stack", stack, "--project-dir", project];
    var cases = new List<(string Name, int Runs, string[] Command)>
    {
        ("hello-world console app", 7, [hello]),
        ("infractl plan --stack prod (text)", 7, Plan("prod", "text")),
        ("infractl plan --stack prod (json)", 7, Plan("prod", "json")),
        ("infractl validate, 1 team", 5, Validate("teams1")),
        ("infractl validate, 100 teams", 5, Validate("teams100")),
        ("infractl validate, 1,000 teams", 5, Validate("teams1000")),
        ("infractl validate, 10,000 teams", 3, Validate("teams10000")),
        ("infractl plan, 100 teams (text)", 5, Plan("teams100", "text")),
        ("infractl plan, 100 teams (json)", 5, Plan("teams100", "json")),
        ("infractl plan, 1,000 teams (text)", 3, Plan("teams1000", "text")),
        ("infractl plan, 1,000 teams (json)", 3, Plan("teams1000", "json")),
        ("infractl plan, teams stack of 1 team (json)", 5, Plan("tenants1", "json")),
        ("infractl plan, teams stack of 100 teams (json)", 5, Plan("tenants100", "json")),
        ("infractl plan, teams stack of 1,000 teams (json)", 3, Plan("tenants1000", "json")),
        ("portable: infractl plan --stack prod (text)", 7, Plan("prod", "text", "dotnet", portable)),
        ("portable: infractl plan --stack prod (json)", 7, Plan("prod", "json", "dotnet", portable)),
        ("portable: infractl validate --stack prod", 7, Validate("prod", "dotnet", portable)),
    };
    if (File.Exists(mocks))
    {
        cases.Add(("Pulumi program under mocks: empty", 5, [mocks, "empty"]));
        cases.Add(("Pulumi program under mocks: prod", 5, [mocks, Path.Combine(project, "Pulumi.prod.yaml")]));
        cases.Add(("Pulumi program under mocks: teams stack of 1 team", 5, [mocks, Path.Combine(project, "Pulumi.tenants1.yaml")]));
        cases.Add(("Pulumi program under mocks: teams stack of 100 teams", 3, [mocks, Path.Combine(project, "Pulumi.tenants100.yaml")]));
    }

    Console.Error.WriteLine($"infractl: the tool as the README installs it from its packages, on this machine the native one ({infractl}); portable: the portable package, on the JIT ({portable}).");
    var results = new Dictionary<string, (double Cpu, double Wall, double PeakMb)>(StringComparer.Ordinal);
    var fastest = new Dictionary<string, double>(StringComparer.Ordinal);
    var table = new Table().AddColumns("what", "runs", "CPU ms (median)", "CPU ms (min)", "wall ms (median)", "peak MB (max)", "CPU × hello");
    foreach (var column in table.Columns.Skip(1))
    {
        column.RightAligned();
    }

    foreach (var (name, runs, command) in cases)
    {
        Console.Error.WriteLine($"measuring {name} ({runs} runs)");
        var samples = Enumerable.Range(0, runs).Select(_ => Measure(self, command)).ToList();
        var cpu = Median(samples.Select(s => s.Cpu));
        results[name] = (cpu, Median(samples.Select(s => s.Wall)), samples.Max(s => s.PeakMb));
        fastest[name] = samples.Min(s => s.Cpu);
        var times = results.TryGetValue("hello-world console app", out var yardstick) ? cpu / yardstick.Cpu : 1;
        table.AddRow(name, $"{runs}", $"{cpu:F0}", $"{fastest[name]:F0}", $"{results[name].Wall:F0}", $"{results[name].PeakMb:F0}", $"{times:F1}");
    }

    if (Console.IsOutputRedirected)
    {
        AnsiConsole.Profile.Width = 160;
    }

    AnsiConsole.Write(table);
    var helloCpu = results["hello-world console app"].Cpu;
    AnsiConsole.WriteLine();
    foreach (var (label, name) in new[] { ("plan --stack prod", "infractl plan --stack prod (text)"), ("plan --stack prod --format json", "infractl plan --stack prod (json)"), ("portable package: plan --stack prod", "portable: infractl plan --stack prod (text)") })
    {
        AnsiConsole.WriteLine($"{label}: {results[name].Cpu / helloCpu:F1}x the CPU of a hello-world app by the median, {fastest[name] / fastest["hello-world console app"]:F1}x by the fastest run (target: at most 5x).");
    }

    foreach (var format in new[] { "text", "json" })
    {
        var run = results[$"infractl plan, 1,000 teams ({format})"];
        AnsiConsole.WriteLine($"{format} plan of 1,000 teams: {run.Wall / 1000:F2} s and {run.PeakMb:F0} MB (target: at most 2 s and 400 MB).");
    }

    var validate = TeamCounts.Select(t => (Teams: t, Cpu: results[$"infractl validate, {t.ToString("N0", CultureInfo.InvariantCulture)} team{(t == 1 ? string.Empty : "s")}"].Cpu)).ToList();
    var baseline = results["infractl validate, 1 team"].Cpu;
    AnsiConsole.WriteLine($"validate, CPU per team above a one-team stack: {string.Join(", ", validate.Select(v => $"{(v.Cpu - baseline) / v.Teams:F3} ms at {v.Teams:N0} teams"))} (linear: about constant).");
    // A teams stack reads nothing of other teams stacks: its cost per team is the same whatever they hold, so 1,000
    // teams over ten stacks of 100 cost ten times one stack of 100.
    var tenants = results["infractl plan, teams stack of 1 team (json)"].Cpu;
    AnsiConsole.WriteLine($"teams stack plan, CPU per team above a one-team stack: {(results["infractl plan, teams stack of 100 teams (json)"].Cpu - tenants) / 99:F3} ms at 100 teams, {(results["infractl plan, teams stack of 1,000 teams (json)"].Cpu - tenants) / 999:F3} ms at 1,000 teams; 1,000 teams over ten stacks of 100: {10 * results["infractl plan, teams stack of 100 teams (json)"].Cpu:F0} ms of CPU in all.");
    if (results.TryGetValue("Pulumi program under mocks: teams stack of 100 teams", out var hundred))
    {
        AnsiConsole.WriteLine($"teams stack under mocks, CPU per team above a one-team stack: {(hundred.Cpu - results["Pulumi program under mocks: teams stack of 1 team"].Cpu) / 99:F1} ms at 100 teams.");
    }

    if (results.TryGetValue("Pulumi program under mocks: prod", out var prod))
    {
        AnsiConsole.WriteLine($"prod under mocks: {prod.Cpu / results["Pulumi program under mocks: empty"].Cpu:F1}x the CPU of an empty program (target: at most 3x).");
    }
    else
    {
        AnsiConsole.WriteLine("SKIPPED: the Pulumi program under mocks: the Pulumi packages did not restore.");
    }

    return 0;
}
finally
{
    Directory.Delete(project, recursive: true);
}

static (double Cpu, double Wall, double PeakMb) Measure(string self, string[] command)
{
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.ArgumentList.Add("measure");
    foreach (var argument in command)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEnd();
    var error = process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"'{string.Join(' ', command)}' failed (exit {process.ExitCode}): {error}");
    }

    var fields = output.Split(' ', StringSplitOptions.TrimEntries);
    return (double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture) / 1048576.0);
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>The generated stacks whose validation the per-team cost is read from, and the teams stacks' sizes.</summary>
internal static partial class Program
{
    private static readonly int[] TeamCounts = [100, 1000, 10000];

    private static readonly int[] TenantCounts = [1, 100, 1000];
}
