using Infra.Model.Kubernetes;
using System.Diagnostics;
using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Moq;

namespace Infra.Cli.Tests;

public sealed class DiffAndGraphTests
{
    private static Plan DevPlan() =>
        StackPlanner.Plan("dev", PlatformConfiguration.Load(StackConfigFile.Load(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")).Snapshot).ValidOptions());

    [Fact]
    public void Diff_AgainstAnotherStack_SummarisesTheChanges()
    {
        var run = CliRun.Project("diff", "--stack", "prod", "--against", "dev");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Plan diff for stack prod: stack dev -> stack prod: 152 to add, 52 to remove, 74 to change.\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_ExitCode_IsThreeWhenPlansDifferFiveWithDataLossAndZeroWhenNot()
    {
        var before = DevPlan();
        var revisions = new Mock<IRevisionPlans>(MockBehavior.Strict);
        // A revision whose folder differs: an update in place.
        revisions.Setup(r => r.PlanAt(CliRun.ProjectDir, "dev", "folder")).Returns(new Plan("dev", before.Nodes.Select(n => n.Name == "vm-folder" ? n with { Inputs = n.Inputs.SetItem("path", PlanValue.Of("old")) } : n)));
        // A revision whose Pipelines unit was the release's own, with its MySQL and MinIO volumes: the working tree deletes them.
        var release = Infra.Model.Kubeflow.KubeflowVersions.Directory("applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user");
        revisions.Setup(r => r.PlanAt(CliRun.ProjectDir, "dev", "stores")).Returns(new Plan("dev", before.Nodes.Select(n => n.Name == "pipelines" && n.Type == KubernetesTokens.KustomizeDirectory ? n with { Inputs = n.Inputs.SetItem("directory", PlanValue.Of(release)) } : n)));

        Assert.Equal(3, CliRun.In(CliRun.ProjectDir, revisions.Object, "diff", "--base", "folder", "--exit-code").ExitCode);
        var loss = CliRun.In(CliRun.ProjectDir, revisions.Object, "diff", "--base", "stores", "--exit-code");
        Assert.Equal(5, loss.ExitCode);
        Assert.StartsWith(
            "Plan diff for stack dev: stores -> working tree: 0 to add, 0 to remove, 1 to change.\nDATA LOSS: 1 change would delete or replace data, and pulumi up would carry it out like any other:\n"
            + "! kubernetes:kustomize/v2:Directory::pipelines holds the release's Pipelines MySQL and MinIO volumes (mysql-pv-claim, minio-pvc): every run, pipeline and artifact in them: its source changes",
            loss.Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.In(CliRun.ProjectDir, revisions.Object, "diff", "--base", "stores").ExitCode);
        // Between two stacks nothing is lost (each keeps its own state), however much differs.
        var stacks = CliRun.Project("diff", "--stack", "prod", "--against", "dev", "--exit-code");
        Assert.Equal(3, stacks.ExitCode);
        Assert.DoesNotContain("DATA LOSS", stacks.Out, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Project("diff", "--stack", "dev", "--against", "dev", "--exit-code").ExitCode);
    }

    [Fact]
    public void Diff_Base_ComparesWithThePlanThatRevisionMakes()
    {
        var before = DevPlan();
        var changed = new Plan("dev", before.Nodes.Select(n => n.Name == "vm-folder" ? n with { Inputs = n.Inputs.SetItem("path", PlanValue.Of("old")) } : n));
        var revisions = new Mock<IRevisionPlans>(MockBehavior.Strict);
        revisions.Setup(r => r.PlanAt(CliRun.ProjectDir, "dev", "origin/main")).Returns(changed);

        var run = CliRun.In(CliRun.ProjectDir, revisions.Object, "diff", "--base", "origin/main", "--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Comparing `origin/main` with `working tree`: 0 to add, 0 to remove, 1 to change.", run.Out, StringComparison.Ordinal);
        Assert.Contains("| ~ | `vm-folder` | `vsphere:index/folder:Folder` | path: old -> mlops-dev |", run.Out, StringComparison.Ordinal);
        revisions.VerifyAll();
    }

    [Fact]
    public void Diff_BaseThatCannotBePlanned_ReportsWhyWithItsExitCode()
    {
        var revisions = new Mock<IRevisionPlans>(MockBehavior.Strict);
        revisions.Setup(r => r.PlanAt(It.IsAny<string>(), "dev", "nope")).Throws(new RevisionException("--base 'nope' is not a commit of /repo. Name a branch, tag or commit, such as origin/main.", 1));

        var run = CliRun.In(CliRun.ProjectDir, revisions.Object, "diff", "--base", "nope");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: --base 'nope' is not a commit of /repo. Name a branch, tag or commit, such as origin/main.\n", run.Error);
    }

    [Theory]
    [InlineData("diff")]
    [InlineData("diff", "--base", "main", "--against", "dev")]
    public void Diff_NeedsExactlyOneBaseOrAgainst(params string[] args)
    {
        var run = CliRun.Project(args);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Give exactly one of --base <git-ref> and --against <stack>.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_Base_InARealRepository_BuildsThatRevisionsInfractl()
    {
        var repository = CopyOfThisRepository();
        Git(repository, "init", "-q");
        Git(repository, "add", "-A");
        Git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
        var stackFile = Path.Combine(repository, "Pulumi.dev.yaml");
        File.WriteAllText(stackFile, File.ReadAllText(stackFile).Replace("    template: ubuntu-2204-cloudimg\n", "    template: ubuntu-2204-cloudimg\n    folder: ml/dev\n", StringComparison.Ordinal));

        var cache = Directory.CreateTempSubdirectory("infractl-plan-cache-").FullName;
        var progress = new StringWriter();

        var run = CliRun.In(repository, new GitRevisionPlans(progress, cache), "diff", "--base", "HEAD", "--format", "json", "--exit-code");

        Assert.True(run.ExitCode == 3, run.Error);
        Assert.Contains("\"name\": \"path\",\n          \"before\": \"mlops-dev\",\n          \"after\": \"ml/dev\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("diff --base: checking out HEAD (", progress.ToString(), StringComparison.Ordinal);
        Assert.Contains("; cached for the next run.\n", progress.ToString(), StringComparison.Ordinal);
        Assert.Empty(Git(repository, "worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));

        // The second run reads the base plan from the cache (here edited, to show it is what is read): no checkout.
        var cached = Assert.Single(Directory.GetFiles(cache, "*.json"));
        File.WriteAllText(cached, File.ReadAllText(cached).Replace("\"path\": \"mlops-dev\"", "\"path\": \"from-cache\"", StringComparison.Ordinal));
        var again = new StringWriter();
        var second = CliRun.In(repository, new GitRevisionPlans(again, cache), "diff", "--base", "HEAD", "--format", "json", "--exit-code");

        Assert.True(second.ExitCode == 3, second.Error);
        Assert.Contains("\"before\": \"from-cache\"", second.Out, StringComparison.Ordinal);
        Assert.StartsWith("diff --base: the plan of stack dev at HEAD (", again.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("checking out", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_Base_Interrupted_LeavesNoWorktreeBehind()
    {
        var repository = CopyOfThisRepository();
        Git(repository, "init", "-q");
        Git(repository, "add", "-A");
        Git(repository, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "infractl.dll"), "diff", "--base", "HEAD" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[GitRevisionPlans.CacheVariable] = "off";
        using var infractl = Process.Start(start)!;
        var clock = Stopwatch.StartNew();
        while (Worktrees(repository) < 2 && !infractl.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, Worktrees(repository));
        using (var kill = Process.Start("kill", ["-TERM", infractl.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var error = await infractl.StandardError.ReadToEndAsync();
        Assert.True(infractl.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, Worktrees(repository));
        Assert.Equal(130, infractl.ExitCode);
        Assert.EndsWith("error: diff --base was interrupted; its worktree is removed.\n", error, StringComparison.Ordinal);
    }

    private static int Worktrees(string repository) => Git(repository, "worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    [Fact]
    public void Graph_PrintsMermaidOrDot()
    {
        var mermaid = CliRun.Project("graph", "--all");
        var dot = CliRun.Project("graph", "--all", "--format", "dot");

        Assert.Equal(0, mermaid.ExitCode);
        Assert.Equal(PlanGraphText.Mermaid(DevPlan()), mermaid.Out);
        Assert.StartsWith("digraph plan {\n", dot.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_ByDefault_DrawsOneBoxPerComponentInDependencyOrder()
    {
        var plan = DevPlan();

        var run = CliRun.Project("graph");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(PlanGraphText.Overview(plan), run.Out);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var boxes = lines.Where(l => l.Contains("[\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal("  c1[\"foundation<br/>Foundation · 10 resources\"]", boxes[0]);
        Assert.Equal("  c3[\"mlops-dev<br/>WorkloadCluster · 6 resources\"]", boxes[2]);
        Assert.Equal(15, boxes.Length);

        // Every deployable node is in one box, and every arrow goes down the page: from a box to a later one.
        Assert.Equal(plan.Nodes.Count(n => plan.Waves.ContainsKey(n.Id)), boxes.Sum(b => int.Parse(System.Text.RegularExpressions.Regex.Match(b, "· ([0-9]+) resource").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var arrows = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, "^  c([0-9]+) -->\\|([0-9]+)\\| c([0-9]+)$")).Where(m => m.Success).ToArray();
        Assert.NotEmpty(arrows);
        Assert.All(arrows, a => Assert.True(int.Parse(a.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(a.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), a.Value));
        Assert.Contains("  c3 -->|51| c12", lines);
    }

    [Fact]
    public void Graph_OneComponent_DrawsItsResourcesByWave()
    {
        var run = CliRun.Project("graph", "--component", "mlflow");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(11, run.Out.Split('\n').Count(l => l.StartsWith("    n", StringComparison.Ordinal)));
        Assert.Contains("Release<br/>mlflow", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("kubeflow", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_AsAnImage_IsDrawnByGraphviz_OrSaysHowToGetIt()
    {
        var dir = Directory.CreateTempSubdirectory("infractl-graph-").FullName;
        File.Copy(Path.Combine(CliRun.ProjectDir, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        File.Copy(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml"), Path.Combine(dir, "Pulumi.dev.yaml"));
        var hasDot = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(p => File.Exists(Path.Combine(p, "dot")));

        var run = CliRun.In(dir, "graph", "--format", "svg", "--out", "overview.svg");

        if (hasDot)
        {
            Assert.Equal((0, "overview.svg\n"), (run.ExitCode, run.Out));
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "overview.svg")), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal((1, "error: --format svg needs Graphviz's 'dot' on the PATH, and it is not there. Install Graphviz (apt-get install graphviz, brew install graphviz), or write --format dot and draw it elsewhere.\n"), (run.ExitCode, run.Error));
            Assert.False(File.Exists(Path.Combine(dir, "overview.svg")));
        }
    }

    private static string CopyOfThisRepository()
    {
        var source = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(source.FullName, "Infra.sln")))
        {
            source = source.Parent!;
        }

        // The sources as git lists them, or, from an archive with no git repository, every file but build outputs.
        // A linked worktree's .git is a file naming the repository's git directory; a file deleted but not yet committed is left out.
        var target = Directory.CreateTempSubdirectory("infractl-repo-").FullName;
        var files = Path.Exists(Path.Combine(source.FullName, ".git"))
            ? Git(source.FullName, "ls-files", "--cached", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Where(f => Path.Exists(Path.Combine(source.FullName, f))).ToArray()
            : Directory.EnumerateFileSystemEntries(source.FullName, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
                .Where(f => File.Exists(f) || new DirectoryInfo(f).LinkTarget is not null)
                .Select(f => Path.GetRelativePath(source.FullName, f))
                .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "node_modules"))
                .ToArray();
        foreach (var file in files)
        {
            var destination = Path.Combine(target, file);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (new FileInfo(Path.Combine(source.FullName, file)).LinkTarget is { } link)
            {
                // A symbolic link (infra/kubeflow): a link again, to the same relative place.
                Directory.CreateSymbolicLink(destination, link);
                continue;
            }

            File.Copy(Path.Combine(source.FullName, file), destination);
        }

        return target;
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }
}
