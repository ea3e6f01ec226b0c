using Infra.Model.Kubernetes;
using Infra.Model.Rendering;
using Infra.Model.Stacks;
using Infra.Model.Tests.Rendering;

namespace Infra.Model.Tests.Images;

public sealed class StackArtifactsTests
{
    private const string Mirror = "harbor.prod.example.com/mirror";

    private static StackArtifacts Prod() => StackArtifacts.For(TestConfig.StackOptions("prod"));

    [Theory]
    [InlineData("busybox", "docker.io", "library/busybox", null, null)]
    [InlineData("kserve/agent:v0.15.0", "docker.io", "kserve/agent", "v0.15.0", null)]
    [InlineData("quay.io/minio/operator:v7.1.1", "quay.io", "minio/operator", "v7.1.1", null)]
    [InlineData("localhost:5000/team/app@sha256:abc", "localhost:5000", "team/app", null, "sha256:abc")]
    [InlineData("docker.io/library/busybox:1.38.0@sha256:dc2d", "docker.io", "library/busybox", "1.38.0", "sha256:dc2d")]
    public void References_AreReadAsTheContainerRuntimesReadThem(string reference, string registry, string repository, string? tag, string? digest)
    {
        Assert.Equal(new ImageReference(registry, repository, tag, digest), ImageReference.Parse(reference));
    }

    [Fact]
    public void InTheMirror_AnImageIsWhereThePlatformPullsIt_TheMirrorBeforeTheReferenceAsWritten()
    {
        var artifacts = Prod();
        PulledImage Find(string written) => artifacts.Images.Single(i => i.Written == written);

        Assert.Equal("harbor.prod.example.com/mirror/quay.io/minio/operator:v7.1.1", artifacts.InMirror(Find("quay.io/minio/operator:v7.1.1")).ToString());
        // Written without a registry, as the release writes it, and so rewritten by the mirror transform.
        Assert.Equal("harbor.prod.example.com/mirror/kserve/kserve-controller:v0.15.0", artifacts.InMirror(Find("kserve/kserve-controller:v0.15.0")).ToString());
        Assert.Equal(Model.Kubernetes.Images.Through(Mirror, "kserve/kserve-controller:v0.15.0"), artifacts.InMirror(Find("kserve/kserve-controller:v0.15.0")).ToString());
        // No image is written two ways, so each has one place in the mirror.
        Assert.All(Technologies.All.SelectMany(t => t.Images(TestConfig.StackOptions("prod"))).GroupBy(i => i.Image), g => Assert.Single(g.Select(i => i.Written).Distinct()));
    }

    [Fact]
    public void Prod_EveryImageTheRenderNames_IsOneTheStackLists()
    {
        var artifacts = Prod();
        var listed = artifacts.Images.Select(i => i.Image).ToArray();
        var rendered = RenderedImagesTests.Images(StackRenderer.Render(TestConfig.StackPlan("prod")))
            .Select(i => i.Reference).Distinct(StringComparer.Ordinal).ToArray();
        bool Listed(ImageReference image) =>
            // A value that names no tag is the chart's own (its app version), and a repository value the chart may
            // join to an image name of its own (the GPU Operator's): the list names the whole reference it writes.
            image.Tag is null && image.Digest is null ? listed.Any(l => l.Name == image.Name || l.Name.StartsWith(image.Name + "/", StringComparison.Ordinal)) : listed.Contains(image);

        Assert.NotEmpty(rendered);
        Assert.All(rendered, reference =>
        {
            var stripped = reference[(Mirror.Length + 1)..];
            // An image map that moves only its registry (the runner's) names the registry alone; the vGPU driver comes
            // from the registry path the stack names itself; everything else through the mirror.
            Assert.True(
                stripped.Contains('/', StringComparison.Ordinal) ? Listed(ImageReference.Parse(stripped)) || Listed(ImageReference.Parse(reference)) : listed.Any(l => l.Registry == stripped),
                $"the render pulls {reference}, which 'infractl images' does not list");
        });
    }

    [Fact]
    public void Prod_ListsEveryImagePinned_OnceEach_AndEveryChartAndSource()
    {
        var artifacts = Prod();

        Assert.All(artifacts.Images, i => Assert.True(i.Image.Tag is { Length: > 0 } || i.Image.ByDigest || i.TagFrom is not null, $"{i.Image} is not pinned"));
        Assert.Equal(["registry.gitlab.com/gitlab-org/build/cng/gitlab-shell"], artifacts.Images.Where(i => i.TagFrom is not null).Select(i => i.Image.ToString()));
        Assert.Equal(artifacts.Images.Length, artifacts.Images.Select(i => i.Image).Distinct().Count());
        Assert.Equal(
            ["cnpg-operator cloudnative-pg 0.29.0", "gitlab gitlab 9.9.1", "gpu-operator gpu-operator v26.7.0", "kube-prometheus-stack kube-prometheus-stack 88.5.3", "minio-operator operator 7.1.1",
             "minio-tenant tenant 7.1.1", "mlflow mlflow 1.11.5", "spark-operator spark-operator 2.5.2", "valkey valkey 0.11.0", "velero velero 11.4.0"],
            artifacts.Charts.Select(c => $"{c.Release} {c.Name} {c.Version}"));
        Assert.Contains(artifacts.Sources, s => (s.Kind, s.Location, s.UsedBy) == ("manifest", "https://raw.githubusercontent.com/feast-dev/feast/v0.66.0/infra/feast-operator/dist/install.yaml", "feast-operator"));
        Assert.Contains(artifacts.Sources, s => (s.Kind, s.Location, s.UsedBy) == ("file", "https://repo1.maven.org/maven2/org/apache/hadoop/hadoop-aws/3.4.1/hadoop-aws-3.4.1.jar", "Spark history server"));
        Assert.Contains(artifacts.Sources, s => (s.Kind, s.Location, s.UsedBy) == ("kustomization", "https://github.com/kubeflow/manifests//common/networkpolicies/base?ref=v1.10.2", "networkpolicies"));
    }

    [Fact]
    public void KubeflowsImages_ThoseNamedInItsConfigurationToo_ArePulledThroughTheMirror_AsAreTheGpuOperatorsOperands()
    {
        var artifacts = Prod();
        PulledImage Find(string reference) => artifacts.Images.Single(i => i.Image == ImageReference.Parse(reference));

        Assert.Equal(
            ("harbor.prod.example.com/mirror/ghcr.io/kubeflow/kfp-api-server:2.5.0", true),
            (artifacts.PulledAs(Find("ghcr.io/kubeflow/kfp-api-server:2.5.0")).ToString(), Find("ghcr.io/kubeflow/kfp-api-server:2.5.0").Rewritten));
        Assert.Equal(
            ("harbor.prod.example.com/mirror/kserve/sklearnserver:v0.15.0", true, "Kubeflow kserve (named in its configuration)"),
            (artifacts.PulledAs(Find("kserve/sklearnserver:v0.15.0")).ToString(), Find("kserve/sklearnserver:v0.15.0").Rewritten, Find("kserve/sklearnserver:v0.15.0").UsedBy));
        // Istio's proxy runs the gateways (rewritten) and is injected as every sidecar (named in the injector's values).
        Assert.Equal(("Kubeflow istio, Kubeflow istio (named in its configuration), Kubeflow cluster-local-gateway", true),
            (Find("gcr.io/istio-release/proxyv2:1.26.1").UsedBy, Find("gcr.io/istio-release/proxyv2:1.26.1").Rewritten));
        // What no transform or value rewrites: only the vGPU driver, from the registry path the stack names itself.
        Assert.Equal(["harbor.prod.example.com/mirror/nvaie/vgpu-guest-driver-5:580.82.07"], artifacts.Images.Where(i => !i.Rewritten).Select(i => i.Image.ToString()));
    }
}
