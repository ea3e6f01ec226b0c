using Infra.Model.Configuration;
using Infra.Model.Rendering;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Configuration;

/// <summary>Input that once crashed, overflowed or passed: each is now an error naming its key, or a documented behaviour.</summary>
public sealed class BadInputTests
{
    private const string Gitlab = "\n    ingress:\n      domain: mlops.example.com";

    private static string Vgpu(string hosts, string more = "") =>
        $"\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-20c\n    hosts:{hosts}{more}" + TestConfig.Operator;

    [Theory]
    [InlineData("99999999999999999999999999999999", "is larger than any quantity Kubernetes holds (2^63 - 1, about 8Ei)")]
    [InlineData("79228162514264337593543950335Ei", "is larger than any quantity Kubernetes holds (2^63 - 1, about 8Ei)")]
    [InlineData("99999999999999999", "is larger than 1Pi, the most any volume, memory or quota here may be")]
    [InlineData("2Pi", "is larger than 1Pi, the most any volume, memory or quota here may be")]
    [InlineData("-5Gi", "is negative: a quantity here is 0 or more")]
    [InlineData("100Gi\n", "is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi")]
    [InlineData("1e99", "is larger than any quantity Kubernetes holds (2^63 - 1, about 8Ei)")]
    public void Quantities_BeyondWhatKubernetesHolds_AreErrors(string storage, string rule)
    {
        var yaml = System.Text.Json.JsonSerializer.Serialize(storage);

        Assert.Equal(
            [$"mlops:platform.minio.storage '{storage}' {rule}. Set it with 'pulumi config set --path mlops:platform.minio.storage 100Gi'."],
            TestConfig.Errors(("mlops:platform", $"\n    minio:\n      storage: {yaml}")));
    }

    [Fact]
    public void ATeamsMemoryQuotaBeyondDecimal_IsAnError()
    {
        Assert.Equal(
            ["mlops:teams[0].memoryQuota '9999999999999999999Ei' is larger than any quantity Kubernetes holds (2^63 - 1, about 8Ei). Set it with 'pulumi config set --path \"mlops:teams[0].memoryQuota\" 64Gi'."],
            TestConfig.Errors(("mlops:teams", "\n    - name: ds\n      owner: ds@example.com\n      memoryQuota: 9999999999999999999Ei")));
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData(".5Gi")]
    [InlineData("1.")]
    [InlineData("+2Gi")]
    [InlineData("500u")]
    public void Quantities_KubernetesTakes_AreTaken(string quantity)
    {
        Assert.Empty(TestConfig.Errors(("mlops:teams", $"\n    - name: ds\n      owner: ds@example.com\n      cpuQuota: \"{quantity}\"")));
    }

    [Fact]
    public void HugeNodePools_AreOutOfRange_AndNoSumOverflows()
    {
        var errors = TestConfig.Errors(
            ("mlops:gpu", Vgpu("\n      - name: esx1\n        gpus: 2")),
            ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: cpu\n        replicas: 2147483647\n      - name: gpu\n        replicas: 1073741824\n        gpu: true\n      - name: gpu2\n        replicas: 1073741824\n        gpu: true"),
            ("mlops:maturity", "level2"),
            ("mlops:platform", Gitlab));

        Assert.Equal(
            [
                "mlops:tanzu.nodePools[0].replicas '2147483647' is out of range: a node pool has 1 to 1000 nodes. Set it with 'pulumi config set --path \"mlops:tanzu.nodePools[0].replicas\" <number>'.",
                "mlops:tanzu.nodePools[1].replicas '1073741824' is out of range: a node pool has 1 to 1000 nodes. Set it with 'pulumi config set --path \"mlops:tanzu.nodePools[1].replicas\" <number>'.",
                "mlops:tanzu.nodePools[2].replicas '1073741824' is out of range: a node pool has 1 to 1000 nodes. Set it with 'pulumi config set --path \"mlops:tanzu.nodePools[2].replicas\" <number>'.",
            ],
            errors);
    }

    [Fact]
    public void ADuplicatedObjectStoreIdentity_IsAnError_NotACrashInPlan()
    {
        var store = "\n    objectStore:\n      endpoint: https://s3.example.com\n      identities:"
            + string.Concat(new[] { "mlflow", "feast", "spark", "kubeflow-pipelines", "mlflow" }.Select(n => $"\n        - name: {n}\n          accessKey: AK\n          secretKey:\n            secure: v1:s"));

        Assert.Equal(
            ["mlops:platform.objectStore.identities[4].name 'mlflow' is listed twice (also mlops:platform.objectStore.identities[0]): each identity has one access key. Remove one with 'pulumi config rm --path \"mlops:platform.objectStore.identities[4]\"'."],
            TestConfig.Errors(("mlops:platform", store)));
    }

    [Theory]
    [InlineData("mlops:environment", "\"dev\\n\"", "mlops:environment 'dev\n' is not a valid environment name")]
    [InlineData("mlops:teams", "\n    - name: \"data-science\\n\"\n      owner: ds@example.com", "mlops:teams[0].name 'data-science\n' is not a valid team name")]
    [InlineData("mlops:teams", "\n    - name: ds\n      owner: \"ds@example.com\\n\"", "mlops:teams[0].owner 'ds@example.com\n' is not an e-mail address")]
    public void ATrailingNewline_FailsTheWholeStringRule(string key, string block, string start)
    {
        var errors = TestConfig.Errors((key, block));

        Assert.Single(errors);
        Assert.StartsWith(start, errors[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mlops:production", "\"true\\n\"", "mlops:production 'true\n' is not true or false. Set it with 'pulumi config set mlops:production true|false'.")]
    [InlineData("mlops:production", "\" true\"", "mlops:production ' true' is not true or false. Set it with 'pulumi config set mlops:production true|false'.")]
    [InlineData("mlops:maturity", "\"level1\\n\"", "mlops:maturity 'level1\n' is not one of level0, level1, level2. Set it with 'pulumi config set mlops:maturity level0|level1|level2'.")]
    public void ATrailingNewlineOrSpace_IsRefusedInNumbersFlagsAndChoicesToo(string key, string value, string error)
    {
        Assert.Contains(error, TestConfig.Errors((key, value)));
    }

    [Fact]
    public void AWholeNumberWithSpaceAroundIt_IsRefused()
    {
        Assert.Contains(
            "mlops:tanzu.controlPlane.replicas ' 3' is not a whole number. Set it with 'pulumi config set --path mlops:tanzu.controlPlane.replicas <number>'.",
            TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + "\n    controlPlane:\n      replicas: \" 3\"")));
    }

    [Fact]
    public void NamesThatDifferOnlyInCaseOrSpace_AreDuplicates()
    {
        Assert.Equal(
            [
                "mlops:gpu.hosts[1].name 'ESX1.example.com' is listed twice (also mlops:gpu.hosts[0]): list each host once with all its GPUs. Remove one with 'pulumi config rm --path \"mlops:gpu.hosts[1]\"'.",
                "mlops:gpu.hosts[2].name ' esx1.example.com' is not an ESXi host's name: write it as vCenter lists the host, a DNS name such as esx-gpu-01.example.com or an IPv4 address. Set it with 'pulumi config set --path \"mlops:gpu.hosts[2].name\" <host>'.",
            ],
            TestConfig.Errors(("mlops:gpu", Vgpu("\n      - name: esx1.example.com\n        gpus: 1\n      - name: ESX1.example.com\n        gpus: 1\n      - name: \" esx1.example.com\"\n        gpus: 1"))));
    }

    [Fact]
    public void AnOutOfRangeHostCount_HidesNoVmClassError()
    {
        Assert.Equal(
            [
                "mlops:gpu.hosts[0].gpus '-1' is out of range: a host has 1 to 16 GPUs. Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].gpus\" <number>'.",
                "mlops:gpu.vmClass.cpus '9999' is out of range: vCPUs per VM must be 1 to 768. Set it with 'pulumi config set --path mlops:gpu.vmClass.cpus <number>'.",
            ],
            TestConfig.Errors(("mlops:gpu", Vgpu("\n      - name: esx1\n        gpus: -1", "\n    vmClass:\n      cpus: 9999"))));
    }

    [Fact]
    public void AnInvalidMode_HidesNoVmError()
    {
        var errors = TestConfig.Errors(("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1\n    template: t"),
            ("mlops:gpu", "\n    mode: pasthrough\n    model: a100-80gb\n    hosts:\n      - name: esx1\n        gpus: 1\n    vms:\n      - name: train\n        count: 500"));

        Assert.Equal(
            [
                "mlops:gpu.mode 'pasthrough' is not one of none, passthrough, vgpu. Set it with 'pulumi config set --path mlops:gpu.mode none|passthrough|vgpu'.",
                "mlops:gpu.vms[0].count '500' is out of range: VMs in a group must be 1 to 99. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].count\" <number>'.",
            ],
            errors);
    }

    [Fact]
    public void AMisspelledNamespace_IsAnErrorWithTheLikelyKey()
    {
        Assert.Equal(
            ["mlopz:teams is in the namespace 'mlopz', which this project does not read (it reads mlops, vsphere, kubernetes, random, pulumi). Did you mean 'mlops:teams'? Remove it with 'pulumi config rm mlopz:teams'."],
            TestConfig.Errors(("mlopz:teams", "\n    - name: ds")));
    }

    [Fact]
    public void AKeyInAnotherLetterCase_IsAnError()
    {
        Assert.Equal(
            [
                "mlops:Environment is spelt 'mlops:environment'. Pulumi tells keys apart by letter case, so 'pulumi config get' and 'rm' would not find the setting by its name. Remove it with 'pulumi config rm mlops:Environment', then set it as 'mlops:environment'.",
                "mlops:vsphere.DataCenter is spelt 'mlops:vsphere.datacenter'. Pulumi tells keys apart by letter case, so 'pulumi config get' and 'rm' would not find the setting by its name. Remove it with 'pulumi config rm --path mlops:vsphere.DataCenter', then set it as 'mlops:vsphere.datacenter'.",
            ],
            TestConfig.Errors(("mlops:environment", null), ("mlops:Environment", "dev"), ("mlops:vsphere", "\n    DataCenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1")));
    }

    [Theory]
    [InlineData("0x0a.0.0.0/16")]
    [InlineData("010.0.0.0/16")]
    [InlineData("10.0.0/16")]
    [InlineData("10.0.0.0/016")]
    [InlineData("10.0.0.256/16")]
    [InlineData("167772160/16")]
    public void Ipv4InAnyFormButDottedDecimal_IsRefused(string cidr)
    {
        Assert.Equal(
            [$"mlops:tanzu.podCidr '{cidr}' is not an IPv4 CIDR block such as 192.168.0.0/16. Set it with 'pulumi config set --path mlops:tanzu.podCidr 192.168.0.0/16'."],
            TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + $"\n    podCidr: \"{cidr}\"")));
    }

    [Fact]
    public void TeamGpuQuotasBeyondTheGpuPools_AreANoticeWithBothFigures()
    {
        var text = File.ReadAllText(TestConfig.StackFile("prod")).Replace("      gpuQuota: 5\n", "      gpuQuota: 9\n", StringComparison.Ordinal);
        var loaded = PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.prod.yaml", "prod", text).Snapshot);

        Assert.True(loaded.IsValid);
        Assert.Contains(
            "mlops:teams promise 12 GPUs in all (fraud-detection 9, recommendations 3), but the GPU node pools hold 8 (one vGPU per node), so not every team can use its quota at once. Lower mlops:teams[].gpuQuota, or add GPU nodes with mlops:tanzu.nodePools[].replicas.",
            loaded.Notices);
        Assert.All(new[] { "dev", "prod" }, stack => Assert.DoesNotContain(
            PlatformConfiguration.Load(StackConfigFile.Load(TestConfig.StackFile(stack)).Snapshot).Notices, n => n.Contains(" promise ", StringComparison.Ordinal)));
    }

    [Fact]
    public void AMissingMapSetting_IsFixedByItsKeysNotByAValueOfItsOwn()
    {
        Assert.Equal(
            ["mlops:vsphere is required but not set: the vSphere placement (datacenter, computeCluster, datastore, network). Set its keys, such as 'pulumi config set --path mlops:vsphere.datacenter <value>' and 'pulumi config set --path mlops:vsphere.computeCluster <value>' and 'pulumi config set --path mlops:vsphere.network <value>'."],
            TestConfig.Errors(("mlops:vsphere", null)).Where(e => e.StartsWith("mlops:vsphere ", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void ValidatedPlansAndRenders_AreByteIdenticalTwice()
    {
        var options = TestConfig.Load().ValidOptions();

        Assert.Equal(Infra.Model.Planning.PlanJson.Write(StackPlanner.Plan("test", options)), Infra.Model.Planning.PlanJson.Write(StackPlanner.Plan("test", TestConfig.Load().ValidOptions())));
        static string Files(Infra.Model.Options.PlatformOptions options) => string.Concat(StackRenderer.Render(StackPlanner.Plan("test", options)).Select(f => $"{f.Name}\n{f.Content}"));
        Assert.Equal(Files(options), Files(TestConfig.Load().ValidOptions()));
    }
}
