using Infra.Model.Configuration;

namespace Infra.Cli.Tests;

/// <summary>What infractl does with input that is wrong or hostile: a clear error, the documented exit code, nothing written.</summary>
public sealed class InputBoundaryTests
{
    private static string DevYaml => File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml"));

    public static TheoryData<string[], string> BadStackNames => new()
    {
        { ["validate", "--stack", "x/../../outside"], "--stack 'x/../../outside' is not a stack name" },
        { ["plan", "--stack", "qa\n"], "--stack 'qa\\u000a' is not a stack name" },
        { ["render", "--stack", "../dev", "--out", "out"], "--stack '../dev' is not a stack name" },
        { ["graph", "--stack", "/etc/passwd"], "--stack '/etc/passwd' is not a stack name" },
        { ["diff", "--against", "../../x"], "--against '../../x' is not a stack name" },
        { ["stack", "new", "qa", "--from", "dev/../dev"], "--from 'dev/../dev' is not a stack name" },
        { ["stack", "new", "qa\n", "--from", "dev"], "name 'qa\\u000a' is not a stack name" },
        { ["stack", "new", new string('q', 101), "--from", "dev"], $"name '{new string('q', 101)}' is 101 characters long, more than the 100 Pulumi allows." },
        { ["validate", "--stack", ""], "--stack '' is empty" },
    };

    [Theory]
    [MemberData(nameof(BadStackNames))]
    public void StackNames_AreCheckedWhereverTheyAreTaken(string[] args, string message)
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);
        var before = Directory.GetFileSystemEntries(dir).Order().ToArray();

        var run = CliRun.In(dir, args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir).Order().ToArray());
    }

    [Fact]
    public void Render_IntoAFolderNoRenderWrote_IsRefusedAndLeavesItAlone()
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);
        var before = Directory.GetFileSystemEntries(dir).Order().ToArray();

        var run = CliRun.In(dir, "render", "--out", ".");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: --out {dir} holds files that no render wrote (Pulumi.dev.yaml, Pulumi.yaml), and a render replaces its folder as a whole. Give a new or empty folder, or pass --force to replace it with what it holds.\n", run.Error);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir).Order().ToArray());
    }

    [Theory]
    [InlineData("Pulumi.yaml", "error: --out {dir}/Pulumi.yaml is a file, not a folder. Give a folder to write to, such as --out rendered.\n")]
    [InlineData("Pulumi.yaml/below", "error: --out {dir}/Pulumi.yaml/below lies below {dir}/Pulumi.yaml, which is a file. Give a folder to write to, such as --out rendered.\n")]
    [InlineData("/dev/null", "error: --out /dev/null is a file, not a folder. Give a folder to write to, such as --out rendered.\n")]
    public void Render_IntoAFile_IsAUsageError(string output, string error)
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);

        var run = CliRun.In(dir, "render", "--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(error.Replace("{dir}", dir, StringComparison.Ordinal), run.Error);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Render_AnEmptyOut_IsAUsageErrorNotTheWorkingFolder(string output)
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);
        var before = Directory.GetFileSystemEntries(dir).Order().ToArray();

        var run = CliRun.In(dir, "render", "--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: --out is empty. Give the folder to write to, such as --out rendered.\nRun 'infractl render --help' for its options.\n", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir).Order().ToArray());
    }

    [Fact]
    public void Render_ALongFolderName_IsAUsageError()
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);

        var run = CliRun.In(dir, "render", "--out", new string('r', 300));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --out: the folder name is 300 characters long, more than the 200 this allows (file systems stop at 255, and the files inside need room). Give a shorter name.\n", run.Error);
    }

    [Fact]
    public void Render_WhereNothingCanBeWritten_SaysSoAndLeavesNothingBehind()
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);

        // /proc takes no new files, not even from root.
        var run = CliRun.In(dir, "render", "--out", "/proc/infractl-render-test");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: --out /proc/infractl-render-test could not be written: ", run.Error, StringComparison.Ordinal);
        Assert.EndsWith(" Nothing was changed there. Check that you may write in /proc and that its disk has room.\n", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Render_AgainIntoItsOwnFolder_ReplacesItWholeAndLeavesNoStagingFolder()
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);
        var output = Path.Combine(dir, "rendered");
        Assert.Equal(0, CliRun.In(dir, "render", "--out", "rendered").ExitCode);
        // A file an earlier render wrote (its chart since dropped): listed in the manifest that render left.
        File.WriteAllText(Path.Combine(output, "helm", "stale.values.yaml"), "old: true\n");
        File.AppendAllText(Path.Combine(output, ".infractl-render"), "helm/stale.values.yaml\n");

        var run = CliRun.In(dir, "render", "--out", "rendered");

        Assert.Equal(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(output, "helm", "stale.values.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "mlops-dev", "mlops-dev", "cluster-mlops-dev.yaml")));
        Assert.Equal(
            ["Pulumi.dev.yaml", "Pulumi.yaml", "rendered"],
            Directory.GetFileSystemEntries(dir).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(
            ["mlops-dev/cluster/storageclass-standard.yaml", "mlops-dev/mlops-dev/cluster-mlops-dev.yaml"],
            run.Out.Split('\n').Where(l => l.StartsWith("rendered/mlops-dev/", StringComparison.Ordinal)).Select(l => l["rendered/".Length..]));
    }

    [Fact]
    public void Render_IntoItsOwnFolderWithAFileOfTheUsers_RefusesUnlessForced()
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);
        Assert.Equal(0, CliRun.In(dir, "render", "--out", "rendered").ExitCode);
        File.WriteAllText(Path.Combine(dir, "rendered", "notes.md"), "mine\n");

        var refused = CliRun.In(dir, "render", "--out", "rendered");
        var forced = CliRun.In(dir, "render", "--out", "rendered", "--force");

        Assert.Equal((1, $"error: --out {dir}/rendered holds files that no render wrote (notes.md), and a render replaces its folder as a whole. Give a new or empty folder, or pass --force to replace it with what it holds.\n"), (refused.ExitCode, refused.Error));
        Assert.Equal(0, forced.ExitCode);
        Assert.False(File.Exists(Path.Combine(dir, "rendered", "notes.md")));
        var manifest = File.ReadAllLines(Path.Combine(dir, "rendered", ".infractl-render"));
        Assert.Contains("mlops-dev/mlops-dev/cluster-mlops-dev.yaml", manifest);
        Assert.Equal(forced.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, manifest.Count(l => !l.StartsWith('#')));
    }

    [Theory]
    [InlineData("/dev/zero", "error: MLOPS0031 Pulumi.dev.yaml is not a regular file (/dev/zero). A stack file is a YAML text file: replace it with one.\n")]
    [InlineData("missing.yaml", "error: MLOPS0030 Pulumi.dev.yaml is a link to 'missing.yaml', which does not exist. Point the link at a stack file, or replace it with one.\n")]
    public void AStackFileThatCannotBeRead_IsAConfigurationError(string linkTarget, string error)
    {
        var dir = CliRun.ScratchProject("prod", DevYaml);
        File.CreateSymbolicLink(Path.Combine(dir, "Pulumi.dev.yaml"), linkTarget);

        var run = CliRun.In(dir, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error, run.Error);
    }

    // Values YAML would misread if written plain reach validation exactly as given, which refuses them here by name.
    [Theory]
    [InlineData("mlops:tanzu.namespace", "-")]
    [InlineData("mlops:tanzu.namespace", "@x")]
    [InlineData("mlops:tanzu.namespace", "a:")]
    [InlineData("mlops:tanzu.namespace", "- qa")]
    [InlineData("mlops:teams[0].owner", "@example.com")]
    public void StackNew_SetValuesYamlWouldMisread_AreCheckedAsGiven(string key, string value)
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);

        var run = CliRun.In(dir, "stack", "new", "qa", "--from", "dev", "--set", "mlops:environment=qa", "--set", $"{key}={value}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{key} '{value}'", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "Pulumi.qa.yaml")));
    }

    [Fact]
    public void StackNew_TheSameKeySetTwice_IsAUsageError()
    {
        var dir = CliRun.ScratchProject("dev", DevYaml);

        var run = CliRun.In(dir, "stack", "new", "qa", "--from", "dev", "--set", "mlops:environment=qa", "--set", "mlops:environment=qa2");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --set mlops:environment is given 2 times ('qa', 'qa2'). Give each key once.\n", run.Error);
        Assert.False(File.Exists(Path.Combine(dir, "Pulumi.qa.yaml")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing here yet\n")]
    public void StackNew_FromAStackWithNoSettings_ReportsWhatTheNewStackStillNeeds(string source)
    {
        var dir = CliRun.ScratchProject("empty", source);

        var run = CliRun.In(dir, "stack", "new", "qa", "--from", "empty", "--set", "mlops:environment=qa");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Pulumi.qa.yaml would have ", run.Error, StringComparison.Ordinal);
        Assert.Contains("  - MLOPS0018 mlops:maturity is required but not set", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "Pulumi.qa.yaml")));
    }

    [Fact]
    public void AnInternalError_IsOneLineSayingItIsABug_AndTheTraceOnlyWhenAskedFor()
    {
        using var quiet = new StringWriter();
        using var traced = new StringWriter();
        var error = new InvalidOperationException("Sequence contains no elements");

        var exit = Failure.Report(new CliContext("/", TextWriter.Null, quiet), error, showTrace: false);
        var tracedExit = Failure.Report(new CliContext("/", TextWriter.Null, traced), Thrown(error), showTrace: true);

        Assert.Equal(4, exit);
        Assert.Equal(4, tracedExit);
        Assert.Equal(
            "internal error: InvalidOperationException: Sequence contains no elements This is a bug in infractl, not in your input: run the command again with --show-trace (or INFRACTL_TRACE=1) and report what it prints.\n",
            quiet.ToString());
        Assert.Contains("   at Infra.Cli.Tests.InputBoundaryTests.Thrown(", traced.ToString(), StringComparison.Ordinal);
    }

    private static Exception Thrown(Exception error)
    {
        try
        {
            throw error;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
