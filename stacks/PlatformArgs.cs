using Pulumi;

namespace Infra.Stacks;

/// <summary>Where the platform's Kubernetes cluster comes from.</summary>
public sealed class PlatformArgs
{
    /// <summary>The platform's options.</summary>
    public required Model.Options.PlatformOptions Options { get; init; }

    /// <summary>The StorageClass of the default tier, where this stack creates it.</summary>
    public Resource? DefaultStorageClass { get; init; }

    /// <summary>The all-in-one stack's cluster provider, from the foundation; null before the cluster exists.</summary>
    public ProviderResource? ClusterProvider { get; init; }

    /// <summary>Where secret settings come from (an external object store's keys).</summary>
    public required Components.Configuration.ISecretSource Secrets { get; init; }

    /// <summary>The foundation stack of a platform-only stack (<c>organization/project/stack</c>).</summary>
    public string? FoundationStack { get; init; }
}
