using Infra.Components.Core;
using Infra.Model.Kubeflow;

namespace Infra.Components.Kubeflow;

/// <summary>What <see cref="KubeflowPlatform"/> is planned from.</summary>
public sealed class KubeflowPlatformArgs : ClusterPartArgs<KubeflowSpec>
{
    /// <summary>The node ids of the teams' namespaces, by namespace, which the profiles adopt.</summary>
    public required IReadOnlyDictionary<string, string> TeamNamespaceIds { get; init; }
}
