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
