using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Rendering;

public sealed class StackRendererTests
{
    public static TheoryData<string> Stacks => ["dev", "prod", "lab"];

    /// <summary>An existing S3 endpoint in place of MinIO, with each identity's secret key a secret setting.</summary>
    private const string ExternalStore = """

            objectStore:
              endpoint: https://s3.example.com/
              identities:
                - name: mlflow
                  accessKey: AKMLFLOW
                  secretKey:
                    secure: v1:m
                - name: feast
                  accessKey: AKFEAST
                  secretKey:
                    secure: v1:f
                - name: spark
                  accessKey: AKSPARK
                  secretKey:
                    secure: v1:s
                - name: kubeflow-pipelines
                  accessKey: AKKFP
                  secretKey:
                    secure: v1:k
        """;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Render_EveryHelmReleaseOfThePlan_GivesExactlyOneValuesFile_AndNoOtherDoes(string stack)
    {
        var plan = TestConfig.StackPlan(stack);

        var releases = plan.Nodes.Where(n => n.Type == KubernetesTokens.HelmRelease).Select(n => $"helm/{n.Name}.values.yaml").Order(StringComparer.Ordinal).ToArray();
        var rendered = StackRenderer.Render(plan).Select(f => f.Name).Where(n => n.StartsWith("helm/", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(releases);
        Assert.Equal(releases, rendered);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Render_EveryKubernetesObjectOfThePlan_GivesExactlyOneManifest_AndEveryManifestIsOneOfThem(string stack)
    {
        var plan = TestConfig.StackPlan(stack);
        var objects = plan.Nodes.Where(IsKubernetesObject).ToDictionary(n => n.Id, StringComparer.Ordinal);

        var manifests = StackRenderer.Render(plan).Where(f => IsManifest(f.Name)).ToArray();

        Assert.NotEmpty(objects);
        Assert.Equal(objects.Keys.Order(StringComparer.Ordinal), manifests.Select(NodeOf).Order(StringComparer.Ordinal));
        Assert.All(manifests, file =>
        {
            var node = objects[NodeOf(file)];
            var yaml = UpstreamSchemas.Yaml(file.Content)!;
            var metadata = (PlanValue.MapValue)node.Inputs["metadata"];
            var ns = metadata.Entries.GetValueOrDefault("namespace")?.ToString();
            var kind = node.Type[(node.Type.LastIndexOf(':') + 1)..];
            var group = node.Type.Split(':')[1];
            Assert.Equal(group is "core/v1" ? "v1" : group, (string)yaml["apiVersion"]!);
            Assert.Equal(kind, (string)yaml["kind"]!);
            Assert.Equal(metadata.Entries["name"].ToString(), (string)yaml["metadata"]!["name"]!);
            Assert.Equal(ns, (string?)yaml["metadata"]!["namespace"]);
            Assert.Equal($"{ComponentOf(plan, node)}/{ns ?? "cluster"}/{kind.ToLowerInvariant()}-{metadata.Entries["name"]}.yaml", file.Name);
            Assert.Equal(node.Inputs.Keys.Union(["apiVersion", "kind"]).Order(StringComparer.Ordinal), yaml.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Render_EveryKustomizationAndBundle_GivesItsUnitFile_ListedInTheOrderThePlanAppliesThem(string stack)
    {
        var plan = TestConfig.StackPlan(stack);
        var units = plan.Nodes.Where(n => n.Type is KubernetesTokens.KustomizeDirectory or KubernetesTokens.ConfigFile).ToList();

        var files = StackRenderer.Render(plan).ToDictionary(f => f.Name, f => f.Content);

        Assert.NotEmpty(units);
        Assert.Equal(
            units.Select(u => $"{ComponentOf(plan, u)}/units/{u.Name}.yaml").Order(StringComparer.Ordinal),
            files.Keys.Where(k => k.Contains("/units/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        foreach (var component in units.GroupBy(u => ComponentOf(plan, u)))
        {
            var listed = files[$"{component.Key}/units.txt"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')[0]);
            Assert.Equal(component.Select(u => u.Name), listed);
            Assert.Equal(component.Select(u => plan.Waves[u.Id]), component.Select(u => plan.Waves[u.Id]).Order());
        }
    }

    [Fact]
    public void Render_KubeflowUnits_NameTheirSourceTheUnitsTheyWaitForAndTheirTransforms()
    {
        var files = StackRenderer.Render(TestConfig.StackPlan("prod")).ToDictionary(f => f.Name, f => f.Content);

        Assert.Contains(
            "\nistio https://github.com/kubeflow/manifests//common/istio/istio-install/overlays/oauth2-proxy?ref=v1.10.2 after istio-crds,istio-namespace\n",
            files["kubeflow/units.txt"], StringComparison.Ordinal);
        Assert.EndsWith(
            """
            provider: pulumi:providers:kubernetes::workload-cluster
            wave: 10
            protect: false
            dependsOn:
            - kubernetes:kustomize/v2:Directory::istio-crds
            - kubernetes:kustomize/v2:Directory::istio-namespace
            - pulumi:providers:kubernetes::workload-cluster
            inputs:
              directory: https://github.com/kubeflow/manifests//common/istio/istio-install/overlays/oauth2-proxy?ref=v1.10.2
            transforms:
            - rule: workloadTimeouts
              timeoutSeconds: 1200
            - rule: mirrorImages
              registry: harbor.prod.example.com/mirror
            - rule: mirrorNamedImages
              registry: harbor.prod.example.com/mirror
              images:
              - gcr.io/istio-release/proxyv2:1.26.1
              - gcr.io/istio-release
            - rule: replicas
              count: 2
              deployments: []
              autoscalers:
              - istio-ingressgateway
              - istiod

            """.ReplaceLineEndings("\n"),
            files["kubeflow/units/istio.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HelmRelease_NamesChartVersionRepositoryAndNamespaceAboveItsValues()
    {
        var files = StackRenderer.Render(TestConfig.StackPlan("prod")).ToDictionary(f => f.Name, f => f.Content);

        Assert.Equal(
            "# kubernetes:helm.sh/v3:Release::cnpg-operator: wave 10, provider pulumi:providers:kubernetes::workload-cluster.\n"
            + "# Chart cloudnative-pg 0.29.0 from https://cloudnative-pg.github.io/charts, as release cnpg-operator in namespace cnpg-system, timeout 900s.\n"
            + "image:\n  repository: harbor.prod.example.com/mirror/ghcr.io/cloudnative-pg/cloudnative-pg\n",
            files["helm/cnpg-operator.values.yaml"]);
        Assert.EndsWith(
            "cloudnative-pg 0.29.0 from https://cloudnative-pg.github.io/charts, as release cnpg-operator in namespace cnpg-system, timeout 900s.\n{}\n",
            StackRenderer.Render(TestConfig.StackPlan("dev")).Single(f => f.Name == "helm/cnpg-operator.values.yaml").Content, StringComparison.Ordinal);
        Assert.StartsWith(
            "# kubernetes:helm.sh/v3:Release::minio-tenant: wave 11, provider pulumi:providers:kubernetes::workload-cluster.\n# protect: true\n"
            + "# Chart tenant 7.1.1 from https://operator.min.io, as release minio-tenant in namespace minio, timeout 900s.\n",
            files["helm/minio-tenant.values.yaml"], StringComparison.Ordinal);
        Assert.Contains("  - name: mlops-prod-mlflow-artifacts\n", files["helm/minio-tenant.values.yaml"], StringComparison.Ordinal);
        Assert.Contains("  version: 580.82.07\n", files["helm/gpu-operator.values.yaml"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Secret_ShowsEachSecretKeyAsItsSource()
    {
        var files = StackRenderer.Render(TestConfig.StackPlan("dev")).ToDictionary(f => f.Name, f => f.Content);

        Assert.Equal(
            """
            # kubernetes:core/v1:Secret::mlflow-admin: wave 10, provider pulumi:providers:kubernetes::workload-cluster.
            apiVersion: v1
            kind: Secret
            metadata:
              name: mlflow-admin
              namespace: mlflow
            stringData:
              password: '[secret random:index/randomPassword:RandomPassword::mlflow-admin-password]'
              username: admin
            type: kubernetes.io/basic-auth

            """.ReplaceLineEndings("\n"),
            files["mlflow/mlflow/secret-mlflow-admin.yaml"]);
        Assert.EndsWith(
            """
            stringData:
              config.env: |
                export MINIO_ROOT_USER=mlops-root
                export MINIO_ROOT_PASSWORD=[secret random:index/randomPassword:RandomPassword::minio-root-password]

            """.ReplaceLineEndings("\n"),
            files["minio/minio/secret-minio-root.yaml"], StringComparison.Ordinal);
        Assert.Contains(
            "  DEX_USER_0_HASH: <random:index/randomPassword:RandomPassword::kubeflow-admin-at-mlops-dev-example-com-password.bcryptHash>\n",
            files["kubeflow/auth/secret-dex-passwords.yaml"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod", null)]
    [InlineData("test", ExternalStore)]
    public void Render_WithTheSecretsDecryptedAsPulumiHandsThem_HoldsNoSecretValue(string stack, string? platform)
    {
        var yaml = platform is null ? File.ReadAllText(TestConfig.StackFile(stack)) : TestConfig.Yaml(("mlops:platform", platform));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var (config, secretKeys) = PulumiRuntime.AsPulumiWouldDeliver(yaml, place => values[place] = $"plain-{values.Count}-{Guid.NewGuid():N}");
        var options = PlatformConfiguration.Load(RuntimeConfig.Snapshot(config, secretKeys, PlatformConfiguration.Schemas)).ValidOptions();

        var files = StackRenderer.Render(StackPlanner.Plan(stack, options));

        Assert.Equal(platform is null ? 9 : 6, values.Count);
        Assert.All(files, f => Assert.All(values.Values, v => Assert.DoesNotContain(v, f.Content, StringComparison.Ordinal)));
        var secrets = files.Where(f => f.Name.Contains("/secret-", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(secrets);
        var placeholders = platform is null
            ? ["client_configuration_token.tok: '[secret mlops:gpu.operator.licenseToken]'", ".dockerconfigjson: '[secret mlops:gpu.operator.pullSecret]'", "ACCESS_SECRET_KEY: '[secret mlops:platform.backup.secretKey]'",
                "smtp-password: '[secret mlops:platform.monitoring.alerts.email.password]'", "password-0: '[secret mlops:platform.monitoring.remoteWrite[0].password]'"]
            : new[] { "AWS_SECRET_ACCESS_KEY: '[secret mlops:platform.objectStore.identities[0].secretKey]'" };
        Assert.All(placeholders, p => Assert.Contains(secrets, f => f.Content.Contains($"  {p}\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_ABrokenPlanValue_ChangesItsNodesFileAndNoOther()
    {
        var plan = TestConfig.StackPlan("dev");
        var admin = plan[PlanNode.IdOf(KubernetesTokens.Secret, "mlflow-admin")];
        var data = (PlanValue.MapValue)admin.Inputs["stringData"];
        var broken = new Plan(plan.Stack, plan.Nodes.Select(n => n.Id == admin.Id
            ? n with { Inputs = n.Inputs.SetItem("stringData", PlanValue.Map(data.Entries.SetItem("username", PlanValue.Of("intruder")))) }
            : n), plan.GpuCapacity, plan.Outputs, plan.Handoffs);

        var before = StackRenderer.Render(plan).ToDictionary(f => f.Name, f => f.Content);
        var after = StackRenderer.Render(broken).ToDictionary(f => f.Name, f => f.Content);

        Assert.Equal(before.Keys, after.Keys);
        Assert.Equal(["mlflow/mlflow/secret-mlflow-admin.yaml"], after.Where(f => f.Value != before[f.Key]).Select(f => f.Key));
        Assert.Equal(before["mlflow/mlflow/secret-mlflow-admin.yaml"].Replace("username: admin", "username: intruder", StringComparison.Ordinal), after["mlflow/mlflow/secret-mlflow-admin.yaml"]);
    }

    [Fact]
    public void Render_ABrokenHelmValue_ChangesItsValuesFile()
    {
        var plan = TestConfig.StackPlan("dev");
        var release = plan[PlanNode.IdOf(KubernetesTokens.HelmRelease, "mlflow")];
        var values = (PlanValue.MapValue)release.Inputs["values"];
        var broken = new Plan(plan.Stack, plan.Nodes.Select(n => n.Id == release.Id
            ? n with { Inputs = n.Inputs.SetItem("values", PlanValue.Map(values.Entries.SetItem("replicaCount", PlanValue.Of(7)))) }
            : n));

        var file = StackRenderer.Render(broken).Single(f => f.Name == "helm/mlflow.values.yaml").Content;

        Assert.Contains("\nreplicaCount: 7\n", file, StringComparison.Ordinal);
        Assert.Contains("\nreplicaCount: 1\n", StackRenderer.Render(plan).Single(f => f.Name == "helm/mlflow.values.yaml").Content, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Render_IsAFunctionOfThePlanAlone_SoThePlansJsonRendersTheSame(string stack)
    {
        var plan = TestConfig.StackPlan(stack);

        var files = StackRenderer.Render(plan);

        Assert.Equal(files.ToArray(), StackRenderer.Render(PlanJson.Read(PlanJson.Write(plan))).ToArray());
        Assert.Equal(files.ToArray(), StackRenderer.Render(TestConfig.StackPlan(stack)).ToArray());
        Assert.Equal(files.Select(f => f.Name).Order(StringComparer.Ordinal), files.Select(f => f.Name));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Render_Handoffs_AreWrittenBelowTheirFolderAsPlanned(string stack)
    {
        var plan = TestConfig.StackPlan(stack);

        var files = StackRenderer.Render(plan).Where(f => f.Name.StartsWith("handoffs/", StringComparison.Ordinal)).ToArray();

        Assert.Equal(plan.Handoffs.Select(h => ($"handoffs/{h.Path}", h.Content)), files.Select(f => (f.Name, f.Content)));
    }

    [Fact]
    public void Render_ExternalStore_HandsItsAdministratorsTheBucketsAndPolicies()
    {
        var files = StackRenderer.Render(StackPlanner.Plan("test", TestConfig.Load(("mlops:platform", ExternalStore)).ValidOptions())).ToDictionary(f => f.Name, f => f.Content);

        Assert.Equal(
            [
                "handoffs/feast/feature_store.yaml", "handoffs/object-store/buckets.txt", "handoffs/object-store/policies/feast-buckets.json",
                "handoffs/object-store/policies/kubeflow-pipelines-buckets.json", "handoffs/object-store/policies/mlflow-buckets.json",
                "handoffs/object-store/policies/spark-buckets.json", "handoffs/spark/spark-pi.yaml",
            ],
            files.Keys.Where(k => k.StartsWith("handoffs/", StringComparison.Ordinal)));
        Assert.Equal("mlops-dev-mlflow-artifacts\nmlops-dev-kubeflow-pipelines\nmlops-dev-feast-registry\nmlops-dev-feast-offline\nmlops-dev-spark-events\nmlops-dev-spark-data\n", files["handoffs/object-store/buckets.txt"]);
        Assert.DoesNotContain(files.Keys, k => k.StartsWith("helm/minio", StringComparison.Ordinal) || k.StartsWith("minio/", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PlatformOnlyStack_WritesOnlyPlatformFiles()
    {
        var options = TestConfig.Load(("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/dev")).ValidOptions();

        var files = StackRenderer.Render(StackPlanner.Plan("team", options));

        Assert.DoesNotContain(files, f => f.Name.StartsWith("mlops-dev/", StringComparison.Ordinal) || f.Name.Contains("/storageclass-", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Name == "helm/minio-tenant.values.yaml");
    }

    [Fact]
    public void Render_NamesThatWouldLeaveTheFolder_StayInsideIt()
    {
        var component = PlanNodes.Component("infra:x:C", "../up", null);
        var plan = new Plan("dev",
        [
            component,
            PlanNodes.Resource(KubernetesTokens.ConfigMap, "a", component.Id,
                ("metadata", PlanNodes.Map(("name", PlanValue.Of("../../etc/passwd")), ("namespace", PlanValue.Of(".."))))),
            PlanNodes.Resource(KubernetesTokens.HelmRelease, "b", component.Id, ("name", PlanValue.Of("/abs/olute"))),
            PlanNodes.Resource(KubernetesTokens.Namespace, "c", component.Id, ("metadata", PlanNodes.Map(("name", PlanValue.Of(new string('n', 300)))))),
        ], handoffs: [new PlanHandoff("../x/.hidden", "p", "c")]);

        var names = StackRenderer.Render(plan).Select(f => f.Name).ToArray();

        Assert.Equal(
            [
                "handoffs/_/x/hidden",
                "helm/abs-olute.values.yaml",
                "up/_/configmap-..-..-etc-passwd.yaml",
                $"up/cluster/namespace-{new string('n', 173)}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("namespace-" + new string('n', 300))))[..16]}.yaml",
            ],
            names);
        Assert.All(names, n => Assert.DoesNotContain(n.Split('/'), p => p.StartsWith('.') || p.StartsWith('-')));
    }

    [Fact]
    public void Render_TwoNodesOfOnePath_IsAModelDefect()
    {
        var component = PlanNodes.Component("infra:x:C", "c", null);
        var metadata = PlanNodes.Map(("name", PlanValue.Of("same")), ("namespace", PlanValue.Of("ns")));
        var plan = new Plan("dev", [component, PlanNodes.Resource(KubernetesTokens.Secret, "a", component.Id, ("metadata", metadata)), PlanNodes.Resource(KubernetesTokens.Secret, "b", component.Id, ("metadata", metadata))]);

        var ex = Assert.Throws<InvalidOperationException>(() => StackRenderer.Render(plan));

        Assert.Equal("The render of stack 'dev' gives 'c/ns/secret-same.yaml' for both kubernetes:core/v1:Secret::a and kubernetes:core/v1:Secret::b: a defect in the model.", ex.Message);
    }

    [UpstreamTheory]
    [InlineData("dev", new[] { "kubeflow.org/v1alpha1/PodDefault", "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database", "security.istio.io/v1/AuthorizationPolicy", "security.istio.io/v1/PeerAuthentication", "security.istio.io/v1/RequestAuthentication" })]
    [InlineData("prod", new[] { "kubeflow.org/v1alpha1/PodDefault", "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup", "security.istio.io/v1/AuthorizationPolicy", "security.istio.io/v1/PeerAuthentication", "security.istio.io/v1/RequestAuthentication", "security.istio.io/v1beta1/AuthorizationPolicy", "snapshot.storage.k8s.io/v1/VolumeSnapshotClass" })]
    [InlineData("lab", new string[0])]
    public void Render_EveryManifest_ValidatesAgainstItsUpstreamSchema_WhereOneIsHere(string stack, string[] withoutSchema)
    {
        var errors = new List<string>();
        var unchecked_ = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var (path, content) in Rendered.Files(stack).Where(f => IsManifest(f.Key)))
        {
            var manifest = UpstreamSchemas.Yaml(content)!;
            var type = $"{manifest["apiVersion"]}/{manifest["kind"]}";
            if (SchemaOf((string)manifest["apiVersion"]!, (string)manifest["kind"]!) is { } schema)
            {
                errors.AddRange(UpstreamSchemas.Errors(schema, manifest).Select(e => $"{path}{e}"));
            }
            else
            {
                unchecked_.Add(type);
            }
        }

        Assert.Empty(errors);
        Assert.Equal(withoutSchema, unchecked_);
    }

    [UpstreamFact]
    public void SchemaCheck_RejectsARenderedManifestWithAFieldItsKindDoesNotHave()
    {
        var secret = Rendered.Yaml("dev", "mlflow/mlflow/secret-mlflow-admin.yaml");
        var cluster = Rendered.Yaml("dev", "mlops-dev/mlops-dev/cluster-mlops-dev.yaml");
        secret["stringDate"] = new System.Text.Json.Nodes.JsonObject();
        cluster["spec"]!["topology"]!["workers"] = "none";

        Assert.Equal(["/stringDate: All values fail against the false schema"], UpstreamSchemas.Errors(SchemaOf("v1", "Secret")!, secret));
        Assert.NotEmpty(UpstreamSchemas.Errors(SchemaOf("cluster.x-k8s.io/v1beta1", "Cluster")!, cluster));
    }

    // The upstream schema of a kind: Kubernetes' OpenAPI documents for its own groups, the CRDs here for the others.
    private static Json.Schema.JsonSchema? SchemaOf(string apiVersion, string kind) => Schemas.GetOrAdd($"{apiVersion}/{kind}", _ => (apiVersion, kind) switch
    {
        ("v1", _) => UpstreamSchemas.Kubernetes("kubernetes/v1.35.api__v1_openapi.json", $"io.k8s.api.core.v1.{kind}"),
        ("storage.k8s.io/v1" or "networking.k8s.io/v1" or "apps/v1" or "batch/v1" or "policy/v1" or "rbac.authorization.k8s.io/v1", _) =>
            UpstreamSchemas.Kubernetes($"kubernetes/v1.35.apis__{apiVersion.Split('/')[0]}__v1_openapi.json", $"io.k8s.api.{apiVersion.Split('/')[0].Replace(".k8s.io", string.Empty, StringComparison.Ordinal).Replace(".authorization", string.Empty, StringComparison.Ordinal)}.v1.{kind}"),
        ("cluster.x-k8s.io/v1beta1", "Cluster") => UpstreamSchemas.Crd("cluster-api/cluster.x-k8s.io_clusters.yaml", "v1beta1"),
        ("run.tanzu.vmware.com/v1alpha2", "TanzuKubernetesCluster") => UpstreamSchemas.Crd("tanzu/run.tanzu.vmware.com_tanzukubernetesclusters.v1alpha2-only.yaml", "v1alpha2"),
        ("kubeflow.org/v1", "Profile") => UpstreamSchemas.Crd("kubeflow/kubeflow.org_profiles.yaml", "v1"),
        ("feast.dev/v1", "FeatureStore") => UpstreamSchemas.Crd("feast/feast.dev_featurestores.yaml", "v1"),
        ("sparkoperator.k8s.io/v1beta2", "SparkApplication") => UpstreamSchemas.Crd("spark-operator/sparkoperator.k8s.io_sparkapplications.yaml", "v1beta2"),
        ("serving.kserve.io/v1alpha1", "ServingRuntime") => UpstreamSchemas.Crd("kserve/servingruntimes.serving.kserve.io.yaml", "v1alpha1"),
        ("monitoring.coreos.com/v1", "ServiceMonitor") => UpstreamSchemas.Crd("prometheus/monitoring.coreos.com_servicemonitors.yaml", "v1"),
        ("monitoring.coreos.com/v1", "PodMonitor") => UpstreamSchemas.Crd("prometheus/monitoring.coreos.com_podmonitors.yaml", "v1"),
        ("monitoring.coreos.com/v1", "PrometheusRule") => UpstreamSchemas.Crd("prometheus/monitoring.coreos.com_prometheusrules.yaml", "v1"),
        _ => null,
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Json.Schema.JsonSchema?> Schemas = new(StringComparer.Ordinal);

    // A Kubernetes object the registrar creates: not a chart, kustomization or manifest bundle, not a read.
    private static bool IsKubernetesObject(PlanNode node) =>
        node.Kind == PlanNodeKind.Resource && node.Type.StartsWith("kubernetes:", StringComparison.Ordinal)
        && node.Type is not (KubernetesTokens.HelmRelease or KubernetesTokens.KustomizeDirectory or KubernetesTokens.ConfigFile);

    private static bool IsManifest(string name) =>
        !name.StartsWith("helm/", StringComparison.Ordinal) && !name.StartsWith("handoffs/", StringComparison.Ordinal)
        && !name.Contains("/units/", StringComparison.Ordinal) && !name.EndsWith("/units.txt", StringComparison.Ordinal);

    // The node a manifest names in its first line.
    private static string NodeOf(RenderedFile file) => file.Content[2..file.Content.IndexOf(": wave ", StringComparison.Ordinal)];

    private static string ComponentOf(Plan plan, PlanNode node)
    {
        var parent = plan[node.Parent!];
        return parent.Kind == PlanNodeKind.Component ? parent.Name : ComponentOf(plan, parent);
    }
}
