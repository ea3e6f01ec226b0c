using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Stacks;
using Moq;
using YamlDotNet.RepresentationModel;

namespace Infra.Cli.Tests;

/// <summary>The CI pipelines shipped for the users' infrastructure repository.</summary>
public sealed partial class PipelineTests
{
    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "pipelines", file))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Text(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "pipelines", file));

    [Theory]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("infrastructure.yml")]
    public void Pipeline_RunsTheTestsValidatesAndDiffsEveryStack(string file)
    {
        var text = Text(file);

        Assert.Contains("./test.sh", text, StringComparison.Ordinal);
        Assert.Matches("-- stacks --format (github|gitlab-ci)", text);
        Assert.DoesNotMatch("\\b(dev|prod)\\b.*\\b(dev|prod)\\b\\]", text); // no stack list written into the pipeline
        Assert.DoesNotContain("--stack dev", text, StringComparison.Ordinal);
        Assert.DoesNotContain("--stack prod", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("infrastructure.yml")]
    public void Pipeline_EveryImageActionAndCliIsPinned(string file)
    {
        var text = Text(file);

        Assert.DoesNotContain(":latest", text, StringComparison.Ordinal);
        Assert.Matches("PULUMI_VERSION: \"[0-9]+\\.[0-9]+\\.[0-9]+\"", text);
        Assert.All(UsesPattern().Matches(text), m => Assert.Matches("@[0-9a-f]{40}$", m.Groups[1].Value));
        Assert.All(text.Split('\n').Where(l => l.TrimStart().StartsWith("- uses: ", StringComparison.Ordinal) || l.TrimStart().StartsWith("uses: ", StringComparison.Ordinal)),
            l => Assert.Matches("@[0-9a-f]{40} # v[0-9]+\\.[0-9]+\\.[0-9]+$", l));
        Assert.All(ImagePattern().Matches(text), m => Assert.Matches(":[0-9]+\\.[0-9]+\\.[0-9]+$", m.Groups[1].Value));
    }

    // The Pulumi CLI release that bundles the .NET language host of the pinned SDK: pulumi/pulumi at v3.259.0,
    // scripts/get-language-providers.sh ("dotnet v3.112.1"). Raise both together.
    private static readonly Dictionary<string, string> CliForSdk = new(StringComparer.Ordinal) { ["3.112.1"] = "3.259.0" };

    [Theory]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("infrastructure.yml")]
    public void Pipeline_PinsThePulumiCliThatBundlesThePinnedSdk(string file)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "Directory.Packages.props")))
        {
            root = root.Parent!;
        }

        var props = System.Xml.Linq.XDocument.Load(Path.Combine(root.FullName, "Directory.Packages.props"));
        var sdk = props.Descendants("PackageVersion").Single(e => (string?)e.Attribute("Include") == "Pulumi").Attribute("Version")!.Value.Trim('[', ']');

        Assert.Contains($"PULUMI_VERSION: \"{CliForSdk[sdk]}\"", Text(file), StringComparison.Ordinal);
    }

    [Fact]
    public void GitlabChildPipeline_InstallsTheCliFromItsArchive_CheckedAgainstThePublishedChecksums()
    {
        var pipeline = StackCatalog.GitlabPipeline([]);

        Assert.DoesNotContain("| sh", pipeline, StringComparison.Ordinal);
        Assert.Contains("curl -fsSLo \"/tmp/$archive\" \"$release/$archive\"", pipeline, StringComparison.Ordinal);
        Assert.Contains("curl -fsSL \"$release/pulumi-${PULUMI_VERSION}-checksums.txt\" | grep \" ${archive}\\$\" | (cd /tmp && sha256sum -c -)", pipeline, StringComparison.Ordinal);
        Assert.True(pipeline.IndexOf("sha256sum -c", StringComparison.Ordinal) < pipeline.IndexOf("tar -xzf", StringComparison.Ordinal), "the archive is unpacked only after its checksum holds");
    }

    [Fact]
    public void GitLab_TriggersTheGeneratedChildPipelineWithTheMergeRequestsFacts()
    {
        var jobs = Load(".gitlab-ci.yml").Children;

        var trigger = (YamlMappingNode)jobs[new YamlScalarNode("stack-pipelines")];
        Assert.Equal("{ { include, [ { { artifact, stacks.gitlab-ci.yml }, { job, stacks } } ] }, { strategy, depend } }", trigger[new YamlScalarNode("trigger")].ToString());
        Assert.Equal(
            "{ { PARENT_PIPELINE_SOURCE, $CI_PIPELINE_SOURCE }, { PARENT_BRANCH, $CI_COMMIT_BRANCH }, { MR_TARGET_BRANCH, $CI_MERGE_REQUEST_TARGET_BRANCH_NAME }, { MR_IID, $CI_MERGE_REQUEST_IID }, { MR_LABELS, $CI_MERGE_REQUEST_LABELS } }",
            trigger[new YamlScalarNode("variables")].ToString());
    }

    [Fact]
    public void GitLab_ChildPipeline_HasEveryStacksJobs_DevAutomaticAndProdBehindAManualGate()
    {
        var jobs = ChildPipeline(CliRun.ProjectDir).Children;

        Assert.Equal(
            ["stages", "default", ".pulumi", "validate-and-diff-dev", "preview-dev", "deploy-dev", "validate-and-diff-prod", "preview-prod", "deploy-prod", "validate-and-diff-prod-teams", "preview-prod-teams", "deploy-prod-teams"],
            jobs.Keys.Select(k => k.ToString()).ToArray());
        var dev = (YamlMappingNode)jobs[new YamlScalarNode("deploy-dev")];
        var prod = (YamlMappingNode)jobs[new YamlScalarNode("deploy-prod")];
        Assert.Equal(("deploy-automatic", "deploy-manual"), (dev[new YamlScalarNode("stage")].ToString(), prod[new YamlScalarNode("stage")].ToString()));
        Assert.Contains("pulumi up --yes --stack dev --non-interactive", dev[new YamlScalarNode("script")].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("manual", dev[new YamlScalarNode("rules")].ToString(), StringComparison.Ordinal);
        Assert.Equal("manual", ((YamlMappingNode)((YamlSequenceNode)prod[new YamlScalarNode("rules")]).Children[0])[new YamlScalarNode("when")].ToString());
        Assert.Equal(("prod", "pulumi-prod"), (prod[new YamlScalarNode("environment")].ToString(), prod[new YamlScalarNode("resource_group")].ToString()));
        // A teams stack deploys once its platform stack has: its job needs the platform's.
        var teams = (YamlMappingNode)jobs[new YamlScalarNode("deploy-prod-teams")];
        Assert.Equal("[ { { job, deploy-prod }, { optional, true } } ]", teams[new YamlScalarNode("needs")].ToString());
        Assert.False(prod.Children.ContainsKey(new YamlScalarNode("needs")));
        var comment = jobs[new YamlScalarNode("validate-and-diff-prod")][new YamlScalarNode("script")].ToString();
        Assert.Contains("--max-length 1000000 --full-out diff-prod.full.md --exit-code > diff-prod.md", comment, StringComparison.Ordinal);
        Assert.Contains("select(.body | startswith($marker))", comment, StringComparison.Ordinal);
        Assert.Contains("--request PUT", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipelines_BlockAChangeThatLosesDataUnlessItIsAcknowledged()
    {
        var gitlab = ChildPipeline(CliRun.ProjectDir).Children[new YamlScalarNode("validate-and-diff-prod")][new YamlScalarNode("script")].ToString();
        // One diff makes the comment and the exit code the gate reads; any outcome but 0, 3 and 5 fails at once.
        Assert.Contains("status=0; dotnet run --project cli -- diff --stack prod --base \"origin/$MR_TARGET_BRANCH\" --format markdown --max-length 1000000 --full-out diff-prod.full.md --exit-code > diff-prod.md || status=$?; [ \"$status\" -eq 0 ] || [ \"$status\" -eq 3 ] || [ \"$status\" -eq 5 ] || exit \"$status\"", gitlab, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(gitlab, "-- diff "));
        Assert.Contains("if [ \"$status\" -eq 5 ]; then", gitlab, StringComparison.Ordinal);
        Assert.Contains("case \",$MR_LABELS,\" in *,accept-data-loss,*) ACCEPT_DATA_LOSS=true ;; esac", gitlab, StringComparison.Ordinal);
        Assert.Contains("if [ \"$ACCEPT_DATA_LOSS\" != \"true\" ]; then", gitlab, StringComparison.Ordinal);

        var plan = (YamlMappingNode)((YamlMappingNode)Load("infrastructure.yml")[new YamlScalarNode("jobs")])[new YamlScalarNode("plan")];
        var steps = ((YamlSequenceNode)plan[new YamlScalarNode("steps")]).Cast<YamlMappingNode>().ToArray();
        var diff = steps.Single(s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run.ToString().Contains("--exit-code", StringComparison.Ordinal));
        Assert.Equal("diff", diff[new YamlScalarNode("id")].ToString());
        Assert.Contains("echo \"status=$status\" >> \"$GITHUB_OUTPUT\"", diff[new YamlScalarNode("run")].ToString(), StringComparison.Ordinal);
        var gate = steps.Single(s => s.Children.TryGetValue(new YamlScalarNode("if"), out var condition) && condition.ToString().Contains("accept-data-loss", StringComparison.Ordinal));
        Assert.Equal("${{ steps.diff.outputs.status == '5' && !contains(github.event.pull_request.labels.*.name, 'accept-data-loss') && vars.ACCEPT_DATA_LOSS != 'true' }}", gate[new YamlScalarNode("if")].ToString());
        Assert.EndsWith("exit 1\n", gate[new YamlScalarNode("run")].ToString(), StringComparison.Ordinal);
        Assert.Single(steps, s => s.Children.TryGetValue(new YamlScalarNode("run"), out var run) && run.ToString().Contains("-- diff ", StringComparison.Ordinal));
        Assert.Equal("[ opened, synchronize, reopened, labeled, unlabeled ]", Load("infrastructure.yml")[new YamlScalarNode("on")][new YamlScalarNode("pull_request")][new YamlScalarNode("types")].ToString());
    }

    [Fact]
    public void GitLab_ChildPipeline_CoversANewStackAsItsDeploySettingSays()
    {
        var dir = CliRun.ScratchProject("dev", File.ReadAllText(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")));
        Assert.Equal(0, CliRun.In(dir, "stack", "new", "team-a", "--from", "dev", "--set", "mlops:environment=team-a", "--set", "mlops:deploy=none").ExitCode);
        Assert.Equal(0, CliRun.In(dir, "stack", "new", "staging", "--from", "dev", "--set", "mlops:environment=staging", "--set", "mlops:deploy=manual").ExitCode);

        var jobs = ChildPipeline(dir).Children.Keys.Select(k => k.ToString()).ToArray();

        Assert.Equal(
            ["stages", "default", ".pulumi", "validate-and-diff-dev", "preview-dev", "deploy-dev", "validate-and-diff-staging", "preview-staging", "deploy-staging", "validate-and-diff-team-a", "preview-team-a"],
            jobs);
        Assert.Equal("dev\tautomatic\nstaging\tmanual\nteam-a\tnone\n", CliRun.In(dir, "stacks").Out);
        Assert.Equal("all=[\"dev\",\"staging\",\"team-a\"]\nautomatic=[\"dev\"]\nmanual=[\"staging\"]\nteams=[]\n", CliRun.In(dir, "stacks", "--format", "github").Out);
        // The shipped project: its teams stack deploys after prod, its platform.
        Assert.Equal("all=[\"dev\",\"prod\",\"prod-teams\"]\nautomatic=[\"dev\"]\nmanual=[\"prod\"]\nteams=[\"prod-teams\"]\n", CliRun.Project("stacks", "--format", "github").Out);
    }

    [Fact]
    public void GitHub_ManualStacksWaitForTheAutomaticOnesInTheirOwnEnvironments()
    {
        var jobs = (YamlMappingNode)Load("infrastructure.yml")[new YamlScalarNode("jobs")];

        var manual = (YamlMappingNode)jobs[new YamlScalarNode("deploy-manual")];
        var automatic = (YamlMappingNode)jobs[new YamlScalarNode("deploy-automatic")];
        Assert.Equal("[ stacks, deploy-automatic ]", manual[new YamlScalarNode("needs")].ToString());
        Assert.Equal("${{ matrix.stack }}", manual[new YamlScalarNode("environment")].ToString());
        Assert.Equal("{ { stack, ${{ fromJSON(needs.stacks.outputs.manual) }} } }", manual[new YamlScalarNode("strategy")][new YamlScalarNode("matrix")].ToString());
        Assert.Equal("{ { stack, ${{ fromJSON(needs.stacks.outputs.automatic) }} } }", automatic[new YamlScalarNode("strategy")][new YamlScalarNode("matrix")].ToString());
        var teams = (YamlMappingNode)jobs[new YamlScalarNode("deploy-teams")];
        Assert.Equal("[ stacks, deploy-automatic, deploy-manual ]", teams[new YamlScalarNode("needs")].ToString());
        Assert.Equal("{ { stack, ${{ fromJSON(needs.stacks.outputs.teams) }} } }", teams[new YamlScalarNode("strategy")][new YamlScalarNode("matrix")].ToString());
    }

    [Fact]
    public void GitLab_ChildPipeline_InfractlCommandsAreOnesInfractlAccepts()
    {
        AcceptedByInfractl(CliRun.In(CliRun.ProjectDir, "stacks", "--format", "gitlab-ci").Out);
    }

    private static YamlMappingNode ChildPipeline(string project)
    {
        var run = CliRun.In(project, "stacks", "--format", "gitlab-ci");
        Assert.Equal(0, run.ExitCode);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(run.Out));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    [Theory]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("infrastructure.yml")]
    public void Pipeline_InfractlCommandsAreOnesInfractlAccepts(string file) => AcceptedByInfractl(Text(file));

    private static void AcceptedByInfractl(string pipeline)
    {
        var plan = StackPlanner.Plan("dev", PlatformConfiguration.Load(StackConfigFile.Load(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")).Snapshot).ValidOptions());
        var revisions = new Mock<IRevisionPlans>();
        revisions.Setup(r => r.PlanAt(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>())).Returns(plan);
        var commands = InfractlPattern().Matches(pipeline).Select(m => m.Groups[1].Value).ToArray();

        Assert.True(commands.Length >= 2);
        Assert.All(commands, command =>
        {
            var args = Regex.Replace(command.Split('>')[0], "\"?\\$\\{?\\{? ?[A-Za-z_.]+ ?\\}?\\}?\"?", "dev").Replace("origin/dev", "origin/main", StringComparison.Ordinal)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // diff --exit-code answers with its outcome (3 the plans differ, 5 with data loss); anything else must succeed.
            Assert.Contains(CliRun.In(CliRun.ProjectDir, revisions.Object, args).ExitCode, (int[])(args.Contains("--exit-code") ? [0, 3, 5] : [0]));
        });
    }

    [GeneratedRegex("uses: ([^\\s]+)")]
    private static partial Regex UsesPattern();

    [GeneratedRegex("image: ([^\\s]+)")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("dotnet run --project cli -- ([^\\n]+)")]
    private static partial Regex InfractlPattern();
}
