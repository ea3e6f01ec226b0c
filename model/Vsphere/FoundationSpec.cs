using Infra.Model.Gpu;
using Infra.Model.Options;
using Infra.Model.Storage;
using Infra.Model.Tanzu;

namespace Infra.Model.Vsphere;

/// <summary>The vSphere foundation: what it looks up, the VM folder it creates, and its GPU VMs and VM class.</summary>
/// <param name="Lookups">The look-ups.</param>
/// <param name="Folder">The VM folder holding the stack's VMs.</param>
/// <param name="Gpu">The GPU decisions.</param>
/// <param name="Protect">Whether stateful resources (VMs, the vSphere Namespace, the cluster) are protected from deletion.</param>
/// <param name="Storage">The storage tiers.</param>
/// <param name="Tanzu">The vSphere Namespace and workload cluster.</param>
/// <param name="GpuOperator">The GPU Operator; null where the cluster has no GPU nodes.</param>
public sealed record FoundationSpec(VsphereLookups Lookups, FolderSpec Folder, GpuSpec Gpu, bool Protect, StorageSpec Storage, TanzuSpec Tanzu, GpuOperatorSpec? GpuOperator)
{
    /// <summary>The GPU Operator this run deploys: only onto the cluster's GPU pool, once the cluster is deployed.</summary>
    public GpuOperatorSpec? DeployedGpuOperator => Tanzu is { HasGpuPool: true, DeploysCluster: true } ? GpuOperator : null;

    /// <summary>The foundation's decisions for <paramref name="options"/>.</summary>
    public static FoundationSpec For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static FoundationSpec Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var vsphere = Validated.Required(options.Vsphere);
        var folder = string.IsNullOrEmpty(vsphere.Folder) ? $"mlops-{Validated.Required(options.Environment)}" : vsphere.Folder;
        return new FoundationSpec(
            VsphereLookups.For(options),
            new FolderSpec("vm-folder", folder),
            GpuSpec.For(options),
            options.IsProduction,
            StorageSpec.For(options),
            TanzuSpec.For(options),
            GpuOperatorSpec.For(options));
    }
}
