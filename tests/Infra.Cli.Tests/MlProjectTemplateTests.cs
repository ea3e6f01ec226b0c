using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Infra.Cli.Tests;

/// <summary>The ML project template (templates/ml-project): the level-2 CI/CD flow teams start from.</summary>
public sealed partial class MlProjectTemplateTests
{
    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "ml-project", file);

    private static YamlMappingNode Pipeline()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(PathOf(".gitlab-ci.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(string name) => (YamlMappingNode)Pipeline()[name];

    [Fact]
    public void Pipeline_TestsBuildsCompilesTrainsAndPromotesInThatOrder()
    {
        var pipeline = Pipeline();

        Assert.Equal(["test", "build", "pipeline", "train", "promote"], ((YamlSequenceNode)pipeline["stages"]).Select(s => s.ToString()));
        Assert.Equal(
            [("unit-tests", "test"), ("training-image", "build"), ("compile-pipeline", "pipeline"), ("train", "train"), ("challenger", "promote"), ("champion", "promote")],
            pipeline.Children.Where(c => c.Value is YamlMappingNode job && job.Children.ContainsKey("stage")).Select(c => (c.Key.ToString(), ((YamlMappingNode)c.Value)["stage"].ToString())));
        Assert.Equal(["compile-pipeline", "training-image"], ((YamlSequenceNode)Job("train")["needs"]).Select(n => n.ToString()).Order(StringComparer.Ordinal));
        Assert.Contains("python pipeline.py submit --package pipeline.yaml", Job("train")["script"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_TrainsAndPromotesOnlyOnTheDefaultBranch_ChampionBehindAManualGate()
    {
        Assert.Equal(".on-default-branch", Job("train")["extends"].ToString());
        Assert.Equal(".on-default-branch", Job("challenger")["extends"].ToString());
        var rule = (YamlMappingNode)((YamlSequenceNode)Job("champion")["rules"])[0];
        Assert.Equal(("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "manual"), (rule["if"].ToString(), rule["when"].ToString()));
        Assert.Equal("production", ((YamlMappingNode)Job("champion")["environment"])["name"].ToString());
        Assert.Contains("--alias champion", Job("champion")["script"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryImageAndPackageIsPinned()
    {
        var text = File.ReadAllText(PathOf(".gitlab-ci.yml")) + File.ReadAllText(PathOf("Dockerfile"));
        var images = ImagePattern().Matches(text).Select(m => m.Groups["image"].Value).ToArray();

        Assert.Equal(["docker.io/library/python:3.12.14-slim@sha256:7a8b475003c4fe15a2cd4e55e5cfc2f3560bdc9333d624f24cdd6d4340fd7a17", "docker.io/moby/buildkit:v0.23.2-rootless", "docker.io/library/python:3.12.14-slim@sha256:7a8b475003c4fe15a2cd4e55e5cfc2f3560bdc9333d624f24cdd6d4340fd7a17"], images);
        Assert.All(File.ReadAllLines(PathOf("requirements.txt")).Concat(File.ReadAllLines(PathOf("requirements-dev.txt"))), line => Assert.Matches("^[a-z0-9-]+==[0-9][0-9.]*$", line));
    }

    [Fact]
    public void Credentials_AreOnlyReferencedAsCiVariables()
    {
        var variables = (YamlMappingNode)Pipeline()["variables"];

        Assert.Equal(["PYTHON_IMAGE", "TRAIN_IMAGE", "PIP_CACHE_DIR"], variables.Children.Keys.Select(k => k.ToString()));
        Assert.DoesNotContain("MLFLOW_TRACKING_PASSWORD:", File.ReadAllText(PathOf(".gitlab-ci.yml")).Replace("#   MLFLOW_TRACKING_PASSWORD", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainingStep_OptsIntoTheTeamsServicesPodDefaultForMlflowAndSetsNoUriOfItsOwn()
    {
        var pipeline = File.ReadAllText(PathOf("pipeline.py"));

        Assert.Contains($"    kubernetes.add_pod_label(step, \"{Infra.Model.Kubeflow.KubeflowSpec.ServicesPodDefault}\", \"true\")\n", pipeline, StringComparison.Ordinal);
        Assert.DoesNotContain("set_env_variable", pipeline, StringComparison.Ordinal);
        Assert.Contains("kfp-kubernetes==1.5.0", File.ReadAllLines(PathOf("requirements.txt")));
    }

    [Fact]
    public void CiVariables_PointAtTheInClusterServicesTheRunnersJobsReach()
    {
        var pipeline = File.ReadAllText(PathOf(".gitlab-ci.yml"));

        Assert.Contains($"#   MLFLOW_TRACKING_URI      MLflow in the cluster, {Infra.Model.Mlflow.MlflowSpec.Url} (the platform's runner\n", pipeline, StringComparison.Ordinal);
        Assert.Contains("#   KFP_HOST                 Kubeflow Pipelines API: the stack output kubeflowPipelinesUrl\n", pipeline, StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_SignsInToMultiUserPipelinesWithTheTeamsCiAccountToken()
    {
        Assert.Contains("existing_token=os.environ[\"KFP_TOKEN\"]", File.ReadAllText(PathOf("pipeline.py")), StringComparison.Ordinal);
        Assert.Contains($"#                            {Infra.Model.Kubeflow.PipelinesTeamAccess.TokenCommand("<team>", 720)}\n", File.ReadAllText(PathOf(".gitlab-ci.yml")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:FROM |PYTHON_IMAGE: |name: )(?<image>docker\.io/\S+)")]
    private static partial Regex ImagePattern();
}
