using System.Collections.Immutable;
using Infra.Model.Kubeflow;
using Infra.Model.Planning;
using Infra.Model.Serving;
using Infra.Model.Tests.Rendering;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Serving;

/// <summary>Model serving: each team's runtimes, storage identity, deploy right, sign-in and defaults, and its endpoints' domain.</summary>
public sealed class ServingSpecTests
{
    private const string Teams = "\n  - name: payments\n    owner: pay-lead@example.com";

    [Fact]
    public void Plan_Prod_GivesEachTeamItsServingPart()
    {
        var plan = TestConfig.StackPlan("prod");

        Assert.Equal(
            [
                "kubernetes:apps/v1:Deployment::inference-logger-fraud-detection",
                "kubernetes:batch/v1:CronJob::inference-log-retention-fraud-detection",
                "kubernetes:core/v1:ConfigMap::inference-logger-fraud-detection",
                "kubernetes:core/v1:ConfigMap::serving-defaults-fraud-detection",
                "kubernetes:core/v1:Secret::models-s3-fraud-detection",
                "kubernetes:core/v1:Service::inference-logger-fraud-detection",
                "kubernetes:core/v1:ServiceAccount::models-fraud-detection",
                "kubernetes:networking.k8s.io/v1:Ingress::models-fraud-detection",
                "kubernetes:rbac.authorization.k8s.io/v1:Role::pipelines-ci-serving-defaults-fraud-detection",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::pipelines-ci-models-fraud-detection",
                "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::pipelines-ci-serving-defaults-fraud-detection",
                "kubernetes:security.istio.io/v1:AuthorizationPolicy::models-fraud-detection",
                "kubernetes:security.istio.io/v1:PeerAuthentication::models-metrics-fraud-detection",
                "kubernetes:security.istio.io/v1:RequestAuthentication::models-fraud-detection",
                "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime::llm-gpu-fraud-detection",
                "kubernetes:serving.kserve.io/v1alpha1:ServingRuntime::mlflow-fraud-detection",
            ],
            plan.Nodes.Where(n => n.Parent == "infra:ml:Serving::serving" && n.Name.EndsWith("fraud-detection", StringComparison.Ordinal)).Select(n => n.Id).Order(StringComparer.Ordinal));

        // Through the mirror, as the render shows it.
        var runtime = Rendered.Yaml("prod", "serving/fraud-detection/servingruntime-mlflow.yaml");
        Assert.Equal("harbor.prod.example.com/mirror/docker.io/seldonio/mlserver:1.5.0", (string)runtime["spec"]!["containers"]![0]!["image"]!);
        Assert.Equal(
            """[{"name":"MLSERVER_MODEL_IMPLEMENTATION","value":"mlserver_mlflow.MLflowRuntime"},{"name":"MLSERVER_MODEL_NAME","value":"{{.Name}}"},{"name":"MLSERVER_MODEL_URI","value":"/mnt/models"},{"name":"MLSERVER_HTTP_PORT","value":"8080"},{"name":"MLSERVER_GRPC_PORT","value":"9000"},{"name":"MODELS_DIR","value":"/mnt/models"}]""",
            runtime["spec"]!["containers"]![0]!["env"]!.ToJsonString());
        var gpu = Rendered.Yaml("prod", "serving/fraud-detection/servingruntime-llm-gpu.yaml");
        Assert.Equal("harbor.prod.example.com/mirror/kserve/huggingfaceserver:v0.15.0-gpu", (string)gpu["spec"]!["containers"]![0]!["image"]!);
        Assert.Equal("""{"limits":{"cpu":"4","memory":"16Gi","nvidia.com/gpu":"1"},"requests":{"cpu":"4","memory":"16Gi","nvidia.com/gpu":"1"}}""", gpu["spec"]!["containers"]![0]!["resources"]!.ToJsonString());
        Assert.Equal("""[{"effect":"NoSchedule","key":"nvidia.com/gpu","operator":"Exists"}]""", gpu["spec"]!["tolerations"]!.ToJsonString());
    }

    [Fact]
    public void Plan_TheTeamsModelsLoadWithItsOwnIdentityThroughKserveCredentialBuilder()
    {
        var plan = TestConfig.StackPlan("prod");

        var secret = plan["kubernetes:core/v1:Secret::models-s3-fraud-detection"];
        Assert.Equal(
            "{annotations: {serving.kserve.io/s3-endpoint: minio.minio.svc.cluster.local, serving.kserve.io/s3-region: us-east-1, serving.kserve.io/s3-usehttps: 0}, name: models-s3, namespace: fraud-detection}",
            secret.Inputs["metadata"].ToString());
        Assert.Equal("{AWS_ACCESS_KEY_ID: team-fraud-detection, AWS_SECRET_ACCESS_KEY: [secret random:index/randomPassword:RandomPassword::team-fraud-detection-minio-password]}", secret.Inputs["stringData"].ToString());
        var account = plan["kubernetes:core/v1:ServiceAccount::models-fraud-detection"];
        Assert.Equal("[{name: models-s3}]", account.Inputs["secrets"].ToString());
        Assert.Contains(secret.Id, account.DependsOn);

        var binding = plan["kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::pipelines-ci-models-fraud-detection"];
        Assert.Equal("{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubeflow-kserve-edit}", binding.Inputs["roleRef"].ToString());
        Assert.Equal("[{kind: ServiceAccount, name: pipelines-ci, namespace: fraud-detection}]", binding.Inputs["subjects"].ToString());
        Assert.Equal(["kubernetes:core/v1:ServiceAccount::pipelines-ci-fraud-detection", KubeflowPlanner.UnitId("kserve")], binding.DependsOn.ToArray());
        // It reads only what it deploys with: the serving defaults and the team's own store identity.
        Assert.Equal(
            "[{apiGroups: [], resourceNames: [serving-defaults], resources: [configmaps], verbs: [get]}, {apiGroups: [], resourceNames: [team-s3], resources: [secrets], verbs: [get]}]",
            plan["kubernetes:rbac.authorization.k8s.io/v1:Role::pipelines-ci-serving-defaults-fraud-detection"].Inputs["rules"].ToString());
    }

    [Fact]
    public void Plan_OnlyTheTeamsPeopleAndProgramsReachItsPredictors()
    {
        var plan = TestConfig.StackPlan("prod");

        Assert.Equal(
            "{action: ALLOW, rules: [{from: [{source: {requestPrincipals: [http://dex.auth.svc.cluster.local:5556/dex/*]}}], when: [{key: request.auth.claims[email], values: [fraud-lead@example.com, fraud-analyst@example.com, fraud-engineer@example.com, fraud-deputy@example.com]}]}, {from: [{source: {requestPrincipals: [https://kubernetes.default.svc.cluster.local/system:serviceaccount:fraud-detection:*]}}]}], selector: {matchLabels: {component: predictor}}}",
            plan["kubernetes:security.istio.io/v1:AuthorizationPolicy::models-fraud-detection"].Inputs["spec"].ToString());
        Assert.Equal(
            "{jwtRules: [{forwardOriginalToken: true, fromHeaders: [{name: Authorization, prefix: Bearer }], issuer: http://dex.auth.svc.cluster.local:5556/dex, jwksUri: http://dex.auth.svc.cluster.local:5556/dex/keys}, {forwardOriginalToken: true, fromHeaders: [{name: Authorization, prefix: Bearer }], issuer: https://kubernetes.default.svc.cluster.local, jwksUri: http://cluster-jwks-proxy.istio-system.svc.cluster.local/openid/v1/jwks}], selector: {matchLabels: {component: predictor}}}",
            plan["kubernetes:security.istio.io/v1:RequestAuthentication::models-fraud-detection"].Inputs["spec"].ToString());
        Assert.Equal("{mtls: {mode: STRICT}}", plan["kubernetes:security.istio.io/v1:PeerAuthentication::strict-mtls-fraud-detection"].Inputs["spec"].ToString());
        // Prometheus, outside the mesh, still scrapes the queue-proxy's request metrics.
        Assert.Equal(
            "{mtls: {mode: STRICT}, portLevelMtls: {9091: {mode: PERMISSIVE}}, selector: {matchLabels: {component: predictor}}}",
            plan["kubernetes:security.istio.io/v1:PeerAuthentication::models-metrics-fraud-detection"].Inputs["spec"].ToString());
    }

    [Fact]
    public void Plan_EndpointsAnswerUnderTheModelsDomain_WhichKnativeIsGiven()
    {
        var prod = TestConfig.StackPlan("prod");
        var dev = TestConfig.StackPlan("dev");

        Assert.Equal(
            "{clusterUrl: http://{name}.fraud-detection.svc.cluster.local, endpointUrl: https://{name}.fraud-detection.models.mlops.example.com, gpuRuntime: llm-gpu, loggerUrl: http://inference-logger.fraud-detection.svc.cluster.local, maxReplicas: 3, minReplicas: 1, modelStore: s3://mlops-prod-teams/fraud-detection/models, runtime: mlflow, serviceAccount: models, storeEndpoint: http://minio.minio.svc.cluster.local}",
            prod["kubernetes:core/v1:ConfigMap::serving-defaults-fraud-detection"].Inputs["data"].ToString());
        Assert.Equal(
            "{clusterUrl: http://{name}.data-science.svc.cluster.local, endpointUrl: http://{name}.data-science.models.mlops-dev.example.com, gpuRuntime: llm-gpu, loggerUrl: http://inference-logger.data-science.svc.cluster.local, maxReplicas: 3, minReplicas: 0, modelStore: s3://mlops-dev-teams/data-science/models, runtime: mlflow, serviceAccount: models, storeEndpoint: http://minio.minio.svc.cluster.local}",
            dev["kubernetes:core/v1:ConfigMap::serving-defaults-data-science"].Inputs["data"].ToString());
        Assert.Equal(
            "{ingressClassName: contour, rules: [{host: *.fraud-detection.models.mlops.example.com, http: {paths: [{backend: {service: {name: istio-ingressgateway, port: {number: 80}}}, path: /, pathType: Prefix}]}}], tls: [{hosts: [*.fraud-detection.models.mlops.example.com], secretName: models-fraud-detection-tls}]}",
            prod["kubernetes:networking.k8s.io/v1:Ingress::models-fraud-detection"].Inputs["spec"].ToString());
        Assert.Contains(
            new PlanTransform.ConfigMapData("knative-serving", "config-domain", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("models.mlops.example.com", string.Empty)])),
            prod[KubeflowPlanner.UnitId("knative-serving")].Transforms);
    }

    [Fact]
    public void Plan_EachTeamLogsItsEndpointsIntoItsOwnFolderAndKeepsThemForTheRetention()
    {
        var vector = Rendered.Yaml("prod", "serving/fraud-detection/configmap-inference-logger.yaml")["data"]!["vector.yaml"]!.ToString();
        Assert.Equal(
            "data_dir: /var/lib/vector\nsources:\n  kserve:\n    type: http_server\n    address: 0.0.0.0:8080\n    decoding:\n      codec: json\n    headers: [\"Ce-*\"]\n"
            + "sinks:\n  team_folder:\n    type: aws_s3\n    inputs: [kserve]\n    endpoint: http://minio.minio.svc.cluster.local\n    region: us-east-1\n    force_path_style: true\n"
            + "    bucket: mlops-prod-teams\n    key_prefix: fraud-detection/inference-logs/date=%F/\n    compression: gzip\n    encoding:\n      codec: json\n    framing:\n      method: newline_delimited\n    batch:\n      timeout_secs: 60\n",
            vector);
        var deployment = Rendered.Yaml("prod", "serving/fraud-detection/deployment-inference-logger.yaml");
        var container = deployment["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("harbor.prod.example.com/mirror/docker.io/timberio/vector:0.57.0-distroless-static", (string)container["image"]!);
        Assert.Equal("""[{"secretRef":{"name":"team-s3"}}]""", container["envFrom"]!.ToJsonString());
        var retention = Rendered.Yaml("prod", "serving/fraud-detection/cronjob-inference-log-retention.yaml");
        Assert.EndsWith(
            "mc rm --recursive --force --older-than 30d team/mlops-prod-teams/fraud-detection/inference-logs/\n",
            (string)retention["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]![2]!);
        var days = TestConfig.Load(("mlops:teams", Teams), ("mlops:platform", "\n    serving:\n      logRetentionDays: 7"));
        Assert.Contains("--older-than 7d ", InferenceLogging.RetentionCronJob(ServingSpec.For(days.Options!)!, "payments").ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(
            ["mlops:platform.serving.logRetentionDays '0' is out of range: the days the endpoints' logged requests are kept must be 1 to 3650. Set it with 'pulumi config set --path mlops:platform.serving.logRetentionDays <number>'."],
            TestConfig.Errors(("mlops:platform", "\n    serving:\n      logRetentionDays: 0")));
    }

    [Fact]
    public void Plan_WithoutIngressOrGpuQuota_ServesInTheClusterOnTheCpuRuntime()
    {
        var loaded = TestConfig.Load(("mlops:teams", Teams));
        Assert.Empty(loaded.Errors);
        var plan = Infra.Model.Stacks.StackPlanner.Plan("test", loaded.Options!);

        var ids = plan.Nodes.Where(n => n.Parent == "infra:ml:Serving::serving").Select(n => n.Id).ToArray();
        Assert.Contains("kubernetes:serving.kserve.io/v1alpha1:ServingRuntime::mlflow-payments", ids);
        Assert.DoesNotContain("kubernetes:serving.kserve.io/v1alpha1:ServingRuntime::llm-gpu-payments", ids);
        Assert.DoesNotContain(ids, id => id.Contains(":Ingress::", StringComparison.Ordinal));
        Assert.Equal("http://{name}.payments.svc.cluster.local", ((PlanValue.MapValue)plan["kubernetes:core/v1:ConfigMap::serving-defaults-payments"].Inputs["data"]).Entries["endpointUrl"].ToString());
        Assert.Contains(
            new PlanTransform.ConfigMapData("knative-serving", "config-domain", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("svc.cluster.local", string.Empty)])),
            plan[KubeflowPlanner.UnitId("knative-serving")].Transforms);
    }

    [Fact]
    public void Plan_AtLevel0_HasNoServing()
    {
        var loaded = TestConfig.Load(("mlops:maturity", "level0"), ("mlops:teams", Teams));

        Assert.Empty(loaded.Errors);
        Assert.Null(ServingSpec.For(loaded.Options!));
        Assert.DoesNotContain(Infra.Model.Stacks.StackPlanner.Plan("test", loaded.Options!).Nodes, n => n.Type == ServingSpec.ComponentType);
    }

    [Fact]
    public void Validate_Replicas_NamesTheKeyTheRuleAndTheFix()
    {
        Assert.Equal(
            ["mlops:platform.serving.maxReplicas '1' is below mlops:platform.serving.minReplicas (2): an endpoint cannot keep more replicas than it may scale to. Set it with 'pulumi config set --path mlops:platform.serving.maxReplicas 2'."],
            TestConfig.Errors(("mlops:platform", "\n    serving:\n      minReplicas: 2\n      maxReplicas: 1")));
        Assert.Equal(
            [
                "mlops:platform.serving.minReplicas '-1' is out of range: an endpoint's fewest replicas (0 scales it to zero when idle) must be 0 to 100. Set it with 'pulumi config set --path mlops:platform.serving.minReplicas <number>'.",
                "mlops:platform.serving.maxReplicas '0' is out of range: an endpoint's most replicas must be 1 to 100. Set it with 'pulumi config set --path mlops:platform.serving.maxReplicas <number>'.",
            ],
            TestConfig.Errors(("mlops:platform", "\n    serving:\n      minReplicas: -1\n      maxReplicas: 0")));
        Assert.Equal(
            ["mlops:platform.serving is set, but this stack runs no KServe: endpoints are served by Kubeflow's kserve application. Add 'kserve' to mlops:platform.kubeflow.components (it is there by default from level 1), or remove the block with 'pulumi config rm --path mlops:platform.serving'."],
            TestConfig.Errors(("mlops:maturity", "level0"), ("mlops:platform", "\n    serving:\n      maxReplicas: 5")));
        Assert.Empty(TestConfig.Errors(("mlops:platform", "\n    serving:\n      minReplicas: 2\n      maxReplicas: 2")));
    }

    [UpstreamFact]
    public void RenderedServingRuntimes_ValidateAgainstKservesCrd()
    {
        var schema = UpstreamSchemas.Crd("kserve/servingruntimes.serving.kserve.io.yaml", "v1alpha1");
        var runtimes = Rendered.Files("prod").Where(f => f.Key.Contains("/servingruntime-", StringComparison.Ordinal)).ToArray();

        Assert.Equal(4, runtimes.Length);
        Assert.All(runtimes, r => Assert.Empty(UpstreamSchemas.Errors(schema, UpstreamSchemas.Yaml(r.Value)!)));
        var broken = Rendered.Yaml("prod", "serving/fraud-detection/servingruntime-mlflow.yaml");
        broken["spec"]!["supportedModelFormat"] = broken["spec"]!["supportedModelFormats"]!.DeepClone();
        Assert.NotEmpty(UpstreamSchemas.Errors(schema, broken));
    }
}
