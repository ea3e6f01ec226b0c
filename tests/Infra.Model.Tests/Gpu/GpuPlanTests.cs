using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Gpu;
using Infra.Model.Planning;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Gpu;

public sealed class GpuPlanTests
{
    private static Plan Plan(bool production = true) =>
        StackPlanner.Plan("lab", TestConfig.StackOptions("lab") with { Production = production });

    [Fact]
    public void PassthroughVm_HasEveryPassthroughSetting()
    {
        var vm = Plan()["vsphere:index/virtualMachine:VirtualMachine::lab-train-01"];

        Assert.Equal("infra:vsphere:GpuVirtualMachine::lab-train-01", vm.Parent);
        Assert.Equal(PlanValue.Of("efi"), vm.Inputs["firmware"]);
        Assert.Equal(PlanValue.Of(262144), vm.Inputs["memory"]);
        Assert.Equal(PlanValue.Of(262144), vm.Inputs["memoryReservation"]);
        Assert.Equal(PlanValue.Of(true), vm.Inputs["memoryReservationLockedToMax"]);
        Assert.Equal(PlanValue.Of(17), vm.Inputs["hardwareVersion"]);
        Assert.Equal(PlanValue.Of(32), vm.Inputs["numCpus"]);
        Assert.Equal(PlanValue.Output("vsphere:index/getHost:getHost::host-esx1", "id"), vm.Inputs["hostSystemId"]);
        Assert.Equal(PlanValue.List([PlanValue.Of("0000:3b:00.0"), PlanValue.Of("0000:5e:00.0")]), vm.Inputs["pciDeviceIds"]);
        Assert.Equal(
            $"{{guestinfo.userdata: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("#cloud-config\npackages: [nvidia-driver-550]\n"))}, guestinfo.userdata.encoding: base64, pciPassthru.64bitMMIOSizeGB: 256, pciPassthru.use64bitMMIO: TRUE}}",
            vm.Inputs["extraConfig"].ToString());
        Assert.Equal("[{label: disk0, size: 1024, thinProvisioned: <vsphere:index/getVirtualMachine:getVirtualMachine::template.disks[0].thinProvisioned>}]", vm.Inputs["disks"].ToString());
        Assert.Equal(
            "{customize: {dnsServerLists: [10.0.0.2], ipv4Gateway: 10.0.10.1, linuxOptions: {domain: ml.example.com, hostName: lab-train-01}, networkInterfaces: [{ipv4Address: 10.0.10.21, ipv4Netmask: 24}]}, templateUuid: <vsphere:index/getVirtualMachine:getVirtualMachine::template.id>}",
            vm.Inputs["clone"].ToString());
    }

    [Fact]
    public void PassthroughVms_TakeDistinctDevicesOfTheirHost()
    {
        var plan = Plan();

        Assert.Equal(PlanValue.List([PlanValue.Of("0000:86:00.0"), PlanValue.Of("0000:af:00.0")]), plan["vsphere:index/virtualMachine:VirtualMachine::lab-train-02"].Inputs["pciDeviceIds"]);
        Assert.Equal(
            PlanValue.List([PlanValue.Output("vsphere:index/getHostPciDevice:getHostPciDevice::gpu-pci-esx2", "id")]),
            plan["vsphere:index/virtualMachine:VirtualMachine::lab-notebook-01"].Inputs["pciDeviceIds"]);
        var pci = plan["vsphere:index/getHostPciDevice:getHostPciDevice::gpu-pci-esx2"];
        Assert.Equal("{classId: 0302, hostId: <vsphere:index/getHost:getHost::host-esx2.id>, nameRegex: A100.*80GB, vendorId: 10de}", PlanValue.Map(pci.Inputs).ToString());
        Assert.DoesNotContain(plan.Nodes, n => n.Name == "gpu-pci-esx1");
    }

    [Fact]
    public void PassthroughVm_IsKeptOutOfDrs()
    {
        var drs = Plan()["vsphere:index/drsVmOverride:DrsVmOverride::lab-train-01-drs"];

        Assert.Equal(PlanValue.Of(false), drs.Inputs["drsEnabled"]);
        Assert.Equal(PlanValue.Output("vsphere:index/virtualMachine:VirtualMachine::lab-train-01", "id"), drs.Inputs["virtualMachineId"]);
    }

    [Fact]
    public void PassthroughVms_AreProtectedInProductionOnly()
    {
        Assert.False(Plan(production: false)["vsphere:index/virtualMachine:VirtualMachine::lab-train-01"].Protect);
        Assert.True(Plan()["vsphere:index/virtualMachine:VirtualMachine::lab-train-01"].Protect);
    }

    [Fact]
    public void Capacity_ShowsPlacedGpusPerHost()
    {
        Assert.Equal(
            [new GpuCapacityRow("esx1", 4, "passthrough", 4, 4), new GpuCapacityRow("esx2", 1, "passthrough", 1, 1)],
            Plan().GpuCapacity.ToArray());
    }

    [Fact]
    public void VgpuCapacity_CountsWhatOtherStacksReserve_AndRefusesWhatNoLongerFits()
    {
        const string Gpu = "\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-40c\n    hosts:\n      - name: esx1\n        gpus: 2\n        reserved: 3\n        sharedWith: [dev, qa]\n      - name: esx2\n        gpus: 1" + TestConfig.Operator;
        var options = TestConfig.Load(("mlops:gpu", Gpu), ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: gpu\n        gpu: true\n        replicas: 3\n      - name: cpu\n        replicas: 2")).ValidOptions();

        Assert.Equal(
            [new GpuCapacityRow("esx1", 2, "grid_a100d-40c", 4, 1, 3, "dev, qa"), new GpuCapacityRow("esx2", 1, "grid_a100d-40c", 2, 2)],
            GpuSpec.For(options).Capacity.ToArray());
        Assert.Equal(
            ["mlops:gpu.hosts offer 3 vGPUs of grid_a100d-40c (esx1: 2 GPUs x 2 = 4, 3 reserved for other stacks; esx2: 1 GPUs x 2 = 2), but the GPU node pools need 4, one per node (mlops:tanzu.nodePools[0] 'gpu' has 4). Add GPU hosts, choose a smaller profile in mlops:gpu.profile, or lower the GPU pools' replicas."],
            TestConfig.Errors(("mlops:gpu", Gpu), ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: gpu\n        gpu: true\n        replicas: 4\n      - name: cpu\n        replicas: 2")));
    }

    [Fact]
    public void Reserved_BeyondTheHost_AndSharedWithNamesThatAreNotStacks_AreErrors()
    {
        Assert.Equal(
            [
                "mlops:gpu.hosts[0].reserved '5' is out of range: what other stacks take of a host is 0 to its 4 GPUs. Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].reserved\" <number>'.",
                "mlops:gpu.hosts[0].sharedWith[0] '../dev' is not a stack name: use letters, digits, '-', '_' and '.', starting with a letter or digit (no '/', spaces or line breaks). Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].sharedWith[0]\" <stack>'.",
            ],
            TestConfig.Errors(("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1\n    template: t"),
                ("mlops:gpu", "\n    mode: passthrough\n    model: a100-80gb\n    hosts:\n      - name: esx1\n        gpus: 4\n        reserved: 5\n        sharedWith: [../dev]")));
    }

    [Fact]
    public void VgpuCapacity_SpreadsGpuNodesOverHostSlots()
    {
        var options = TestConfig.Load(("mlops:gpu", "\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-40c\n    hosts:\n      - name: esx1\n        gpus: 2\n      - name: esx2\n        gpus: 1" + TestConfig.Operator),
            ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: gpu\n        gpu: true\n        replicas: 5\n      - name: cpu\n        replicas: 2")).ValidOptions();

        Assert.Equal(
            [new GpuCapacityRow("esx1", 2, "grid_a100d-40c", 4, 4), new GpuCapacityRow("esx2", 1, "grid_a100d-40c", 2, 1)],
            GpuSpec.For(options).Capacity.ToArray());
    }

    [Fact]
    public void VmClass_HasOneVgpuAndFullReservationAndChecksEveryHostOffersTheProfile()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));

        var vmClass = plan["vsphere:index/virtualMachineClass:VirtualMachineClass::mlops-prod-vgpu-a100d-40c"];
        Assert.Equal("{cpus: 16, memory: 131072, memoryReservation: 100, name: mlops-prod-vgpu-a100d-40c, vgpuDevices: [grid_a100d-40c]}", PlanValue.Map(vmClass.Inputs).ToString());
        var check = Assert.IsType<PlanCheck.ProfileOffered>(Assert.Single(vmClass.Checks));
        Assert.Equal("grid_a100d-40c", check.Profile);
        Assert.Equal(
            ["esx-gpu-01.prod.example.com", "esx-gpu-02.prod.example.com", "esx-gpu-03.prod.example.com", "esx-gpu-04.prod.example.com"],
            check.Hosts.Select(h => h.Host));
        Assert.Equal(
            [.. check.Hosts.Select(h => $"vsphere:index/getHostVgpuProfile:getHostVgpuProfile::vgpu-profiles-{h.Host}")],
            check.Facts.Select(f => f.NodeId));
        Assert.All(check.Facts, f => Assert.Contains(f.NodeId, vmClass.Dependencies()));
    }
}
