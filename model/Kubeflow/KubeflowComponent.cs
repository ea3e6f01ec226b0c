using System.Collections.Immutable;

namespace Infra.Model.Kubeflow;

/// <summary>
/// One kustomization of the Kubeflow release, applied as a unit once the ones it needs are in place.
/// </summary>
/// <param name="Name">The unit's name (its resource name).</param>
/// <param name="Directory">The kustomization: a folder of the pinned release, or one of this repository's overlays (<c>kubeflow/…</c>).</param>
/// <param name="Needs">The units that must be ready first: CRDs and webhooks before their users.</param>
public sealed record KubeflowComponent(string Name, string Directory, ImmutableArray<string> Needs);
