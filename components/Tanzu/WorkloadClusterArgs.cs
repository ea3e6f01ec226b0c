using System.Collections.Immutable;
using Infra.Model.Storage;
using Infra.Model.Tanzu;
using Pulumi;

namespace Infra.Components.Tanzu;

/// <summary>What the workload cluster is built from.</summary>
public sealed class WorkloadClusterArgs
{
    /// <summary>The Tanzu decisions.</summary>
    public required TanzuSpec Tanzu { get; init; }

    /// <summary>The storage tiers.</summary>
    public required StorageSpec Storage { get; init; }

    /// <summary>Each tier's storage policy id, by tier name.</summary>
    public required ImmutableDictionary<string, Output<string>> StoragePolicyIds { get; init; }

    /// <summary>The vGPU VM class's name, where there is one: the namespace offers it once it exists.</summary>
    public Output<string>? GpuVmClassName { get; init; }

    /// <summary>The content library's id, where one is configured.</summary>
    public Output<string>? ContentLibraryId { get; init; }

    /// <summary>The Supervisor's id: the existing one's, or the one this stack enables.</summary>
    public required Input<string> SupervisorId { get; init; }

    /// <summary>The Supervisor kubeconfig, a secret; null before a Supervisor this stack enables has one (then no cluster yet).</summary>
    public Output<string>? SupervisorKubeconfig { get; init; }

    /// <summary>Whether the vSphere Namespace and the cluster are protected from deletion.</summary>
    public bool Protect { get; init; }
}
