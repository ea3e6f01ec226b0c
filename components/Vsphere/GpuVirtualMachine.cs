using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Model.Gpu;
using Infra.Model.Vsphere;
using Pulumi;
using Pulumi.VSphere;
using Pulumi.VSphere.Inputs;

namespace Infra.Components.Vsphere;

/// <summary>
/// A VM with whole GPUs passed through (<c>infra:vsphere:GpuVirtualMachine</c>): cloned from the template, pinned
/// to its GPU host, EFI firmware, all memory reserved and locked, 64-bit MMIO sized for its GPUs, kept out of DRS.
/// </summary>
public sealed class GpuVirtualMachine : InfraComponent
{
    /// <summary>Registers the VM and its DRS override.</summary>
    public GpuVirtualMachine(string name, GpuVirtualMachineArgs args, ComponentResourceOptions? options = null)
        : base(VsphereTokens.GpuVirtualMachineComponent, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var vm = args.Vm;
        var inventory = args.Inventory;
        var template = inventory.Template ?? throw new ArgumentException("GPU VMs need a template look-up.", nameof(args));
        var network = vm.Network;

        var customize = new VirtualMachineCloneCustomizeArgs
        {
            LinuxOptions = new VirtualMachineCloneCustomizeLinuxOptionsArgs { HostName = vm.Name, Domain = vm.Domain },
            NetworkInterfaces =
            {
                network is null
                    ? new VirtualMachineCloneCustomizeNetworkInterfaceArgs()
                    : new VirtualMachineCloneCustomizeNetworkInterfaceArgs { Ipv4Address = network.Address, Ipv4Netmask = network.PrefixLength },
            },
        };
        if (network is not null)
        {
            customize.Ipv4Gateway = network.Gateway;
            if (!network.DnsServers.IsEmpty)
            {
                customize.DnsServerLists = network.DnsServers;
            }
        }

        var machineArgs = new VirtualMachineArgs
        {
            Name = vm.Name,
            ResourcePoolId = inventory.ResourcePoolId,
            Folder = args.FolderPath,
            HostSystemId = inventory.HostIds[vm.Host],
            NumCpus = vm.Cpus,
            Memory = vm.MemoryMb,
            MemoryReservation = vm.MemoryMb,
            MemoryReservationLockedToMax = true,
            Firmware = GpuVmSpec.Firmware,
            HardwareVersion = vm.HardwareVersion,
            GuestId = template.Apply(t => t.GuestId),
            PciDeviceIds = vm.PciAddresses.IsEmpty
                ? inventory.PciDeviceIds[vm.Host].Apply(id => ImmutableArray.Create(id))
                : vm.PciAddresses,
            ExtraConfig = vm.ExtraConfig.ToImmutableDictionary(),
            EnableDiskUuid = true,
            NetworkInterfaces =
            {
                new VirtualMachineNetworkInterfaceArgs { NetworkId = inventory.NetworkId, AdapterType = GpuVmDefaults.AdapterType },
            },
            Disks =
            {
                new VirtualMachineDiskArgs
                {
                    Label = GpuVmSpec.DiskLabel,
                    Size = template.Apply(t => CheckTemplate(t, vm)),
                    ThinProvisioned = template.Apply(t => t.ThinProvisioned),
                },
            },
            Clone = new VirtualMachineCloneArgs
            {
                TemplateUuid = template.Apply(t => t.Id),
                Customize = customize,
            },
        };
        if (inventory.DatastoreId is { } datastoreId)
        {
            machineArgs.DatastoreId = datastoreId;
        }

        if (args.StoragePolicyId is { } storagePolicyId)
        {
            machineArgs.StoragePolicyId = storagePolicyId;
        }

        if (inventory.DatastoreClusterId is { } datastoreClusterId)
        {
            machineArgs.DatastoreClusterId = datastoreClusterId;
        }

        var machine = new VirtualMachine(vm.Name, machineArgs, ChildOptions(protect: args.Foundation.Protect));

        _ = new DrsVmOverride($"{vm.Name}-drs", new DrsVmOverrideArgs
        {
            ComputeClusterId = inventory.ComputeClusterId,
            VirtualMachineId = machine.Id,
            DrsEnabled = false,
        }, ChildOptions());

        VirtualMachineId = machine.Id;
        DefaultIpAddress = machine.DefaultIpAddress;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["virtualMachineId"] = VirtualMachineId,
            ["defaultIpAddress"] = DefaultIpAddress,
        });
    }

    /// <summary>The VM's managed object id.</summary>
    [Output]
    public Output<string> VirtualMachineId { get; }

    /// <summary>The VM's IP address once the guest reports it.</summary>
    [Output]
    public Output<string> DefaultIpAddress { get; }

    private int CheckTemplate(TemplateFacts template, GpuVmSpec vm)
    {
        if (template.Firmware is { } firmware && firmware != GpuVmSpec.Firmware)
        {
            throw new ResourceException(
                $"GPU VM {vm.Name}: the template has '{firmware}' firmware, but GPU passthrough with 64-bit MMIO needs '{GpuVmSpec.Firmware}'. Use a template with EFI firmware in mlops:vsphere.template.",
                this,
                hideStack: true);
        }

        if (template.DiskGb is { } templateDisk && templateDisk > vm.DiskGb)
        {
            throw new ResourceException(
                $"GPU VM {vm.Name}: its disk of {vm.DiskGb} GB is smaller than the template's {templateDisk} GB, and a clone cannot shrink a disk. Set mlops:gpu.vms[].disk to at least {templateDisk}Gi.",
                this,
                hideStack: true);
        }

        return vm.DiskGb;
    }
}
