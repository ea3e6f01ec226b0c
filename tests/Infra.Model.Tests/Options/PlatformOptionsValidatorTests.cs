namespace Infra.Model.Tests.Options;

public sealed class PlatformOptionsValidatorTests
{
    private const string Hosts = "\n    model: a100-80gb\n    profile: grid_a100d-20c\n    hosts:\n      - name: esx1\n        gpus: 2";
    private const string Vgpu = "\n    mode: vgpu" + Hosts + TestConfig.Operator;

    [Theory]
    [InlineData("Dev")]
    [InlineData("dev_1")]
    [InlineData("a-very-long-environment-name")]
    [InlineData("1dev")]
    public void Validate_EnvironmentNotADnsLabel_ReportsRule(string environment)
    {
        Assert.Equal(
            [$"mlops:environment '{environment}' is not a valid environment name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 20 characters, because it prefixes resource names. Set it with 'pulumi config set mlops:environment dev'."],
            TestConfig.Errors(("mlops:environment", environment)));
    }

    [Fact]
    public void Validate_PlatformLayerWithoutFoundationStack_ReportsRequired()
    {
        Assert.Equal(
            ["mlops:foundationStack is required when mlops:layers is 'platform': a platform-only stack reads the cluster's kubeconfig from its foundation stack. Set it with 'pulumi config set mlops:foundationStack <organization>/<project>/<stack>'."],
            TestConfig.Errors(("mlops:layers", "platform")));
    }

    [Fact]
    public void Validate_FoundationStackOnAllInOneStack_ReportsUnused()
    {
        Assert.Equal(
            ["mlops:foundationStack 'acme/mlops/dev' is set, but only a platform-only stack (mlops:layers 'platform') reads a foundation stack; this one deploys its own foundation. Remove it with 'pulumi config rm mlops:foundationStack', or set 'pulumi config set mlops:layers platform'."],
            TestConfig.Errors(("mlops:foundationStack", "acme/mlops/dev")));
    }

    [Fact]
    public void Validate_FoundationStackNotAReference_ReportsFormat()
    {
        Assert.Equal(
            ["mlops:foundationStack 'dev' is not a stack reference: it must be '<organization>/<project>/<stack>'. Set it with 'pulumi config set mlops:foundationStack <organization>/<project>/<stack>'."],
            TestConfig.Errors(("mlops:layers", "platform"), ("mlops:foundationStack", "dev")));
    }

    [Fact]
    public void Validate_PlatformOnlyStack_NeedsNoVcenterCredentials()
    {
        Assert.Empty(TestConfig.Errors(
            ("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/dev"),
            ("vsphere:server", null), ("vsphere:user", null), ("vsphere:password", null)));
    }

    [Fact]
    public void Validate_FoundationWithoutVcenterConnection_ReportsEachKey()
    {
        Assert.Equal(
        [
            "vsphere:server is required but not set: the vCenter Server the foundation is deployed to. Set it with 'pulumi config set vsphere:server <host>'.",
            "vsphere:user is required but not set: the vCenter user Pulumi signs in as. Set it with 'pulumi config set vsphere:user <user>'.",
            "vsphere:password is required but not set: the vCenter user's password. Set it with 'pulumi config set --secret vsphere:password <password>'.",
        ], TestConfig.Errors(("vsphere:server", null), ("vsphere:user", null), ("vsphere:password", null)));
    }

    [Fact]
    public void Validate_NoDatastoreNorCluster_ReportsRequired()
    {
        Assert.Equal(
            ["mlops:vsphere.datastore is required but not set: VM disks need a datastore, or a datastore cluster in mlops:vsphere.datastoreCluster. Set it with 'pulumi config set --path mlops:vsphere.datastore <name>'."],
            TestConfig.Errors(("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    network: net1")));
    }

    [Fact]
    public void Validate_DatastoreAndCluster_ReportsConflict()
    {
        Assert.Equal(
            ["mlops:vsphere.datastoreCluster 'dsc1' is set together with mlops:vsphere.datastore 'ds1': VM disks go to one or the other. Remove one with 'pulumi config rm --path mlops:vsphere.datastoreCluster'."],
            TestConfig.Errors(("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    datastoreCluster: dsc1\n    network: net1")));
    }

    [Theory]
    [InlineData("/mlops")]
    [InlineData("mlops/")]
    [InlineData("mlops//dev")]
    public void Validate_FolderNotRelativePath_ReportsRule(string folder)
    {
        Assert.Equal(
            [$"mlops:vsphere.folder '{folder}' is not a folder path: it is relative to the datacenter's VM folder, with no leading, trailing or double '/'. Set it with 'pulumi config set --path mlops:vsphere.folder mlops/dev'."],
            TestConfig.Errors(("mlops:vsphere", $"\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1\n    folder: {folder}")));
    }

    [Fact]
    public void Validate_GpuModeWithoutModelProfileOrHosts_ReportsEach()
    {
        Assert.Equal(
        [
            "mlops:gpu.model is required when mlops:gpu.mode is 'vgpu': the GPU model in the hosts. Set it with 'pulumi config set --path mlops:gpu.model <model>'.",
            "mlops:gpu.profile is required when mlops:gpu.mode is 'vgpu': the vGPU profile that the GPU VM class gets. Set it with 'pulumi config set --path mlops:gpu.profile <profile>'.",
            "mlops:gpu.hosts is required when mlops:gpu.mode is 'vgpu': the ESXi hosts with GPUs and how many each has. Set one with 'pulumi config set --path mlops:gpu.hosts[0].name <host>' and 'pulumi config set --path mlops:gpu.hosts[0].gpus <number>'.",
        ], TestConfig.Errors(("mlops:gpu", "\n    mode: vgpu" + TestConfig.Operator)));
    }

    [Fact]
    public void Validate_ProfileOutsideVgpuMode_ReportsUnused()
    {
        Assert.Equal(
            ["mlops:gpu.profile 'grid_a100d-20c' is set, but vGPU profiles apply only when mlops:gpu.mode is 'vgpu' (it is 'passthrough'). Remove it with 'pulumi config rm --path mlops:gpu.profile', or set 'pulumi config set --path mlops:gpu.mode vgpu'."],
            TestConfig.Errors(("mlops:gpu", "\n    mode: passthrough" + Hosts)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Validate_HostGpusOutOfRange_ReportsRange(int gpus)
    {
        Assert.Equal(
            [$"mlops:gpu.hosts[0].gpus '{gpus}' is out of range: a host has 1 to 16 GPUs. Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].gpus\" <number>'."],
            TestConfig.Errors(("mlops:gpu", Vgpu.Replace("gpus: 2", $"gpus: {gpus}", StringComparison.Ordinal))));
    }

    [Fact]
    public void Validate_HostListedTwice_ReportsSecond()
    {
        Assert.Equal(
            ["mlops:gpu.hosts[1].name 'ESX1' is listed twice (also mlops:gpu.hosts[0]): list each host once with all its GPUs. Remove one with 'pulumi config rm --path \"mlops:gpu.hosts[1]\"'."],
            TestConfig.Errors(("mlops:gpu", "\n    mode: vgpu" + Hosts + "\n      - name: ESX1\n        gpus: 1" + TestConfig.Operator)));
    }

    [Fact]
    public void Validate_HostWithoutGpus_ReportsRequired()
    {
        Assert.Equal(
            ["mlops:gpu.hosts[0].gpus is required but not set: how many physical GPUs the host has. Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].gpus\" <number>'."],
            TestConfig.Errors(("mlops:gpu", "\n    mode: passthrough\n    model: a100-80gb\n    hosts:\n      - name: esx1")));
    }

    [Fact]
    public void Validate_StorageTiers_ReportsNameDuplicateDefaultAndReclaimPolicy()
    {
        Assert.Equal(
        [
            "mlops:storage.tiers[1].name 'gold' is used twice (also mlops:storage.tiers[0].name): tier names must be unique. Set another with 'pulumi config set --path \"mlops:storage.tiers[1].name\" <name>'.",
            "mlops:storage.tiers[2].name 'Bronze' is not a valid tier name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path \"mlops:storage.tiers[2].name\" <name>'.",
            "mlops:storage.defaultTier 'platinum' is not a configured storage tier (configured: gold, gold, Bronze). Set it with 'pulumi config set --path mlops:storage.defaultTier <tier>'.",
            "mlops:storage.reclaimPolicy 'Recycle' is not a reclaim policy: it must be Retain or Delete. Set it with 'pulumi config set --path mlops:storage.reclaimPolicy Retain'.",
        ], TestConfig.Errors(("mlops:storage", "\n    tiers:\n      - name: gold\n      - name: gold\n      - name: Bronze\n    defaultTier: platinum\n    reclaimPolicy: Recycle")));
    }

    [Fact]
    public void Validate_TanzuRules_ReportNamespaceControlPlaneAndPools()
    {
        Assert.Equal(
        [
            "mlops:tanzu.namespace 'ML_Prod' is not a valid vSphere Namespace name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path mlops:tanzu.namespace <name>'.",
            "mlops:tanzu.controlPlane.replicas '2' is not a valid control plane size: etcd needs 1 node (development) or 3 (highly available). Set it with 'pulumi config set --path mlops:tanzu.controlPlane.replicas 3'.",
            "mlops:tanzu.nodePools[0].replicas '0' is out of range: a node pool has 1 to 1000 nodes. Set it with 'pulumi config set --path \"mlops:tanzu.nodePools[0].replicas\" <number>'.",
            "mlops:tanzu.nodePools[0].containerdVolume '50 GB' is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi. Set it with 'pulumi config set --path \"mlops:tanzu.nodePools[0].containerdVolume\" 100Gi'.",
            "mlops:tanzu.nodePools[1].gpu is true, but mlops:gpu.mode is 'none': cluster nodes get GPUs only through a vGPU VM class. Set 'pulumi config set --path mlops:gpu.mode vgpu', or 'pulumi config set --path \"mlops:tanzu.nodePools[1].gpu\" false'.",
        ], TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + "\n    namespace: ML_Prod\n    controlPlane:\n      replicas: 2\n    nodePools:\n      - name: cpu\n        replicas: 0\n        containerdVolume: 50 GB\n      - name: gpu\n        gpu: true")));
    }

    [Fact]
    public void Validate_GpuPoolInVgpuMode_IsValid()
    {
        Assert.Empty(TestConfig.Errors(("mlops:gpu", Vgpu), ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: gpu\n        gpu: true\n      - name: cpu\n        replicas: 2")));
    }

    [Fact]
    public void Validate_ServiceSizing_ReportsReplicasAndQuantities()
    {
        Assert.Equal(
        [
            "mlops:platform.mlflow.replicas '0' is out of range: a service runs at least 1 replica; disable it with mlops:platform.mlflow.enabled instead. Set it with 'pulumi config set --path mlops:platform.mlflow.replicas <number>'.",
            "mlops:platform.mlflow.cpu 'two' is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi. Set it with 'pulumi config set --path mlops:platform.mlflow.cpu 500m'.",
            "mlops:platform.mlflow.memory '4GB' is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi. Set it with 'pulumi config set --path mlops:platform.mlflow.memory 4Gi'.",
            "mlops:platform.registry 'https://harbor.example.com/' is not a registry mirror: write the host and optional path without a scheme or a trailing '/', such as 'harbor.example.com/mirror'. Set it with 'pulumi config set --path mlops:platform.registry <host/path>'.",
        ], TestConfig.Errors(("mlops:platform", "\n    registry: https://harbor.example.com/\n    mlflow:\n      replicas: 0\n      cpu: two\n      memory: 4GB")));
    }

    [Fact]
    public void Validate_ServiceTheLevelNeedsDisabled_ReportsLevelAndRole()
    {
        Assert.Equal(
            ["mlops:platform.mlflow.enabled is false, but maturity level1 needs MLflow for the model registry. Enable it with 'pulumi config set --path mlops:platform.mlflow.enabled true', or lower mlops:maturity."],
            TestConfig.Errors(("mlops:platform", "\n    mlflow:\n      enabled: false\n    gitlab:\n      enabled: false")));
    }

    [Fact]
    public void Validate_ServicesWithoutTheObjectStore_NameBothFixes()
    {
        Assert.Equal(
            [
                "mlops:platform.minio.enabled is false, but maturity level0 needs MinIO for the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', or lower mlops:maturity.",
                "mlops:platform.minio.enabled is false, but MLflow keeps its artifacts in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or disable MLflow with 'pulumi config set --path mlops:platform.mlflow.enabled false'.",
                "mlops:platform.minio.enabled is false, but Spark keeps event logs and data in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or disable Spark with 'pulumi config set --path mlops:platform.spark.enabled false'.",
            ],
            TestConfig.Errors(("mlops:maturity", "level0"), ("mlops:platform", "\n    mlflow:\n      enabled: true\n    spark:\n      enabled: true\n    minio:\n      enabled: false")));
    }

    [Fact]
    public void Validate_Teams_ReportOwnerQuotaAndDuplicates()
    {
        Assert.Equal(
        [
            "mlops:teams[0].gpuQuota '-1' is out of range: a GPU quota is 0 or more. Set it with 'pulumi config set --path \"mlops:teams[0].gpuQuota\" <number>'.",
            "mlops:teams[0].memoryQuota '1TB' is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi. Set it with 'pulumi config set --path \"mlops:teams[0].memoryQuota\" 64Gi'.",
            "mlops:teams[0].owner 'alice' is not an e-mail address: Kubeflow names a profile's owner by e-mail. Set it with 'pulumi config set --path \"mlops:teams[0].owner\" <name@example.com>'.",
            "mlops:teams[1].name 'fraud' is used twice (also mlops:teams[0].name): team names must be unique. Set another with 'pulumi config set --path \"mlops:teams[1].name\" <name>'.",
            "mlops:teams[1].owner is required but not set: the e-mail address of the team's owner. Set it with 'pulumi config set --path \"mlops:teams[1].owner\" <value>'.",
        ], TestConfig.Errors(("mlops:teams", "\n    - name: fraud\n      owner: alice\n      gpuQuota: -1\n      memoryQuota: 1TB\n    - name: fraud")).OrderBy(e => e, StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_TeamNamedAfterAPlatformNamespace_IsRejected()
    {
        Assert.Equal(
            ["mlops:teams[0].name 'mlflow' is a namespace the platform itself uses, and a team's namespace takes the team's name. Choose another with 'pulumi config set --path \"mlops:teams[0].name\" <name>'."],
            TestConfig.Errors(("mlops:teams", "\n    - name: mlflow\n      owner: ml@example.com")));
    }

    [Theory]
    [InlineData("500m", true)]
    [InlineData("2", true)]
    [InlineData("1.5", true)]
    [InlineData("4Gi", true)]
    [InlineData("100G", true)]
    [InlineData("4GB", false)]
    [InlineData("-1", true)]
    [InlineData("", false)]
    public void IsQuantity_FollowsKubernetesQuantities(string value, bool expected)
    {
        Assert.Equal(expected, Infra.Model.Configuration.ValueRules.IsQuantity(value));
    }
}
