using Infra.Model.Kubernetes;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Stacks;

public sealed class CompatibilityTests
{
    [Fact]
    public void AReleaseOneComponentDoesNotRunOn_IsRefused_NamingItAndTheReleasesThatFit()
    {
        var error = Assert.Single(TestConfig.Load(("mlops:tanzu", TestConfig.Supervisor + "\n    release: v1.32.7---vmware.3-fips-vkr.1"), ("mlops:gpu", Vgpu)).Errors);

        Assert.Same(StackErrors.KubernetesOutOfRange, error.Code);
        Assert.Equal("MLOPS0107 mlops:tanzu.release 'v1.32.7---vmware.3-fips-vkr.1' runs Kubernetes 1.32, which NVIDIA GPU Operator v26.7.0 (Kubernetes 1.33–1.36) does not support. Releases that every component this stack runs supports: v1.33.6---vmware.1-fips-vkr.2. Set it with 'pulumi config set --path mlops:tanzu.release v1.33.6---vmware.1-fips-vkr.2', or disable the component.", error.Text);
    }

    [Fact]
    public void AnOldRelease_NamesEveryComponentOutOfRange()
    {
        var error = Assert.Single(TestConfig.Load(("mlops:tanzu", TestConfig.Supervisor + "\n    release: v1.29.4---vmware.3-fips.1-tkg.1")).Errors);

        Assert.Equal("mlops:tanzu.release 'v1.29.4---vmware.3-fips.1-tkg.1' runs Kubernetes 1.29, which MinIO operator and tenant 7.1.1 (Kubernetes 1.30 or later), CloudNativePG 1.30.0 (chart 0.29.0) (Kubernetes 1.34–1.36 (tested 1.30–1.36)), Kubeflow v1.10.2 (Kubernetes 1.32 (tested 1.32–1.33)) do not support. Releases that every component this stack runs supports: v1.32.7---vmware.3-fips-vkr.1, v1.33.6---vmware.1-fips-vkr.2. Set it with 'pulumi config set --path mlops:tanzu.release v1.33.6---vmware.1-fips-vkr.2', or disable the component.", error.Message);
    }

    [Fact]
    public void ComponentsTheStackDoesNotRun_DoNotCount()
    {
        // Level 1 without GPUs: neither the GPU Operator (1.33 and later) nor GitLab (1.33 to 1.35) counts on 1.32.
        var loaded = TestConfig.Load(("mlops:tanzu", TestConfig.Supervisor + "\n    release: v1.32.7---vmware.3-fips-vkr.1"));

        Assert.Empty(loaded.Errors);
        Assert.Equal(["MinIO operator and tenant", "CloudNativePG", "Valkey", "Feast operator", "MLflow chart", "Spark operator", "Kubeflow"], Compatibility.For(loaded.ValidOptions()).Select(c => c.Component));
    }

    [Fact]
    public void ThePlatformOnlyStack_IsNotChecked_ItsClusterIsTheFoundationStacks()
    {
        var options = TestConfig.StackOptions("dev") with { Layers = Infra.Model.Options.DeploymentLayers.Platform, FoundationStack = "org/mlops/dev" };

        Assert.Null(Compatibility.ReleaseOf(options));
        Assert.Null(Compatibility.Notice(options));
    }

    [Fact]
    public void TheDefaultRelease_RunsEveryComponent_AndSaysWhichOnlyTestIt()
    {
        var options = TestConfig.StackOptions("prod");

        Assert.Empty(Compatibility.Unsupported(Infra.Model.Tanzu.TanzuReleases.Default, Compatibility.Matrix));
        Assert.Equal("mlops:tanzu.release 'v1.33.6---vmware.1-fips-vkr.2' runs Kubernetes 1.33, which upstream tests but does not support for CloudNativePG 1.30.0 (chart 0.29.0) (supported on 1.34–1.36), Kubeflow v1.10.2 (supported on 1.32). 'infractl versions' shows the matrix and its sources.", Compatibility.Notice(options));
    }

    [Fact]
    public void TheMatrix_HasARowPerComponentOnTheCluster_WithItsSource()
    {
        Assert.Equal(
            ["NVIDIA GPU Operator", "MinIO operator and tenant", "CloudNativePG", "Valkey", "Feast operator", "GitLab chart", "MLflow chart", "Spark operator", "Kubeflow", "Velero", "kube-prometheus-stack"],
            Compatibility.Matrix.Select(c => c.Component));
        Assert.All(Compatibility.Matrix, c => Assert.Matches("^[A-Za-z0-9-]+/[A-Za-z0-9./-]+[@ ]", c.Source));
    }

    [Theory]
    [InlineData("1.33.6", "1.33", "1.36", true)]
    [InlineData("1.36.0", "1.33", "1.36", true)]
    [InlineData("1.32.7", "1.33", "1.36", false)]
    [InlineData("1.37.1", "1.33", "1.36", false)]
    [InlineData("1.29", "1.20", null, true)]
    [InlineData("1.19.2", "1.20", null, false)]
    [InlineData("1.99.0", null, null, true)]
    public void Range_HoldsMinorVersions(string version, string? minimum, string? maximum, bool holds)
    {
        Assert.Equal(holds, KubernetesRange.Of(minimum, maximum).Holds(version));
    }

    private const string Vgpu = "\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-20c\n    hosts:\n      - name: esx-gpu-01.example.com\n        gpus: 4" + TestConfig.Operator;
}
