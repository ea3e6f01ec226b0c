namespace Infra.Model.Tests.Gpu;

public sealed class GpuValidationTests
{
    private const string Template = "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1\n    template: ubuntu-efi";

    private static string Passthrough(string hosts, string vms) =>
        $"\n    mode: passthrough\n    model: a100-80gb\n    hosts:{hosts}\n    vms:{vms}";

    private static string[] Errors(string gpu, string? vsphere = Template, params (string Key, string? Block)[] more) =>
        TestConfig.Errors([("mlops:vsphere", vsphere), ("mlops:gpu", gpu), .. more]);

    [Fact]
    public void Validate_UnknownModel_ListsKnownModels()
    {
        Assert.Equal(
            ["mlops:gpu.model 'a100' is not a known GPU model. Known: t4, a30, a100-40gb, a100-80gb, l40s, h100-80gb. Set it with 'pulumi config set --path mlops:gpu.model <model>'."],
            Errors("\n    mode: passthrough\n    model: a100\n    hosts:\n      - name: esx1\n        gpus: 1"));
    }

    [Fact]
    public void Validate_UnknownProfile_ListsTheModelsProfiles()
    {
        Assert.Equal(
            ["mlops:gpu.profile 'nvidia_a100-90c' is not a vGPU profile of the NVIDIA A100 PCIe 80GB. Known for it: grid_a100d-4c, grid_a100d-8c, grid_a100d-10c, grid_a100d-16c, grid_a100d-20c, grid_a100d-40c, grid_a100d-80c. Set it with 'pulumi config set --path mlops:gpu.profile <profile>'."],
            Errors("\n    mode: vgpu\n    model: a100-80gb\n    profile: nvidia_a100-90c\n    hosts:\n      - name: esx1\n        gpus: 1" + TestConfig.Operator));
    }

    [Fact]
    public void Validate_VmsInVgpuMode_ExplainsWhyTheyNeedPassthrough()
    {
        Assert.Equal(
            ["mlops:gpu.vms is set, but standalone GPU VMs need mlops:gpu.mode 'passthrough' (it is 'vgpu'): the vSphere provider cannot give a plain VM a vGPU, so in vGPU mode GPUs reach workloads through the cluster's GPU node pools. Remove it with 'pulumi config rm --path mlops:gpu.vms', or set 'pulumi config set --path mlops:gpu.mode passthrough'."],
            Errors("\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-20c\n    hosts:\n      - name: esx1\n        gpus: 1\n    vms:\n      - name: train" + TestConfig.Operator));
    }

    [Fact]
    public void Validate_VmClassOutsideVgpuMode_IsUnused()
    {
        Assert.Equal(
            ["mlops:gpu.vmClass is set, but the vGPU VM class exists only when mlops:gpu.mode is 'vgpu' (it is 'passthrough'). Remove it with 'pulumi config rm --path mlops:gpu.vmClass'."],
            Errors("\n    mode: passthrough\n    model: a100-80gb\n    hosts:\n      - name: esx1\n        gpus: 1\n    vmClass:\n      cpus: 4"));
    }

    [Fact]
    public void Validate_VmsWithoutTemplate_NeedsTemplate()
    {
        Assert.Equal(
            ["mlops:vsphere.template is required when mlops:gpu.vms is set: GPU VMs are cloned from it. Set it with 'pulumi config set --path mlops:vsphere.template <template>'."],
            Errors(Passthrough("\n      - name: esx1\n        gpus: 1", "\n      - name: train"), vsphere: "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1"));
    }

    [Fact]
    public void Validate_MoreGpusThanTheHostsHave_NamesHostsNeededAndAvailable()
    {
        Assert.Equal(
            ["mlops:gpu.vms asks for 12 GPUs in 3 VMs, but not all fit on the GPU hosts, and a VM takes all its GPUs from one host: dev-train-03 (4 GPUs) finds no host with enough GPUs free. Hosts: esx1 has 4 GPUs, 4 used, 0 free; esx2 has 6 GPUs, 4 used, 2 free. Add GPU hosts to mlops:gpu.hosts, or lower mlops:gpu.vms[].count or mlops:gpu.vms[].gpus."],
            Errors(Passthrough("\n      - name: esx1\n        gpus: 4\n      - name: esx2\n        gpus: 6", "\n      - name: train\n        count: 3\n        gpus: 4")));
    }

    [Fact]
    public void Validate_HostGivingSeveralGpusWithoutAddresses_ExplainsTheProviderLimit()
    {
        Assert.Equal(
            ["mlops:gpu.hosts[0].pciAddresses is required: VMs take 2 GPUs of esx1, and the vSphere provider's getHostPciDevice finds one device per query, so list the host's GPU PCI addresses (as 'esxcli hardware pci list' shows them). Set them with 'pulumi config set --path \"mlops:gpu.hosts[0].pciAddresses[0]\" 0000:3b:00.0', one index per GPU."],
            Errors(Passthrough("\n      - name: esx1\n        gpus: 2", "\n      - name: train\n        gpus: 2")));
    }

    [Fact]
    public void Validate_PciAddresses_CountFormatAndDuplicates()
    {
        Assert.Equal(
        [
            "mlops:gpu.hosts[0].pciAddresses lists 3 addresses, but esx1 has 2 GPUs: list one address per GPU. Set them with 'pulumi config set --path \"mlops:gpu.hosts[0].pciAddresses[0]\" 0000:3b:00.0', one index per GPU.",
            "mlops:gpu.hosts[0].pciAddresses[1] '3b:00.0' is not a PCI address: write it as domain:bus:device.function in lowercase hex, such as 0000:3b:00.0. Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].pciAddresses[1]\" 0000:3b:00.0'.",
            "mlops:gpu.hosts[0].pciAddresses[2] '0000:3b:00.0' is listed twice for esx1: each GPU has its own address. Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].pciAddresses[2]\" <address>'.",
        ], Errors(Passthrough("\n      - name: esx1\n        gpus: 2\n        pciAddresses: [\"0000:3b:00.0\", \"3b:00.0\", \"0000:3b:00.0\"]", "\n      - name: train\n        gpus: 2")));
    }

    [Fact]
    public void Validate_VmGroupSizes_ReportRangesAndSizes()
    {
        Assert.Equal(
        [
            "mlops:gpu.vms[0].count '100' is out of range: VMs in a group must be 1 to 99. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].count\" <number>'.",
            "mlops:gpu.vms[0].gpus '17' is out of range: GPUs per VM must be 1 to 16. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].gpus\" <number>'.",
            "mlops:gpu.vms[0].cpus '0' is out of range: vCPUs per VM must be 1 to 768. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].cpus\" <number>'.",
            "mlops:gpu.vms[0].memory '512Mi' is not a size from 1Gi to 1Pi: write a Kubernetes quantity such as 64Gi. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].memory\" 64Gi'.",
            "mlops:gpu.vms[0].disk 'big' is not a size from 1Gi to 1Pi: write a Kubernetes quantity such as 200Gi. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].disk\" 200Gi'.",
        ], Errors(Passthrough("\n      - name: esx1\n        gpus: 1", "\n      - name: train\n        count: 100\n        gpus: 17\n        cpus: 0\n        memory: 512Mi\n        disk: big")));
    }

    [Fact]
    public void Validate_StaticNetwork_ReportsCountAddressGatewayAndDns()
    {
        Assert.Equal(
        [
            "mlops:gpu.vms[0].network.addresses lists 2 addresses for 3 VMs: give one address per VM, or none for DHCP. Set them with 'pulumi config set --path \"mlops:gpu.vms[0].network.addresses[0]\" 10.0.10.21/24', one index per VM.",
            "mlops:gpu.vms[0].network.addresses[1] '10.0.10.22' is not an IPv4 address with a prefix length, such as 10.0.10.21/24. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].network.addresses[1]\" 10.0.10.21/24'.",
            "mlops:gpu.vms[0].network.gateway '10.0.11.1' is not in the VMs' subnet 10.0.10.21/24. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].network.gateway\" <address>'.",
            "mlops:gpu.vms[0].network.dnsServers[0] 'dns.example.com' is not an IPv4 address. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].network.dnsServers[0]\" <address>'.",
        ], Errors(Passthrough("\n      - name: esx1\n        gpus: 4", "\n      - name: train\n        count: 3\n        network:\n          addresses: [10.0.10.21/24, 10.0.10.22]\n          gateway: 10.0.11.1\n          dnsServers: [dns.example.com]")));
    }

    [Fact]
    public void Validate_StaticAddressesWithoutGateway_NeedGateway()
    {
        Assert.Equal(
            ["mlops:gpu.vms[0].network.gateway is required with static addresses. Set it with 'pulumi config set --path \"mlops:gpu.vms[0].network.gateway\" <address>'."],
            Errors(Passthrough("\n      - name: esx1\n        gpus: 1", "\n      - name: train\n        network:\n          addresses: [10.0.10.21/24]")));
    }

    [Fact]
    public void Validate_VgpuNodePoolsBeyondCapacity_NamesOfferAndDemand()
    {
        Assert.Equal(
            ["mlops:gpu.hosts offer 4 vGPUs of grid_a100d-40c (esx1: 1 GPUs x 2 = 2; esx2: 1 GPUs x 2 = 2), but the GPU node pools need 5, one per node (mlops:tanzu.nodePools[1] 'gpu' has 5). Add GPU hosts, choose a smaller profile in mlops:gpu.profile, or lower the GPU pools' replicas."],
            Errors(
                "\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-40c\n    hosts:\n      - name: esx1\n        gpus: 1\n      - name: esx2\n        gpus: 1" + TestConfig.Operator,
                Template,
                ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: cpu\n      - name: gpu\n        gpu: true\n        replicas: 5")));
    }

    [Fact]
    public void Validate_VmClassSettings_ReportNameCpusAndMemory()
    {
        Assert.Equal(
        [
            "mlops:gpu.vmClass.name 'GPU_Class' is not a valid VM class name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path mlops:gpu.vmClass.name <name>'.",
            "mlops:gpu.vmClass.cpus '0' is out of range: vCPUs per VM must be 1 to 768. Set it with 'pulumi config set --path mlops:gpu.vmClass.cpus <number>'.",
            "mlops:gpu.vmClass.memory '64' is not a size from 1Gi to 1Pi: write a Kubernetes quantity such as 64Gi. Set it with 'pulumi config set --path mlops:gpu.vmClass.memory 64Gi'.",
        ], Errors("\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-40c\n    hosts:\n      - name: esx1\n        gpus: 1\n    vmClass:\n      name: GPU_Class\n      cpus: 0\n      memory: \"64\"" + TestConfig.Operator));
    }
}
