using System.Collections.Immutable;
using Infra.Model.Gpu;
using Infra.Model.Vsphere;
using Pulumi;
using Pulumi.VSphere;

namespace Infra.Components.Vsphere;

/// <summary>
/// The foundation's look-ups in vCenter, made on behalf of a parent component, with exactly the arguments the
/// model planned (<see cref="FoundationPlanner"/>).
/// </summary>
public sealed class VsphereInventory
{
    private VsphereInventory()
    {
    }

    /// <summary>The datacenter's id.</summary>
    public required Output<string> DatacenterId { get; init; }

    /// <summary>The compute cluster's id.</summary>
    public required Output<string> ComputeClusterId { get; init; }

    /// <summary>The resource pool VMs go to: the configured pool or the cluster's root pool.</summary>
    public required Output<string> ResourcePoolId { get; init; }

    /// <summary>The datastore's id, where a datastore is configured.</summary>
    public Output<string>? DatastoreId { get; init; }

    /// <summary>The datastore cluster's id, where one is configured.</summary>
    public Output<string>? DatastoreClusterId { get; init; }

    /// <summary>The VM network's id.</summary>
    public required Output<string> NetworkId { get; init; }

    /// <summary>The content library's id, where one is configured.</summary>
    public Output<string>? ContentLibraryId { get; init; }

    /// <summary>The VM template, where one is configured.</summary>
    public Output<TemplateFacts>? Template { get; init; }

    /// <summary>The GPU hosts' ids by host name.</summary>
    public required ImmutableDictionary<string, Output<string>> HostIds { get; init; }

    /// <summary>The GPU device found on hosts whose VMs take one GPU and whose addresses are not configured.</summary>
    public required ImmutableDictionary<string, Output<string>> PciDeviceIds { get; init; }

    /// <summary>Makes the look-ups, parented to <paramref name="parent"/>.</summary>
    public static VsphereInventory LookUp(VsphereLookups lookups, GpuSpec gpu, Resource parent)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(parent);
        var options = new InvokeOptions { Parent = parent };
        var datacenterId = GetDatacenter.Invoke(new GetDatacenterInvokeArgs { Name = lookups.Datacenter }, options).Apply(d => d.Id);
        var cluster = GetComputeCluster.Invoke(new GetComputeClusterInvokeArgs { Name = lookups.ComputeCluster, DatacenterId = datacenterId }, options);
        var datastoreId = lookups.Datastore is { } datastore
            ? GetDatastore.Invoke(new GetDatastoreInvokeArgs { Name = datastore, DatacenterId = datacenterId }, options).Apply(d => d.Id)
            : null;
        var datastoreClusterId = lookups.DatastoreCluster is { } datastoreCluster
            ? GetDatastoreCluster.Invoke(new GetDatastoreClusterInvokeArgs { Name = datastoreCluster, DatacenterId = datacenterId }, options).Apply(d => d.Id)
            : null;
        var networkId = GetNetwork.Invoke(new GetNetworkInvokeArgs { Name = lookups.Network, DatacenterId = datacenterId }, options).Apply(n => n.Id);
        var resourcePoolId = lookups.ResourcePool is { } pool
            ? GetResourcePool.Invoke(new GetResourcePoolInvokeArgs { Name = pool, DatacenterId = datacenterId }, options).Apply(p => p.Id)
            : cluster.Apply(c => c.ResourcePoolId);
        var libraryId = lookups.ContentLibrary is { } library
            ? GetContentLibrary.Invoke(new GetContentLibraryInvokeArgs { Name = library }, options).Apply(l => l.Id)
            : null;
        var template = lookups.Template is not { } templateName
            ? null
            : libraryId is not null
                ? GetContentLibraryItem.Invoke(new GetContentLibraryItemInvokeArgs { Name = templateName, LibraryId = libraryId, Type = VsphereLookups.TemplateItemType }, options)
                    .Apply(item => new TemplateFacts(item.Id, lookups.TemplateGuestId, null, null, ThinProvisioned: true))
                : GetVirtualMachine.Invoke(new GetVirtualMachineInvokeArgs { Name = templateName, DatacenterId = datacenterId }, options)
                    .Apply(vm => new TemplateFacts(
                        vm.Id,
                        vm.GuestId,
                        vm.Firmware,
                        vm.Disks.IsDefaultOrEmpty ? null : vm.Disks[0].Size,
                        !vm.Disks.IsDefaultOrEmpty && vm.Disks[0].ThinProvisioned));
        var hostIds = lookups.GpuHosts.ToImmutableDictionary(
            host => host,
            host => GetHost.Invoke(new GetHostInvokeArgs { Name = host, DatacenterId = datacenterId }, options).Apply(h => h.Id),
            StringComparer.Ordinal);
        var pciDeviceIds = gpu.HostsNeedingPciLookup.ToImmutableDictionary(
            host => host,
            host => GetHostPciDevice.Invoke(new GetHostPciDeviceInvokeArgs
            {
                HostId = hostIds[host],
                VendorId = GpuCatalog.NvidiaVendorId,
                ClassId = GpuCatalog.GpuClassId,
                NameRegex = gpu.Model!.PciNameRegex,
            }, options).Apply(d => d.Id),
            StringComparer.Ordinal);

        return new VsphereInventory
        {
            DatacenterId = datacenterId,
            ComputeClusterId = cluster.Apply(c => c.Id),
            ResourcePoolId = resourcePoolId,
            DatastoreId = datastoreId,
            DatastoreClusterId = datastoreClusterId,
            NetworkId = networkId,
            ContentLibraryId = libraryId,
            Template = template,
            HostIds = hostIds,
            PciDeviceIds = pciDeviceIds,
        };
    }
}
