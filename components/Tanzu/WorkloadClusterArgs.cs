using Infra.Components.Core;
using Infra.Model.Storage;
using Infra.Model.Tanzu;

namespace Infra.Components.Tanzu;

/// <summary>What <see cref="WorkloadCluster"/> is planned from: the Tanzu decisions and the storage tiers; the storage policies (and an enabled Supervisor, a VM class or a content library it uses) are registered first.</summary>
public sealed class WorkloadClusterArgs : PlannedPartArgs<TanzuSpec>
{
    /// <summary>The storage tiers: their policies are the vSphere Namespace's, their classes the cluster's.</summary>
    public required StorageSpec Storage { get; init; }

    /// <summary>The vGPU VM class node the namespace offers, or null.</summary>
    public string? VmClassNodeId { get; init; }

    /// <summary>Whether the namespace gets the content library look-up.</summary>
    public bool ContentLibrary { get; init; }

    /// <summary>Whether the namespace and the cluster are protected from deletion.</summary>
    public bool Protect { get; init; }
}
