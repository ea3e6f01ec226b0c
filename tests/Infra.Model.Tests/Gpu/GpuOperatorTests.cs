using Infra.Model.Configuration;
using Infra.Model.Gpu;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Gpu;

public sealed class GpuOperatorTests
{
    private const string Vgpu = "\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-20c\n    hosts:\n      - name: esx-gpu-01.example.com\n        gpus: 4" + TestConfig.Operator;

    private static GpuOperatorSpec Prod() =>
        GpuOperatorSpec.For(TestConfig.StackOptions("prod"))!;

    [UpstreamFact]
    public void RenderedValues_UseOnlyKeysTheChartHas()
    {
        // Node Feature Discovery's image is its subchart's own value (charts/node-feature-discovery/values.yaml at
        // v26.7.0: image.repository), which the umbrella's values.yaml does not repeat.
        Assert.Equal(["node-feature-discovery.image"], UpstreamSchemas.UnknownValues("gpu-operator/gpu-operator.values.yaml", Rendering.Rendered.Yaml("prod", "helm/gpu-operator.values.yaml")));
    }

    [UpstreamFact]
    public void ValuesCheck_RejectsAKeyTheChartDoesNotHave()
    {
        var values = Prod().Values();
        values["driver"]!["licenseToken"] = "x";

        Assert.Equal(["driver.licenseToken", "node-feature-discovery.image"], UpstreamSchemas.UnknownValues("gpu-operator/gpu-operator.values.yaml", values));
    }

    [Fact]
    public void Values_TakeTheGuestDriverAndLicensingBySecretName()
    {
        Assert.Equal(
            """{"driver":{"repository":"harbor.prod.example.com/mirror/nvaie","image":"vgpu-guest-driver-5","version":"580.82.07","imagePullSecrets":["nvidia-registry"],"licensingConfig":{"secretName":"gpu-operator-licensing","nlsEnabled":true}},"daemonsets":{"tolerations":[{"key":"nvidia.com/gpu","operator":"Exists","effect":"NoSchedule"}]}}""",
            (Prod() with { Registry = null }).Values().ToJsonString());
    }

    [Fact]
    public void WithAMirror_TheOperatorAndEveryOperandItRunsArePulledThroughIt()
    {
        var values = Prod().Values();

        Assert.Equal(
            ["harbor.prod.example.com/mirror/nvcr.io/nvidia", "harbor.prod.example.com/mirror/nvcr.io/nvidia", "harbor.prod.example.com/mirror/nvcr.io/nvidia/cloud-native", "harbor.prod.example.com/mirror/nvcr.io/nvidia/k8s",
             "harbor.prod.example.com/mirror/nvcr.io/nvidia", "harbor.prod.example.com/mirror/nvcr.io/nvidia", "harbor.prod.example.com/mirror/nvcr.io/nvidia/k8s", "harbor.prod.example.com/mirror/nvcr.io/nvidia/cloud-native",
             "harbor.prod.example.com/mirror/registry.k8s.io/nfd/node-feature-discovery"],
            [.. new[] { "operator", "validator", "driver.manager", "toolkit", "devicePlugin", "gfd", "dcgmExporter", "migManager", "node-feature-discovery.image" }
                .Select(path => (string)path.Split('.').Aggregate((System.Text.Json.Nodes.JsonNode)values, (node, part) => node[part]!)["repository"]!)]);
        // The guest driver stays where the stack names it.
        Assert.Equal("harbor.prod.example.com/mirror/nvaie", (string)values["driver"]!["repository"]!);
    }

    [Fact]
    public void Plan_OperatorSecretsAreSecretsAndTheReleaseIsPinned()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));

        var release = plan["kubernetes:helm.sh/v3:Release::gpu-operator"];
        Assert.Equal((PlanValue.Of("gpu-operator"), PlanValue.Of("v26.7.0")), (release.Inputs["chart"], release.Inputs["version"]));
        Assert.Equal("{repo: https://helm.ngc.nvidia.com/nvidia}", release.Inputs["repositoryOpts"].ToString());
        Assert.Equal("pulumi:providers:kubernetes::workload-cluster", release.Provider);
        Assert.Equal(
            "{client_configuration_token.tok: [secret mlops:gpu.operator.licenseToken], gridd.conf: }",
            plan["kubernetes:core/v1:Secret::gpu-operator-licensing"].Inputs["stringData"].ToString());
        Assert.Equal("{.dockerconfigjson: [secret mlops:gpu.operator.pullSecret]}", plan["kubernetes:core/v1:Secret::nvidia-registry"].Inputs["stringData"].ToString());
        Assert.Contains("pod-security.kubernetes.io/enforce: privileged", plan["kubernetes:core/v1:Namespace::gpu-operator"].Inputs["metadata"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Passthrough_DeploysNoOperator()
    {
        var options = TestConfig.Load(("mlops:gpu", "\n    mode: passthrough\n    model: a100-80gb\n    hosts:\n      - name: esx1\n        gpus: 1")).ValidOptions();

        Assert.Null(GpuOperatorSpec.For(options));
        Assert.DoesNotContain(StackPlanner.Plan("dev", options).Nodes, n => n.Type == GpuOperatorPlanner.ComponentType);
    }

    [Theory]
    [InlineData("550.90.07")]
    [InlineData("470.256.02")]
    [InlineData("580.82")]
    [InlineData("latest")]
    public void Validate_AGuestDriverOffTheOperatorsBranches_NamesTheBranchesAndTheKnownReleases(string version)
    {
        var error = Assert.Single(TestConfig.Load(("mlops:gpu", Vgpu.Replace("580.82.07", version, StringComparison.Ordinal))).Errors);

        Assert.Same(GpuErrors.DriverBranch, error.Code);
        Assert.Equal($"mlops:gpu.operator.driverVersion '{version}' is not a guest driver of a branch the GPU Operator v26.7.0 supports (R580 or R595): write it as <branch>.<minor>.<patch>, such as 580.65.06 (vGPU 19.0), 580.82.07 (vGPU 19.1), the same vGPU release as the hosts' vGPU Manager. Set it with 'pulumi config set --path mlops:gpu.operator.driverVersion 580.82.07'.", error.Message);
    }

    [Theory]
    [InlineData("580.82.07")]
    [InlineData("595.58.03")]
    public void Validate_AGuestDriverOnASupportedBranch_IsValid(string version)
    {
        Assert.Empty(TestConfig.Load(("mlops:gpu", Vgpu.Replace("580.82.07", version, StringComparison.Ordinal))).Errors);
    }

    [Fact]
    public void VgpuReleases_AreOnTheOperatorsBranches()
    {
        Assert.All(VgpuReleases.All, r => Assert.Contains(r.Branch, GpuOperatorVersions.DriverBranches));
        Assert.Equal("19.1", VgpuReleases.ForGuestDriver("580.82.07")!.Release);
    }
}
