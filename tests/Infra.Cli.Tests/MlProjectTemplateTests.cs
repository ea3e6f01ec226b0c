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
    public void Pipeline_TestsBuildsCompilesTrainsSchedulesDeploysAndPromotesInThatOrder()
    {
        var pipeline = Pipeline();

        Assert.Equal(["test", "build", "pipeline", "train", "deploy", "promote"], ((YamlSequenceNode)pipeline["stages"]).Select(s => s.ToString()));
        Assert.Equal(
            [("unit-tests", "test"), ("training-image", "build"), ("compile-pipeline", "pipeline"), ("train", "train"), ("schedule", "train"), ("challenger", "deploy"), ("champion", "promote"), ("rollback", "promote")],
            pipeline.Children.Where(c => c.Value is YamlMappingNode job && job.Children.ContainsKey("stage")).Select(c => (c.Key.ToString(), ((YamlMappingNode)c.Value)["stage"].ToString())));
        Assert.Equal(["compile-pipeline", "training-image"], ((YamlSequenceNode)Job("train")["needs"]).Select(n => n.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["compile-pipeline", "training-image"], ((YamlSequenceNode)Job("schedule")["needs"]).Select(n => n.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(["train"], ((YamlSequenceNode)Job("challenger")["needs"]).Select(n => n.ToString()));
        Assert.Equal(["challenger"], ((YamlSequenceNode)Job("champion")["needs"]).Select(n => n.ToString()));
        Assert.Contains("python pipeline.py submit --package pipeline.yaml", Job("train")["script"].ToString(), StringComparison.Ordinal);
        Assert.Contains("python pipeline.py schedule --package pipeline.yaml --model-name \"$MODEL_NAME\" --commit \"$CI_COMMIT_SHA\" --cron \"${RETRAIN_CRON:-0 0 3 * * *}\" --drift-threshold \"${DRIFT_THRESHOLD:-0.3}\"", Job("schedule")["script"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_DeploysAChallengerCanaryAutomatically_PromotesOrRollsBackBehindManualGates()
    {
        Assert.Equal(".on-default-branch", Job("train")["extends"].ToString());
        Assert.Equal(".on-default-branch", Job("schedule")["extends"].ToString());
        Assert.Equal(".on-default-branch", Job("challenger")["extends"].ToString());
        Assert.Contains("python serving.py deploy --model-name \"$MODEL_NAME\" --alias challenger --commit \"$CI_COMMIT_SHA\" --canary \"${CANARY_PERCENT:-10}\"", Job("challenger")["script"].ToString(), StringComparison.Ordinal);
        foreach (var gated in new[] { "champion", "rollback" })
        {
            var rule = (YamlMappingNode)((YamlSequenceNode)Job(gated)["rules"])[0];
            Assert.Equal(("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "manual"), (rule["if"].ToString(), rule["when"].ToString()));
            Assert.Equal("production", ((YamlMappingNode)Job(gated)["environment"])["name"].ToString());
        }

        Assert.Equal(
            ["pip install -r requirements.txt", "python serving.py promote --model-name \"$MODEL_NAME\"", "python promote.py --model-name \"$MODEL_NAME\""],
            ((YamlSequenceNode)Job("champion")["script"]).Select(s => s.ToString()));
        Assert.Contains("python serving.py rollback --model-name \"$MODEL_NAME\"", Job("rollback")["script"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Training_ValidatesItsDataAndRegistersAChallengerOnlyWhenItBeatsTheChampion()
    {
        var train = File.ReadAllText(PathOf("train.py"));

        Assert.Contains("problems = validate(rows_of(features, labels), SCHEMA, min_rows=100)", train, StringComparison.Ordinal);
        Assert.Contains("if not is_better(auc, champion, args.margin):", train, StringComparison.Ordinal);
        Assert.Contains("store.get_historical_features(entity_df=entities, features=", train, StringComparison.Ordinal);
        Assert.Contains("client.set_registered_model_alias(args.model_name, \"challenger\"", train, StringComparison.Ordinal);
        Assert.True(train.IndexOf("problems = validate(", StringComparison.Ordinal) < train.IndexOf("model, auc = fit(", StringComparison.Ordinal), "train.py fits before it validates its data");
    }

    [Fact]
    public void DriftCheck_ReadsTheTeamsLogsWithItsOwnIdentityAndRetrainsAsTheTeam()
    {
        var pipeline = File.ReadAllText(PathOf("pipeline.py"));

        Assert.Contains($"kubernetes.add_pod_label(step, \"{Infra.Model.Kubeflow.PipelinesTeamAccess.PodDefault}\", \"true\")", pipeline, StringComparison.Ordinal);
        Assert.Contains($"secret_name=\"{Infra.Model.Teams.TeamNamespaces.StoreSecret}\"", pipeline, StringComparison.Ordinal);
        Assert.Contains($"config_map_name=\"{Infra.Model.Serving.ServingSpec.DefaultsConfigMap}\", config_map_key_to_env={{\"storeEndpoint\": \"AWS_ENDPOINT_URL\", \"modelStore\": \"MODEL_STORE\"}}", pipeline, StringComparison.Ordinal);
        Assert.Contains($"f\"{{team}}/{Infra.Model.Serving.InferenceLogging.Folder}\"", File.ReadAllText(PathOf("drift.py")), StringComparison.Ordinal);
        Assert.Equal(["paths"], ((YamlMappingNode)Job("compile-pipeline")["artifacts"]).Children.Keys.Select(k => k.ToString()));
        Assert.Equal(["pipeline.yaml", "pipeline-drift.yaml"], ((YamlSequenceNode)((YamlMappingNode)Job("compile-pipeline")["artifacts"])["paths"]).Select(p => p.ToString()));
    }

    [Fact]
    public void Champion_ReadsTheCanarysErrorRateFromThePlatformsPrometheusAndEndpointsJob()
    {
        Assert.Contains($"# PROMETHEUS_URL (the stack's Prometheus, {Infra.Model.Monitoring.MonitoringSpec.PrometheusUrl}\n", File.ReadAllText(PathOf(".gitlab-ci.yml")), StringComparison.Ordinal);
        Assert.Contains($"selector = f'job=\"{Infra.Model.Kubeflow.KubeflowMonitoring.EndpointsJob}\", namespace_name=", File.ReadAllText(PathOf("serving.py")), StringComparison.Ordinal);
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
        Assert.Contains("#                            kubectl -n <team> create token pipelines-ci --duration 720h\n", File.ReadAllText(PathOf(".gitlab-ci.yml")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:FROM |PYTHON_IMAGE: |name: )(?<image>docker\.io/\S+)")]
    private static partial Regex ImagePattern();
}
