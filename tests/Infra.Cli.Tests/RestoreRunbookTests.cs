using System.Text.RegularExpressions;

namespace Infra.Cli.Tests;

/// <summary>The restore rehearsal of docs/restore.md, run command by command on a copy of the project.</summary>
public sealed partial class RestoreRunbookTests
{
    private const string Cli = "dotnet run --project cli -- ";

    // The rehearsal's infractl commands, in the runbook's order: every line of its section that runs the CLI.
    private static readonly string Runbook = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "restore.md"));

    private static string[] RehearsalCommands()
    {
        var start = Runbook.IndexOf("\n## Rehearsal", StringComparison.Ordinal);
        var end = Runbook.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return [.. Runbook[start..end].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(Cli, StringComparison.Ordinal)).Select(l => l[Cli.Length..])];
    }

    [Fact]
    public void TheRehearsal_RunsAsTheRunbookWritesIt_AndPlansAndRendersTheRestore()
    {
        var dir = CliRun.ScratchProject("prod", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.prod.yaml")));
        var commands = RehearsalCommands();
        Assert.Equal(["stack", "validate", "plan", "render"], commands.Select(c => c.Split(' ')[0]));

        var runs = commands.Select(c => (Command: c, Run: CliRun.In(dir, c.Split(' ')))).ToArray();

        // Step 1: the clone is written, and names every secret to set, GitLab's Rails keys among them.
        var (_, clone) = runs[0];
        Assert.Equal(0, clone.ExitCode);
        Assert.Contains("  pulumi config set --stack prod-rehearsal --secret --path mlops:platform.restore.gitlabRailsSecret <value>\n", clone.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("would both create", clone.Out, StringComparison.Ordinal);

        // Step 2: validate names each secret still to set, and only those; plan and render show the restore.
        var (_, validate) = runs[1];
        var toSet = SetCommand().Matches(clone.Out).Select(m => m.Groups["key"].Value).ToArray();
        Assert.Equal(10, toSet.Length);
        Assert.Equal(2, validate.ExitCode);
        Assert.All(toSet, key => Assert.Contains(key, validate.Error, StringComparison.Ordinal));
        Assert.Equal(0, runs[2].Run.ExitCode);
        Assert.StartsWith("Plan for stack prod-rehearsal: ", runs[2].Run.Out, StringComparison.Ordinal);
        Assert.Contains("└── component postgres infra:ml:Databases\n", runs[2].Run.Out, StringComparison.Ordinal);
        Assert.Equal(0, runs[3].Run.ExitCode);

        // The files the runbook says to review are there, and say what it says they say.
        var review = Path.Combine(dir, "restore-review");
        foreach (var file in ReviewedFile().Matches(Runbook).Select(m => m.Groups["path"].Value))
        {
            Assert.True(File.Exists(Path.Combine(review, file)), $"docs/restore.md names restore-review/{file}, which the render does not write.");
        }

        var cluster = File.ReadAllText(Path.Combine(review, "postgres", "postgres", "cluster-mlops-postgres.yaml"));
        Assert.Contains("    recovery:\n      recoveryTarget:\n        targetTime: 2026-12-02 23:00:00.000000+00\n      source: origin\n", cluster, StringComparison.Ordinal);
        Assert.Contains("destinationPath: s3://mlops-backups/prod/postgres/", cluster, StringComparison.Ordinal);
        Assert.Contains("destinationPath: s3://mlops-backups/prodr/postgres/", cluster, StringComparison.Ordinal);
        Assert.Contains("mc mirror --overwrite target/mlops-backups/prod/objects/mlops-prod-mlflow-artifacts source/mlops-prodr-mlflow-artifacts", File.ReadAllText(Path.Combine(review, "minio", "minio", "job-minio-restore.yaml")), StringComparison.Ordinal);
        Assert.Contains("    prefix: prod/velero\n    provider: aws\n", File.ReadAllText(Path.Combine(review, "helm", "velero.values.yaml")), StringComparison.Ordinal);
        Assert.Contains("awk '$1 <= \"2026-12-02T23:00:00Z\"'", File.ReadAllText(Path.Combine(review, "velero", "velero", "job-velero-restore.yaml")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"pulumi config set --stack prod-rehearsal --secret (--path )?""?(?<key>[^ ""]+)""? <value>")]
    private static partial Regex SetCommand();

    [GeneratedRegex(@"`(?<path>[a-z]+/[a-z]+/[a-z-]+\.yaml)`")]
    private static partial Regex ReviewedFile();
}
