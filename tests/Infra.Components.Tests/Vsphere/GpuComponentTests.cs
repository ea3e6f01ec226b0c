using System.Collections.Immutable;
using Infra.Components.Tests.Harness;
using Infra.Stacks;

namespace Infra.Components.Tests.Vsphere;

public sealed class GpuComponentTests
{
    private const string VirtualMachine = "vsphere:index/virtualMachine:VirtualMachine";

    [Fact]
    public async Task GpuVirtualMachine_RegistersPassthroughInputsOnItsHost()
    {
        var options = StackFiles.Lab();

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "lab");

        var vm = run.InputsOf(VirtualMachine, "lab-train-01");
        Assert.Equal(["0000:3b:00.0", "0000:5e:00.0"], (IEnumerable<object>)vm["pciDeviceIds"]);
        Assert.Equal("esx1-id", vm["hostSystemId"]);
        Assert.Equal("efi", vm["firmware"]);
        Assert.Equal(262144.0, vm["memory"]);
        Assert.Equal(262144.0, vm["memoryReservation"]);
        Assert.Equal(true, vm["memoryReservationLockedToMax"]);
        Assert.Equal(17.0, vm["hardwareVersion"]);
        Assert.Equal("ubuntu64Guest", vm["guestId"]);
        Assert.Equal("mlops-lab", vm["folder"]);
        Assert.Equal("dsc1-id", vm["datastoreClusterId"]);
        Assert.False(vm.ContainsKey("datastoreId"));
        Assert.Equal("c1/Resources/ml-id", vm["resourcePoolId"]);
        var extraConfig = (IReadOnlyDictionary<string, object>)vm["extraConfig"];
        Assert.Equal("TRUE", extraConfig["pciPassthru.use64bitMMIO"]);
        Assert.Equal("256", extraConfig["pciPassthru.64bitMMIOSizeGB"]);
        Assert.Equal("#cloud-config\npackages: [nvidia-driver-550]\n", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)extraConfig["guestinfo.userdata"])));
        Assert.True(Assert.Single(run.Registrations, r => r.Type == VirtualMachine && r.Name == "lab-train-01").Protect);
    }

    [Fact]
    public async Task GpuVirtualMachine_WithoutConfiguredAddresses_TakesTheDeviceTheHostLookUpFinds()
    {
        var options = StackFiles.Lab();

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "lab");

        var vm = run.InputsOf(VirtualMachine, "lab-notebook-01");
        Assert.Equal(["esx2-id/getHostPciDevice"], (IEnumerable<object>)vm["pciDeviceIds"]);
        Assert.Equal("esx2-id", vm["hostSystemId"]);
        var pci = Assert.Single(run.Mocks.Calls, c => c.Token == "vsphere:index/getHostPciDevice:getHostPciDevice");
        Assert.Equal(("esx2-id", "10de", "0302", "A100.*80GB"), ((string)pci.Args["hostId"], (string)pci.Args["vendorId"], (string)pci.Args["classId"], (string)pci.Args["nameRegex"]));
        var drs = run.InputsOf("vsphere:index/drsVmOverride:DrsVmOverride", "lab-notebook-01-drs");
        Assert.Equal((false, "lab-notebook-01-id", "c1-id"), ((bool)drs["drsEnabled"], (string)drs["virtualMachineId"], (string)drs["computeClusterId"]));
    }

    [Fact]
    public async Task GpuVirtualMachine_BiosTemplate_FailsNamingTheFirmware()
    {
        var options = StackFiles.Lab();
        var mocks = new EchoMocks { Template = ("bios", 60) };

        var messages = await FailureMessages(() => StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "lab", mocks));

        Assert.Contains("GPU VM lab-train-01: the template has 'bios' firmware, but GPU passthrough with 64-bit MMIO needs 'efi'. Use a template with EFI firmware in mlops:vsphere.template.", messages, StringComparison.Ordinal);
        Assert.DoesNotContain(mocks.Resources, r => r.Type == VirtualMachine);
    }

    [Fact]
    public async Task GpuVirtualMachine_DiskSmallerThanTemplate_FailsWithTheSizeNeeded()
    {
        var options = StackFiles.Lab();
        var mocks = new EchoMocks { Template = ("efi", 300) };

        var messages = await FailureMessages(() => StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "lab", mocks));

        Assert.Contains("GPU VM lab-notebook-01: its disk of 200 GB is smaller than the template's 300 GB, and a clone cannot shrink a disk. Set mlops:gpu.vms[].disk to at least 300Gi.", messages, StringComparison.Ordinal);
        Assert.DoesNotContain(mocks.Resources, r => r.Type == VirtualMachine && r.Name == "lab-notebook-01");
    }

    [Fact]
    public async Task GpuVmClass_GetsTheProfileTheHostsOffer()
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var vmClass = run.InputsOf("vsphere:index/virtualMachineClass:VirtualMachineClass", "mlops-dev-vgpu-a100d-20c");
        Assert.Equal(["grid_a100d-20c"], (IEnumerable<object>)vmClass["vgpuDevices"]);
        Assert.Equal(100.0, vmClass["memoryReservation"]);
        var check = Assert.Single(run.Mocks.Calls, c => c.Token == "vsphere:index/getHostVgpuProfile:getHostVgpuProfile");
        Assert.Equal("esx-gpu-01.lab.example.com-id", check.Args["hostId"]);
    }

    [Fact]
    public async Task GpuVmClass_ProfileNotOffered_FailsWithTheOfferedListAndCreatesNoClass()
    {
        var mocks = new EchoMocks();
        mocks.OfferedProfiles["esx-gpu-01.lab.example.com-id"] = ["grid_a100d-80c", "grid_a100d-40c"];

        var messages = await FailureMessages(() => StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object), "dev", mocks));

        Assert.Contains(
            "mlops:gpu.profile 'grid_a100d-20c' is not offered by every GPU host: esx-gpu-01.lab.example.com offers grid_a100d-40c, grid_a100d-80c. Set one they all offer with 'pulumi config set --path mlops:gpu.profile <profile>', or check the hosts' NVIDIA vGPU Manager and GPU mode.",
            messages,
            StringComparison.Ordinal);
        Assert.DoesNotContain(mocks.Resources, r => r.Type == "vsphere:index/virtualMachineClass:VirtualMachineClass");
    }

    private static async Task<string> FailureMessages(Func<Task> run)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(run);
        return ex is AggregateException aggregate ? string.Join("\n", aggregate.Flatten().InnerExceptions.Select(e => e.Message)) : ex.Message;
    }
}
