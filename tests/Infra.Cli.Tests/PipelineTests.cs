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
        Assert.Matches("STACK: \\[dev, prod\\]|stack: \\[dev, prod\\]", text);
        Assert.Contains("-- validate --stack", text, StringComparison.Ordinal);
        Assert.Contains("--format markdown", text, StringComparison.Ordinal);
        Assert.Contains("preview", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("infrastructure.yml")]
    public void Pipeline_EveryImageActionAndCliIsPinned(string file)
    {
        var text = Text(file);

        Assert.DoesNotContain(":latest", text, StringComparison.Ordinal);
        Assert.Matches("PULUMI_VERSION: \"[0-9]+\\.[0-9]+\\.[0-9]+\"", text);
        Assert.All(UsesPattern().Matches(text), m => Assert.Matches("@v[0-9]+$", m.Groups[1].Value));
        Assert.All(ImagePattern().Matches(text), m => Assert.Matches(":[0-9]+\\.[0-9]+\\.[0-9]+$", m.Groups[1].Value));
    }

    [Fact]
    public void GitLab_DeploysDevAutomaticallyAndProdBehindAManualGate()
    {
        var jobs = Load(".gitlab-ci.yml").Children;

        var dev = (YamlMappingNode)jobs[new YamlScalarNode("deploy-dev")];
        var prod = (YamlMappingNode)jobs[new YamlScalarNode("deploy-prod")];
        Assert.Contains("pulumi up --yes --stack dev --non-interactive", dev[new YamlScalarNode("script")].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("manual", dev[new YamlScalarNode("rules")].ToString(), StringComparison.Ordinal);
        Assert.Equal("manual", ((YamlMappingNode)((YamlSequenceNode)prod[new YamlScalarNode("rules")]).Children[0])[new YamlScalarNode("when")].ToString());
        Assert.Equal("[ deploy-dev ]", prod[new YamlScalarNode("needs")].ToString());
    }

    [Fact]
    public void GitHub_ProdWaitsForDevInItsProtectedEnvironment()
    {
        var jobs = (YamlMappingNode)Load("infrastructure.yml")[new YamlScalarNode("jobs")];

        var prod = (YamlMappingNode)jobs[new YamlScalarNode("deploy-prod")];
        Assert.Equal("deploy-dev", prod[new YamlScalarNode("needs")].ToString());
        Assert.Equal("prod", prod[new YamlScalarNode("environment")].ToString());
    }

    [Theory]
    [InlineData(".gitlab-ci.yml")]
    [InlineData("infrastructure.yml")]
    public void Pipeline_InfractlCommandsAreOnesInfractlAccepts(string file)
    {
        var plan = StackPlanner.Plan("dev", PlatformConfiguration.Load(StackConfigFile.Load(Path.Combine(CliRun.ProjectDir, "Pulumi.dev.yaml")).Snapshot).ValidOptions());
        var revisions = new Mock<IRevisionPlans>();
        revisions.Setup(r => r.PlanAt(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>())).Returns(plan);
        var commands = InfractlPattern().Matches(Text(file)).Select(m => m.Groups[1].Value).ToArray();

        Assert.True(commands.Length >= 2);
        Assert.All(commands, command =>
        {
            var args = Regex.Replace(command.Split('>')[0], "\"?\\$\\{?\\{? ?[A-Za-z_.]+ ?\\}?\\}?\"?", "dev").Replace("origin/dev", "origin/main", StringComparison.Ordinal)
                .Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(0, CliRun.In(CliRun.ProjectDir, revisions.Object, args).ExitCode);
        });
    }

    [GeneratedRegex("uses: ([^\\s]+)")]
    private static partial Regex UsesPattern();

    [GeneratedRegex("image: ([^\\s]+)")]
    private static partial Regex ImagePattern();

    [GeneratedRegex("dotnet run --project cli -- ([^\\n]+)")]
    private static partial Regex InfractlPattern();
}
