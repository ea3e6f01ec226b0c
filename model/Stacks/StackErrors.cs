using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Stacks.StackErrors))]

namespace Infra.Model.Stacks;

/// <summary>The rules of the stack as a whole: its environment, its layers, and the services its maturity level needs.</summary>
public static class StackErrors
{
    /// <summary>The environment's name.</summary>
    public static readonly ErrorCode Environment = new("MLOPS0101", "mlops:environment", "The environment is a lowercase DNS label of at most 20 characters: it prefixes resource names.");

    /// <summary>A platform-only stack without its foundation stack.</summary>
    public static readonly ErrorCode FoundationStackRequired = new("MLOPS0102", "mlops:foundationStack", "A platform-only stack (mlops:layers 'platform') names the foundation stack it reads the cluster's kubeconfig from.");

    /// <summary>A foundation stack where none is read.</summary>
    public static readonly ErrorCode FoundationStackUnused = new("MLOPS0103", "mlops:foundationStack", "Only a platform-only stack names a foundation stack.");

    /// <summary>A malformed stack reference.</summary>
    public static readonly ErrorCode FoundationStackShape = new("MLOPS0104", "mlops:foundationStack", "A stack reference is '<organization>/<project>/<stack>'.");

    /// <summary>A service with no replica.</summary>
    public static readonly ErrorCode ServiceReplicas = new("MLOPS0105", "mlops:platform.<service>.replicas", "A service runs at least 1 replica; 'enabled: false' turns it off.");

    /// <summary>A service the maturity level needs, turned off.</summary>
    public static readonly ErrorCode ServiceNeeded = new("MLOPS0106", "mlops:platform.<service>.enabled", "A service the stack's maturity level needs is not turned off.");

    /// <summary>A Tanzu release whose Kubernetes a component the stack runs does not support.</summary>
    public static readonly ErrorCode KubernetesOutOfRange = new("MLOPS0107", "mlops:tanzu.release", "Every component the stack runs on its cluster supports the Tanzu release's Kubernetes, as its upstream states (infractl versions shows the matrix).");

    /// <summary>A teams stack without its platform stack.</summary>
    public static readonly ErrorCode PlatformStackRequired = new("MLOPS0108", "mlops:platformStack", "A teams stack (mlops:layers 'teams') names the platform stack its teams live on.");

    /// <summary>A platform stack where none is read.</summary>
    public static readonly ErrorCode PlatformStackUnused = new("MLOPS0109", "mlops:platformStack", "Only a teams stack names a platform stack.");

    /// <summary>A malformed platform stack reference.</summary>
    public static readonly ErrorCode PlatformStackShape = new("MLOPS0110", "mlops:platformStack", "A stack reference is '<organization>/<project>/<stack>'.");

    /// <summary>Team stacks accepted by a stack that deploys no platform.</summary>
    public static readonly ErrorCode TeamStacksWithoutPlatform = new("MLOPS0111", "mlops:teamStacks", "Only a stack that deploys the platform accepts teams stacks.");
}
