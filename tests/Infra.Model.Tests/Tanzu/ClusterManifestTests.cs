using System.Text.Json.Nodes;
using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Tanzu;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Tanzu;

public sealed class ClusterManifestTests
{
    private static PlatformOptions Stack(string stack) =>
        TestConfig.StackOptions(stack);

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Cluster_ValidatesAgainstTheClusterApiCrd(string stack)
    {
        var manifest = ClusterManifest.For(TanzuSpec.For(Stack(stack)));

        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd("cluster-api/cluster.x-k8s.io_clusters.yaml", "v1beta1"), manifest));
    }

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void TanzuKubernetesCluster_ValidatesAgainstTheClosestPublicCrd(string stack)
    {
        // v1alpha3's CRD is not public; the v1alpha2 one has the same topology, nodePools and settings shape.
        var manifest = ClusterManifest.For(TanzuSpec.For(Stack(stack) with { Tanzu = Stack(stack).Tanzu! with { Api = TanzuClusterApi.TanzuKubernetesCluster } }));

        Assert.Equal("run.tanzu.vmware.com/v1alpha3", (string)manifest["apiVersion"]!);
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd("tanzu/run.tanzu.vmware.com_tanzukubernetesclusters.v1alpha2-only.yaml", "v1alpha2"), manifest));
    }

    [UpstreamFact]
    public void Schema_RejectsAFieldTheCrdDoesNotHave()
    {
        var manifest = ClusterManifest.For(TanzuSpec.For(Stack("dev")));
        manifest["spec"]!["topology"]!["controlPlaneReplicas"] = 3;

        Assert.Single(UpstreamSchemas.Errors(UpstreamSchemas.Crd("cluster-api/cluster.x-k8s.io_clusters.yaml", "v1beta1"), manifest));
    }

    [Fact]
    public void Cluster_Dev_HasOneControlPlaneNodeAndAnUbuntuGpuPoolOnTheVgpuClass()
    {
        var manifest = ClusterManifest.For(TanzuSpec.For(Stack("dev")));

        Assert.Equal(
            """{"name":"mlops-dev","namespace":"mlops-dev","annotations":{"pulumi.com/waitFor":"condition=Ready"}}""",
            manifest["metadata"]!.ToJsonString());
        var topology = manifest["spec"]!["topology"]!;
        Assert.Equal("tanzukubernetescluster", (string)topology["class"]!);
        Assert.Equal(TanzuReleases.Default.Version, (string)topology["version"]!);
        Assert.Equal(1, (int)topology["controlPlane"]!["replicas"]!);
        var pools = topology["workers"]!["machineDeployments"]!.AsArray();
        Assert.Equal(
            """{"class":"node-pool","name":"cpu","replicas":2,"variables":{"overrides":[{"name":"vmClass","value":"best-effort-2xlarge"},{"name":"nodePoolVolumes","value":[{"name":"containerd","mountPath":"/var/lib/containerd","storageClass":"mlops-dev-standard","capacity":{"storage":"50Gi"}}]}]}}""",
            pools[0]!.ToJsonString());
        Assert.Equal(
            """{"class":"node-pool","name":"gpu","replicas":1,"metadata":{"annotations":{"run.tanzu.vmware.com/resolve-os-image":"os-name=ubuntu"}},"variables":{"overrides":[{"name":"vmClass","value":"mlops-dev-vgpu-a100d-20c"},{"name":"nodePoolVolumes","value":[{"name":"containerd","mountPath":"/var/lib/containerd","storageClass":"mlops-dev-standard","capacity":{"storage":"100Gi"}}]}]}}""",
            pools[1]!.ToJsonString());
    }

    [Fact]
    public void Cluster_Prod_HasThreeControlPlaneNodesAndThePinnedRelease()
    {
        var spec = TanzuSpec.For(Stack("prod"));

        Assert.Equal(3, spec.ControlPlaneReplicas);
        Assert.Equal("v1.33.6+vmware.1-fips", (string)ClusterManifest.For(spec)["spec"]!["topology"]!["version"]!);
        Assert.Equal(["guaranteed-2xlarge", "guaranteed-large", "mlops-prod-vgpu-a100d-40c"], spec.VmClasses.ToArray());
        Assert.Equal(200, spec.NodePools.Single(p => p.Gpu).ContainerdVolumeGi);
    }

    [Fact]
    public void TanzuKubernetesCluster_WithAGpuPool_RunsUbuntuAndReferencesTheRelease()
    {
        var manifest = ClusterManifest.For(TanzuSpec.For(Stack("dev") with { Tanzu = Stack("dev").Tanzu! with { Api = TanzuClusterApi.TanzuKubernetesCluster } }));

        Assert.Equal("os-name=ubuntu", (string)manifest["metadata"]!["annotations"]!["run.tanzu.vmware.com/resolve-os-image"]!);
        Assert.All(manifest["spec"]!["topology"]!["nodePools"]!.AsArray(), pool =>
            Assert.Equal(TanzuReleases.Default.Name, (string)pool!["tkr"]!["reference"]!["name"]!));
        Assert.Equal("mlops-dev-standard", (string)manifest["spec"]!["settings"]!["storage"]!["defaultClass"]!);
    }

    [Fact]
    public void Spec_Defaults_FollowProductionFlag()
    {
        var dev = TanzuSpec.For(TestConfig.Load().ValidOptions());
        var prod = TanzuSpec.For(TestConfig.Load(TestConfig.Production).ValidOptions());

        Assert.Equal((1, "mlops-dev", "mlops-dev", "192.168.0.0/16", "10.96.0.0/12"), (dev.ControlPlaneReplicas, dev.Namespace, dev.ClusterName, dev.PodCidr, dev.ServiceCidr));
        Assert.Equal([new NodePoolSpec("cpu", 2, "best-effort-2xlarge", "mlops-dev-standard", 50, false)], dev.NodePools.ToArray());
        Assert.Equal(3, prod.ControlPlaneReplicas);
        Assert.Equal((5, "guaranteed-2xlarge"), (prod.NodePools.Single().Replicas, prod.NodePools.Single().VmClass));
    }
}
