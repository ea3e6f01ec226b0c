using System.Collections.Immutable;

namespace Infra.Model.Kubeflow;

/// <summary>
/// One kustomization of the Kubeflow release, applied as a unit once the ones it needs are in place.
/// </summary>
/// <param name="Name">The unit's name (its resource name).</param>
/// <param name="Directory">The kustomization: a folder of the pinned release, or one of this repository's overlays (<c>kubeflow/…</c>).</param>
/// <param name="Needs">The units that must be ready first: CRDs and webhooks before their users.</param>
public sealed record KubeflowComponent(string Name, string Directory, ImmutableArray<string> Needs)
{
    /// <summary>
    /// The unit's Deployments that may run more than one replica: stateless servers, and controllers whose
    /// manifests turn leader election on. Production runs them twice.
    /// </summary>
    public ImmutableArray<string> Replicated { get; init; } = [];

    /// <summary>The unit's HorizontalPodAutoscalers, which own their Deployments' replica counts: production raises their floor instead.</summary>
    public ImmutableArray<string> Autoscaled { get; init; } = [];

    /// <summary>
    /// The unit's Deployments (or StatefulSet) that stay at one replica in production, each with the reason: a
    /// controller the release runs without leader election would reconcile twice.
    /// </summary>
    public ImmutableArray<(string Workload, string Reason)> Single { get; init; } = [];

    /// <summary>Whether any of the unit's workloads runs more than once in production (by its replicas or its autoscaler).</summary>
    public bool RunsMoreThanOnce => !Replicated.IsEmpty || !Autoscaled.IsEmpty;

    /// <summary>Equal where the name, folder, needs and replica lists are.</summary>
    public bool Equals(KubeflowComponent? other) =>
        other is not null && Name == other.Name && Directory == other.Directory && Needs.SequenceEqual(other.Needs)
        && Replicated.SequenceEqual(other.Replicated) && Autoscaled.SequenceEqual(other.Autoscaled) && Single.SequenceEqual(other.Single);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Directory);
}
