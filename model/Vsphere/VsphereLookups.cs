using System.Collections.Immutable;
using Infra.Model.Options;

namespace Infra.Model.Vsphere;

/// <summary>What the foundation looks up in vCenter: every name config gives, so that a preview fails early on a typo.</summary>
/// <param name="Datacenter">The datacenter.</param>
/// <param name="ComputeCluster">The compute cluster.</param>
/// <param name="Datastore">The datastore, or null where a datastore cluster is used.</param>
/// <param name="DatastoreCluster">The datastore cluster, or null.</param>
/// <param name="Network">The VM network.</param>
/// <param name="ResourcePool">A resource pool of the cluster, or null for the cluster's root pool.</param>
/// <param name="ContentLibrary">The content library, or null.</param>
/// <param name="Template">The VM template (an item of <paramref name="ContentLibrary"/> where that is set), or null.</param>
/// <param name="TemplateGuestId">The guest OS id of VMs cloned from a content library item.</param>
/// <param name="GpuHosts">The GPU hosts.</param>
public sealed record VsphereLookups(
    string Datacenter,
    string ComputeCluster,
    string? Datastore,
    string? DatastoreCluster,
    string Network,
    string? ResourcePool,
    string? ContentLibrary,
    string? Template,
    string TemplateGuestId,
    ImmutableArray<string> GpuHosts)
{
    /// <summary>The default guest OS id of VMs cloned from a content library item.</summary>
    public const string DefaultGuestId = "ubuntu64Guest";

    /// <summary>The content library item type of a VM template.</summary>
    public const string TemplateItemType = "ovf";

    /// <summary>Whether the template is a content library item rather than a VM template.</summary>
    public bool TemplateIsLibraryItem => ContentLibrary is not null && Template is not null;

    /// <summary>The look-ups for <paramref name="options"/>.</summary>
    public static VsphereLookups For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static VsphereLookups Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var vsphere = Validated.Required(options.Vsphere);
        var gpuHosts = options.Gpu?.EffectiveMode is GpuMode.Passthrough or GpuMode.Vgpu
            ? options.Gpu.Hosts?.Select(h => Validated.Required(h.Name)).ToImmutableArray() ?? []
            : [];
        return new VsphereLookups(
            Validated.Required(vsphere.Datacenter),
            Validated.Required(vsphere.ComputeCluster),
            Empty(vsphere.Datastore),
            Empty(vsphere.DatastoreCluster),
            Validated.Required(vsphere.Network),
            Empty(vsphere.ResourcePool),
            Empty(vsphere.ContentLibrary),
            Empty(vsphere.Template),
            Empty(vsphere.TemplateGuestId) ?? DefaultGuestId,
            gpuHosts);
    }

    /// <summary>Logical names of the look-ups in the plan.</summary>
    public static class Names
    {
        /// <summary>The datacenter.</summary>
        public const string Datacenter = "datacenter";

        /// <summary>The compute cluster.</summary>
        public const string ComputeCluster = "compute-cluster";

        /// <summary>The datastore.</summary>
        public const string Datastore = "datastore";

        /// <summary>The datastore cluster.</summary>
        public const string DatastoreCluster = "datastore-cluster";

        /// <summary>The network.</summary>
        public const string Network = "network";

        /// <summary>The resource pool.</summary>
        public const string ResourcePool = "resource-pool";

        /// <summary>The content library.</summary>
        public const string ContentLibrary = "content-library";

        /// <summary>The VM template.</summary>
        public const string Template = "template";

        /// <summary>A GPU host.</summary>
        public static string Host(string host) => $"host-{host}";

        /// <summary>The GPU device of a host found by <c>getHostPciDevice</c>.</summary>
        public static string PciDevice(string host) => $"gpu-pci-{host}";

        /// <summary>The vGPU profiles a host offers.</summary>
        public static string VgpuProfiles(string host) => $"vgpu-profiles-{host}";
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
