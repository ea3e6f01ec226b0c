using Infra.Model.Gpu;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Storage;
using Infra.Model.Tanzu;
using static Infra.Model.Planning.PlanNodes;
using Names = Infra.Model.Vsphere.VsphereLookups.Names;

namespace Infra.Model.Vsphere;

/// <summary>The plan nodes of the vSphere foundation: look-ups, the VM folder, GPU VMs and the vGPU VM class.</summary>
public static class FoundationPlanner
{
    /// <summary>The id of the foundation component.</summary>
    public static string ComponentId => PlanNode.IdOf(StackTokens.Foundation, StackTokens.FoundationName);

    /// <summary>The foundation's nodes.</summary>
    public static IEnumerable<PlanNode> Nodes(FoundationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parent = ComponentId;
        yield return Component(StackTokens.Foundation, StackTokens.FoundationName, null);
        foreach (var lookup in Lookups(spec.Lookups, spec.Gpu, parent))
        {
            yield return lookup;
        }

        yield return Resource(VsphereTokens.Folder, spec.Folder.LogicalName, parent,
            ("path", PlanValue.Of(spec.Folder.Path)),
            ("type", PlanValue.Of(FolderSpec.VmFolderType)),
            ("datacenterId", Ref(VsphereTokens.GetDatacenter, Names.Datacenter, "id")));

        foreach (var vm in spec.Gpu.Vms)
        {
            foreach (var node in GpuVirtualMachineNodes(spec, vm, parent))
            {
                yield return node;
            }
        }

        foreach (var node in StoragePlanner.Nodes(spec.Storage, parent))
        {
            yield return node;
        }

        string? vmClassNodeId = null;
        if (spec.Gpu.VmClass is { } vmClass)
        {
            vmClassNodeId = PlanNode.IdOf(VsphereTokens.VirtualMachineClass, vmClass.Name);
            foreach (var node in GpuVmClassNodes(vmClass, parent))
            {
                yield return node;
            }
        }

        foreach (var node in TanzuPlanner.Nodes(spec.Tanzu, spec.Storage, vmClassNodeId, spec.Lookups.ContentLibrary is not null, spec.Protect, parent))
        {
            yield return node;
        }

        if (spec.DeployedGpuOperator is { } gpuOperator)
        {
            foreach (var node in GpuOperatorPlanner.Nodes(gpuOperator, TanzuPlanner.WorkloadProviderId, parent))
            {
                yield return node;
            }
        }
    }

    /// <summary>A reference to output <paramref name="property"/> of the node of type <paramref name="type"/> named <paramref name="name"/>.</summary>
    public static PlanValue Ref(string type, string name, string property) => PlanValue.Output(PlanNode.IdOf(type, name), property);

    /// <summary>The inputs a GPU VM registers with, as the component passes them.</summary>
    public static PlanNode VirtualMachine(FoundationSpec spec, GpuVmSpec vm, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(vm);
        var lookups = spec.Lookups;
        var template = PlanNode.IdOf(lookups.TemplateIsLibraryItem ? VsphereTokens.GetContentLibraryItem : VsphereTokens.GetVirtualMachine, Names.Template);
        var network = vm.Network;
        return Resource(VsphereTokens.VirtualMachine, vm.Name, parent,
            ("name", PlanValue.Of(vm.Name)),
            ("resourcePoolId", lookups.ResourcePool is null
                ? Ref(VsphereTokens.GetComputeCluster, Names.ComputeCluster, "resourcePoolId")
                : Ref(VsphereTokens.GetResourcePool, Names.ResourcePool, "id")),
            ("datastoreId", lookups.Datastore is null ? null : Ref(VsphereTokens.GetDatastore, Names.Datastore, "id")),
            ("datastoreClusterId", lookups.DatastoreCluster is null ? null : Ref(VsphereTokens.GetDatastoreCluster, Names.DatastoreCluster, "id")),
            ("folder", Ref(VsphereTokens.Folder, spec.Folder.LogicalName, "path")),
            ("storagePolicyId", spec.Storage.Default is { } tier ? PlanValue.Output(StoragePlanner.PolicyId(tier.Name), "id") : null),
            ("hostSystemId", Ref(VsphereTokens.GetHost, Names.Host(vm.Host), "id")),
            ("numCpus", PlanValue.Of(vm.Cpus)),
            ("memory", PlanValue.Of(vm.MemoryMb)),
            ("memoryReservation", PlanValue.Of(vm.MemoryMb)),
            ("memoryReservationLockedToMax", PlanValue.Of(true)),
            ("firmware", PlanValue.Of(GpuVmSpec.Firmware)),
            ("hardwareVersion", PlanValue.Of(vm.HardwareVersion)),
            ("guestId", lookups.TemplateIsLibraryItem ? PlanValue.Of(lookups.TemplateGuestId) : PlanValue.Output(template, "guestId")),
            ("pciDeviceIds", vm.PciAddresses.IsEmpty
                ? PlanValue.List([Ref(VsphereTokens.GetHostPciDevice, Names.PciDevice(vm.Host), "id")])
                : PlanValue.List(vm.PciAddresses.Select(PlanValue.Of))),
            ("extraConfig", PlanValue.Map(vm.ExtraConfig.Select(kv => KeyValuePair.Create(kv.Key, PlanValue.Of(kv.Value))))),
            ("enableDiskUuid", PlanValue.Of(true)),
            ("networkInterfaces", PlanValue.List([Map(
                ("networkId", Ref(VsphereTokens.GetNetwork, Names.Network, "id")),
                ("adapterType", PlanValue.Of(GpuVmDefaults.AdapterType)))])),
            ("disks", PlanValue.List([Map(
                ("label", PlanValue.Of(GpuVmSpec.DiskLabel)),
                ("size", PlanValue.Of(vm.DiskGb)),
                ("thinProvisioned", lookups.TemplateIsLibraryItem ? PlanValue.Of(true) : PlanValue.Output(template, "disks[0].thinProvisioned")))])),
            ("clone", Map(
                ("templateUuid", PlanValue.Output(template, "id")),
                ("customize", Map(
                    ("linuxOptions", Map(("hostName", PlanValue.Of(vm.Name)), ("domain", PlanValue.Of(vm.Domain)))),
                    ("networkInterfaces", PlanValue.List([network is null
                        ? Map()
                        : Map(("ipv4Address", PlanValue.Of(network.Address)), ("ipv4Netmask", PlanValue.Of(network.PrefixLength)))])),
                    ("ipv4Gateway", network is null ? null : PlanValue.Of(network.Gateway)),
                    ("dnsServerLists", network is null || network.DnsServers.IsEmpty ? null : PlanValue.List(network.DnsServers.Select(PlanValue.Of))))))))
            with
            {
                Protect = spec.Protect,
                Checks = lookups.TemplateIsLibraryItem ? [] : [new PlanCheck.TemplateFitsVm(template, vm.Name, GpuVmSpec.Firmware, vm.DiskGb)],
            };
    }

    private static IEnumerable<PlanNode> Lookups(VsphereLookups lookups, GpuSpec gpu, string parent)
    {
        var datacenterId = ("datacenterId", Ref(VsphereTokens.GetDatacenter, Names.Datacenter, "id"));
        yield return Lookup(VsphereTokens.GetDatacenter, Names.Datacenter, parent, ("name", PlanValue.Of(lookups.Datacenter)));
        yield return Lookup(VsphereTokens.GetComputeCluster, Names.ComputeCluster, parent, ("name", PlanValue.Of(lookups.ComputeCluster)), datacenterId);
        if (lookups.Datastore is { } datastore)
        {
            yield return Lookup(VsphereTokens.GetDatastore, Names.Datastore, parent, ("name", PlanValue.Of(datastore)), datacenterId);
        }

        if (lookups.DatastoreCluster is { } datastoreCluster)
        {
            yield return Lookup(VsphereTokens.GetDatastoreCluster, Names.DatastoreCluster, parent, ("name", PlanValue.Of(datastoreCluster)), datacenterId);
        }

        yield return Lookup(VsphereTokens.GetNetwork, Names.Network, parent, ("name", PlanValue.Of(lookups.Network)), datacenterId);
        if (lookups.ResourcePool is { } pool)
        {
            yield return Lookup(VsphereTokens.GetResourcePool, Names.ResourcePool, parent, ("name", PlanValue.Of(pool)), datacenterId);
        }

        if (lookups.ContentLibrary is { } library)
        {
            yield return Lookup(VsphereTokens.GetContentLibrary, Names.ContentLibrary, parent, ("name", PlanValue.Of(library)));
        }

        if (lookups.Template is { } template)
        {
            yield return lookups.TemplateIsLibraryItem
                ? Lookup(VsphereTokens.GetContentLibraryItem, Names.Template, parent,
                    ("name", PlanValue.Of(template)),
                    ("libraryId", Ref(VsphereTokens.GetContentLibrary, Names.ContentLibrary, "id")),
                    ("type", PlanValue.Of(VsphereLookups.TemplateItemType)))
                : Lookup(VsphereTokens.GetVirtualMachine, Names.Template, parent, ("name", PlanValue.Of(template)), datacenterId);
        }

        foreach (var host in lookups.GpuHosts)
        {
            yield return Lookup(VsphereTokens.GetHost, Names.Host(host), parent, ("name", PlanValue.Of(host)), datacenterId);
        }

        foreach (var host in gpu.HostsNeedingPciLookup)
        {
            yield return Lookup(VsphereTokens.GetHostPciDevice, Names.PciDevice(host), parent,
                ("hostId", Ref(VsphereTokens.GetHost, Names.Host(host), "id")),
                ("vendorId", PlanValue.Of(GpuCatalog.NvidiaVendorId)),
                ("classId", PlanValue.Of(GpuCatalog.GpuClassId)),
                ("nameRegex", PlanValue.Of(gpu.Model!.PciNameRegex)));
        }
    }

    /// <summary>A passthrough VM's address, as the stack exports it.</summary>
    public static PlanValue VmAddress(GpuVmSpec vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return Ref(VsphereTokens.VirtualMachine, vm.Name, "defaultIpAddress");
    }

    /// <summary>The vGPU VM class's name, as the stack exports it.</summary>
    public static PlanValue VmClassName(GpuVmClassSpec vmClass)
    {
        ArgumentNullException.ThrowIfNull(vmClass);
        return Ref(VsphereTokens.VirtualMachineClass, vmClass.Name, "name");
    }

    /// <summary>A passthrough VM's component (<c>infra:vsphere:GpuVirtualMachine</c>): the VM, pinned to its host, and its DRS override.</summary>
    public static IEnumerable<PlanNode> GpuVirtualMachineNodes(FoundationSpec spec, GpuVmSpec vm, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(vm);
        var component = Component(VsphereTokens.GpuVirtualMachineComponent, vm.Name, parent);
        yield return component;
        var machine = VirtualMachine(spec, vm, component.Id);
        yield return machine;
        yield return Resource(VsphereTokens.DrsVmOverride, $"{vm.Name}-drs", component.Id,
            ("computeClusterId", Ref(VsphereTokens.GetComputeCluster, Names.ComputeCluster, "id")),
            ("virtualMachineId", PlanValue.Output(machine.Id, "id")),
            ("drsEnabled", PlanValue.Of(false)));
    }

    /// <summary>The vGPU VM class's component (<c>infra:vsphere:GpuVmClass</c>): the class, checked against each host's offered profiles.</summary>
    public static IEnumerable<PlanNode> GpuVmClassNodes(GpuVmClassSpec vmClass, string parent)
    {
        ArgumentNullException.ThrowIfNull(vmClass);
        var component = Component(VsphereTokens.GpuVmClassComponent, vmClass.Name, parent);
        yield return component;
        var checks = vmClass.Hosts
            .Select(host => Lookup(VsphereTokens.GetHostVgpuProfile, Names.VgpuProfiles(host), component.Id,
                ("hostId", Ref(VsphereTokens.GetHost, Names.Host(host), "id"))))
            .ToList();
        foreach (var check in checks)
        {
            yield return check;
        }

        yield return Resource(VsphereTokens.VirtualMachineClass, vmClass.Name, component.Id,
            ("name", PlanValue.Of(vmClass.Name)),
            ("cpus", PlanValue.Of(vmClass.Cpus)),
            ("memory", PlanValue.Of(vmClass.MemoryMb)),
            ("memoryReservation", PlanValue.Of(GpuVmClassSpec.MemoryReservationPercent)),
            ("vgpuDevices", PlanValue.List([PlanValue.Of(vmClass.Profile)])))
            with { Checks = [new PlanCheck.ProfileOffered(vmClass.Profile, [.. vmClass.Hosts.Zip(checks, (host, check) => (host, check.Id))])] };
    }
}
