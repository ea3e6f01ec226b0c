using System.Collections.Immutable;
using Infra.Components.Planning;
using Infra.Model.Planning;
using Pulumi;

namespace Infra.Components.Tests.Planning;

public sealed class PlanTransformsTests
{
    private static readonly ImmutableDictionary<string, object?> Deployment = Map(
        ("metadata", Map(("name", "feast-operator-controller-manager"))),
        ("spec", Map(("template", Map(("spec", Map(("containers", List(Map(
            ("name", "manager"),
            ("image", "quay.io/feastdev/feast-operator:0.66.0"),
            ("env", List(
                Map(("name", "RELATED_IMAGE_FEATURE_SERVER"), ("value", "quay.io/feastdev/feature-server:0.66.0")),
                Map(("name", "LOG_LEVEL"), ("value", "quay.io/not-an-image"))))))))))))));

    private static ImmutableArray<object?> List(params object?[] items) => [.. items];

    private static ImmutableDictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToImmutableDictionary(e => e.Key, e => e.Value);

    [Fact]
    public async Task MirrorImages_WorkloadsPullTheirImagesAndOperandImagesThroughTheMirror()
    {
        var result = await PlanTransforms.Of(new PlanTransform.MirrorImages("harbor.example.com/mirror"))(new ResourceTransformArgs("manager", "kubernetes:apps/v1:Deployment", true, Deployment, new CustomResourceOptions()));

        var container = (ImmutableDictionary<string, object?>)((ImmutableArray<object?>)((ImmutableDictionary<string, object?>)((ImmutableDictionary<string, object?>)((ImmutableDictionary<string, object?>)result!.Value.Args["spec"]!)["template"]!)["spec"]!)["containers"]!)[0]!;
        var env = (ImmutableArray<object?>)container["env"]!;
        Assert.Equal("harbor.example.com/mirror/quay.io/feastdev/feast-operator:0.66.0", container["image"]);
        Assert.Equal("harbor.example.com/mirror/quay.io/feastdev/feature-server:0.66.0", ((ImmutableDictionary<string, object?>)env[0]!)["value"]);
        Assert.Equal("quay.io/not-an-image", ((ImmutableDictionary<string, object?>)env[1]!)["value"]);
        Assert.Equal("feast-operator-controller-manager", ((ImmutableDictionary<string, object?>)result.Value.Args["metadata"]!)["name"]);
    }

    [Fact]
    public async Task MirrorImages_OtherKindsAreLeftAlone()
    {
        Assert.Null(await PlanTransforms.Of(new PlanTransform.MirrorImages("harbor.example.com/mirror"))(new ResourceTransformArgs("feast", "kubernetes:core/v1:ConfigMap", true, Deployment, new CustomResourceOptions())));
    }

    [Fact]
    public async Task MirrorNamedImages_RewritesEachWholeOccurrenceInAConfigMap_AndLeavesTheRestAlone()
    {
        var transform = PlanTransforms.Of(new PlanTransform.MirrorNamedImages("harbor.example.com/mirror", ["kserve/storage-initializer:v0.15.0", "gcr.io/istio-release"]));
        var config = Map(
            ("metadata", Map(("name", "inferenceservice-config"))),
            ("data", Map(
                ("storageInitializer", "{\"image\" : \"kserve/storage-initializer:v0.15.0\", \"memoryRequest\": \"100Mi\"}"),
                ("values", "{\"global\":{\"hub\":\"gcr.io/istio-release\",\"tag\":\"1.26.1\"}}"),
                ("already", "harbor.example.com/mirror/kserve/storage-initializer:v0.15.0"),
                ("longer", "gcr.io/istio-release/pilot:1.26.1 kserve/storage-initializer:v0.15.0-gpu"))));

        var data = (ImmutableDictionary<string, object?>)(await transform(new ResourceTransformArgs("config", "kubernetes:core/v1:ConfigMap", true, config, new CustomResourceOptions())))!.Value.Args["data"]!;

        Assert.Equal("{\"image\" : \"harbor.example.com/mirror/kserve/storage-initializer:v0.15.0\", \"memoryRequest\": \"100Mi\"}", data["storageInitializer"]);
        Assert.Equal("{\"global\":{\"hub\":\"harbor.example.com/mirror/gcr.io/istio-release\",\"tag\":\"1.26.1\"}}", data["values"]);
        Assert.Equal("harbor.example.com/mirror/kserve/storage-initializer:v0.15.0", data["already"]);
        Assert.Equal("gcr.io/istio-release/pilot:1.26.1 kserve/storage-initializer:v0.15.0-gpu", data["longer"]);
        Assert.Null(await transform(new ResourceTransformArgs("other", "kubernetes:core/v1:ConfigMap", true, Map(("data", Map(("x", "nothing here")))), new CustomResourceOptions())));
    }

    [Fact]
    public async Task ConfigMapData_ReplacesTheNamedConfigMapsData_AndNoOtherObjects()
    {
        var transform = PlanTransforms.Of(new PlanTransform.ConfigMapData("knative-serving", "config-domain",
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("models.mlops-dev.example.com", string.Empty)])));
        var domain = Map(("metadata", Map(("name", "config-domain"), ("namespace", "knative-serving"))), ("data", Map(("example.com", ""), ("_example", "..."))));

        var result = (await transform(new ResourceTransformArgs("config-domain", "kubernetes:core/v1:ConfigMap", true, domain, new CustomResourceOptions())))!.Value.Args;

        Assert.Equal([KeyValuePair.Create("models.mlops-dev.example.com", (object?)string.Empty)], ((ImmutableDictionary<string, object?>)result["data"]!).ToArray());
        Assert.Equal(domain["metadata"], result["metadata"]);
        Assert.Null(await transform(new ResourceTransformArgs("config-network", "kubernetes:core/v1:ConfigMap", true, Map(("metadata", Map(("name", "config-network"), ("namespace", "knative-serving"))), ("data", Map())), new CustomResourceOptions())));
        Assert.Null(await transform(new ResourceTransformArgs("elsewhere", "kubernetes:core/v1:ConfigMap", true, Map(("metadata", Map(("name", "config-domain"), ("namespace", "default"))), ("data", Map())), new CustomResourceOptions())));
        Assert.Null(await transform(new ResourceTransformArgs("secret", "kubernetes:core/v1:Secret", true, domain, new CustomResourceOptions())));
    }

    [Fact]
    public async Task Replicas_ScaleTheListedDeploymentsOverTheNodesAndRaiseTheListedAutoscalersFloors()
    {
        var transform = PlanTransforms.Of(new PlanTransform.Replicas(2, ["ml-pipeline-ui"], ["activator"]));
        var selector = Map(("matchLabels", Map(("app", "ml-pipeline-ui"))));
        var template = Map(("spec", Map(("containers", List()))));
        var ui = Map(("metadata", Map(("name", "ml-pipeline-ui"), ("namespace", "kubeflow"))), ("spec", Map(("replicas", 1), ("selector", selector), ("template", template))));
        var autoscaler = Map(("metadata", Map(("name", "activator"))), ("spec", Map(("minReplicas", 1), ("maxReplicas", 20))));

        var scaled = (await transform(new ResourceTransformArgs("ui", "kubernetes:apps/v1:Deployment", true, ui, new CustomResourceOptions())))!.Value.Args;
        var spec = (ImmutableDictionary<string, object?>)scaled["spec"]!;
        var pod = (ImmutableDictionary<string, object?>)((ImmutableDictionary<string, object?>)spec["template"]!)["spec"]!;
        var spread = (ImmutableDictionary<string, object?>)((ImmutableArray<object?>)pod["topologySpreadConstraints"]!).Single()!;
        Assert.Equal(2, spec["replicas"]);
        Assert.Equal((1, "kubernetes.io/hostname", "ScheduleAnyway"), (spread["maxSkew"], spread["topologyKey"], spread["whenUnsatisfiable"]));
        Assert.Equal("ml-pipeline-ui", ((ImmutableDictionary<string, object?>)((ImmutableDictionary<string, object?>)spread["labelSelector"]!)["matchLabels"]!)["app"]);
        Assert.Empty((ImmutableArray<object?>)pod["containers"]!);

        var floor = (ImmutableDictionary<string, object?>)(await transform(new ResourceTransformArgs("activator", PlanTransform.Replicas.AutoscalerType, true, autoscaler, new CustomResourceOptions())))!.Value.Args["spec"]!;
        Assert.Equal((2, 20), (floor["minReplicas"], floor["maxReplicas"]));

        // Workloads it does not name, and other kinds, are left alone.
        Assert.Null(await transform(new ResourceTransformArgs("api", "kubernetes:apps/v1:Deployment", true, ui.SetItem("metadata", Map(("name", "ml-pipeline"))), new CustomResourceOptions())));
        Assert.Null(await transform(new ResourceTransformArgs("ui", "kubernetes:apps/v1:StatefulSet", true, ui, new CustomResourceOptions())));
    }

    [Fact]
    public async Task WorkloadTimeouts_GiveWorkloadsTheirCreateAndUpdateTimeoutAndLeaveOtherKindsAlone()
    {
        var transform = PlanTransforms.Of(new PlanTransform.WorkloadTimeouts(TimeSpan.FromMinutes(20)));

        var result = await transform(new ResourceTransformArgs("manager", "kubernetes:apps/v1:Deployment", true, Deployment, new CustomResourceOptions()));

        Assert.Equal((TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(20), (TimeSpan?)null), (result!.Value.Options.CustomTimeouts!.Create, result.Value.Options.CustomTimeouts.Update, result.Value.Options.CustomTimeouts.Delete));
        Assert.Same(Deployment, result.Value.Args);
        Assert.Null(await transform(new ResourceTransformArgs("feast", "kubernetes:core/v1:ConfigMap", true, Deployment, new CustomResourceOptions())));
        Assert.Equal(TimeSpan.FromMinutes(20), Infra.Model.Kubeflow.KubeflowVersions.WorkloadTimeout);
    }
}
