namespace Infra.Model.Tests.Tanzu;

public sealed class TanzuValidationTests
{
    [Fact]
    public void Validate_FoundationWithoutStorageOrSupervisor_ReportsEach()
    {
        Assert.Equal(
        [
            "mlops:storage.tiers is required: the vSphere Namespace and the workload cluster need at least one storage policy. Set one with 'pulumi config set --path mlops:storage.tiers[0].name gold'.",
            "mlops:tanzu.supervisorId is required: the Supervisor the vSphere Namespace is created on (vCenter shows it under Workload Management). Set it with 'pulumi config set --path mlops:tanzu.supervisorId <id>'.",
            "mlops:tanzu.supervisorKubeconfig is required: the workload cluster is a custom resource on the Supervisor's Kubernetes API. Set it with 'pulumi config set --secret --path mlops:tanzu.supervisorKubeconfig \"$(cat supervisor.kubeconfig)\"'.",
        ], TestConfig.Errors(("mlops:storage", null), ("mlops:tanzu", null)));
    }

    [Fact]
    public void Validate_SupervisorKubeconfigInPlainText_IsReportedWithoutTheValue()
    {
        var errors = TestConfig.Errors(("mlops:tanzu", "\n    supervisorId: domain-c8\n    supervisorKubeconfig: \"apiVersion: v1\""));

        Assert.Equal(
            ["mlops:tanzu.supervisorKubeconfig is a secret but is stored in plain text in Pulumi.test.yaml. Remove it with 'pulumi config rm --path mlops:tanzu.supervisorKubeconfig', then set it with 'pulumi config set --secret --path mlops:tanzu.supervisorKubeconfig <value>'."],
            errors);
    }

    [Fact]
    public void Validate_ClusterSettings_ReportReleaseNameCidrsClassesAndLimits()
    {
        Assert.Equal(
        [
            "mlops:tanzu.release 'v1.27.0' is not a pinned Tanzu Kubernetes release. Known: v1.29.4---vmware.3-fips.1-tkg.1, v1.30.1---vmware.1-fips-tkg.5, v1.31.4---vmware.1-fips-vkr.3, v1.32.7---vmware.3-fips-vkr.1, v1.33.6---vmware.1-fips-vkr.2. Set it with 'pulumi config set --path mlops:tanzu.release <release>', or leave it unset for v1.33.6---vmware.1-fips-vkr.2.",
            "mlops:tanzu.clusterName 'ML' is not a valid cluster name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 41 characters, so that node names derived from it stay under 63. Set it with 'pulumi config set --path mlops:tanzu.clusterName <name>'.",
            "mlops:tanzu.podCidr '10.0.0.0' is not an IPv4 CIDR block such as 192.168.0.0/16. Set it with 'pulumi config set --path mlops:tanzu.podCidr 192.168.0.0/16'.",
            "mlops:tanzu.vmClasses[0] 'Big_VM' is not a valid VM class name: it must be a lowercase DNS label. Set it with 'pulumi config set --path \"mlops:tanzu.vmClasses[0]\" <class>'.",
            "mlops:tanzu.limits.memory '2TB' is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi. Set it with 'pulumi config set --path mlops:tanzu.limits.memory 512Gi'.",
        ], TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + "\n    release: v1.27.0\n    clusterName: ML\n    podCidr: 10.0.0.0\n    vmClasses: [Big_VM]\n    limits:\n      memory: 2TB")));
    }

    [Fact]
    public void Validate_OverlappingCidrs_AreReported()
    {
        Assert.Equal(
            ["mlops:tanzu.serviceCidr '10.96.0.0/12' overlaps the pods' CIDR 10.0.0.0/8: pods and services need separate ranges. Set it with 'pulumi config set --path mlops:tanzu.serviceCidr 10.96.0.0/12'."],
            TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + "\n    podCidr: 10.0.0.0/8")));
    }

    [Fact]
    public void Validate_VgpuWithoutOperatorSettings_ReportsEach()
    {
        Assert.Equal(
        [
            "mlops:gpu.operator.driverRepository is required in vGPU mode: the registry path of NVIDIA's licensed vGPU guest driver image (or your mirror of it). Set it with 'pulumi config set --path mlops:gpu.operator.driverRepository nvcr.io/nvaie'.",
            "mlops:gpu.operator.driverVersion is required in vGPU mode: the guest driver version matching the hosts' NVIDIA vGPU Manager. Set it with 'pulumi config set --path mlops:gpu.operator.driverVersion <version>'.",
            "mlops:gpu.operator.pullSecret is required in vGPU mode: the Docker config JSON that pulls the guest driver. Set it with 'pulumi config set --secret --path mlops:gpu.operator.pullSecret \"$(cat config.json)\"'.",
            "mlops:gpu.operator.licenseToken is required in vGPU mode: the NVIDIA License System client configuration token. Set it with 'pulumi config set --secret --path mlops:gpu.operator.licenseToken \"$(cat client_configuration_token.tok)\"'.",
        ], TestConfig.Errors(("mlops:gpu", "\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-20c\n    hosts:\n      - name: esx1\n        gpus: 1")));
    }

    [Fact]
    public void Validate_OperatorOutsideVgpu_IsUnused()
    {
        Assert.Equal(
            ["mlops:gpu.operator is set, but the GPU Operator runs on the cluster's GPU nodes, which exist only when mlops:gpu.mode is 'vgpu' (it is 'passthrough'); passthrough GPUs are in standalone VMs. Remove it with 'pulumi config rm --path mlops:gpu.operator'."],
            TestConfig.Errors(("mlops:gpu", "\n    mode: passthrough\n    model: a100-80gb\n    hosts:\n      - name: esx1\n        gpus: 1" + TestConfig.Operator)));
    }
}
