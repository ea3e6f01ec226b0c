using Pulumi;

namespace Infra.Stacks;

/// <summary>Where the platform's Kubernetes cluster comes from.</summary>
public sealed class PlatformArgs
{
    /// <summary>The all-in-one stack's cluster provider, from the foundation; null before the cluster exists.</summary>
    public ProviderResource? ClusterProvider { get; init; }

    /// <summary>The foundation stack of a platform-only stack (<c>organization/project/stack</c>).</summary>
    public string? FoundationStack { get; init; }
}
