using Infra.Model.Kubernetes;
using Infra.Model.Storage;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Tanzu;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Stacks;

/// <summary>
/// The plan nodes of the platform layer (<c>infra:stacks:Platform</c>). An all-in-one stack's platform uses the
/// foundation's cluster provider; a platform-only stack reads the cluster's kubeconfig from its foundation stack
/// (a <c>StackReference</c>) and builds its own provider from it.
/// </summary>
public static class PlatformPlanner
{
    /// <summary>The stack reference's type token.</summary>
    public const string StackReferenceType = "pulumi:pulumi:StackReference";

    /// <summary>The foundation stack output holding the cluster's kubeconfig.</summary>
    public const string KubeconfigOutput = "kubeconfig";

    /// <summary>The id of the platform component.</summary>
    public static string ComponentId => PlanNode.IdOf(StackTokens.Platform, StackTokens.PlatformName);

    /// <summary>The platform's nodes for valid <paramref name="options"/> that deploy it.</summary>
    public static IEnumerable<PlanNode> Nodes(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var component = Component(StackTokens.Platform, StackTokens.PlatformName, null);
        yield return component;
        if (options.DeploysFoundation)
        {
            // The foundation's cluster provider, once the cluster is deployed (not on a new Supervisor's first run).
            if (ServicesDeploy(options))
            {
                var tier = StorageSpec.For(options).Default!;
                var storageClass = PlanNode.IdOf(KubernetesTokens.StorageClass, tier.Name);
                foreach (var node in Services(options, TanzuPlanner.WorkloadProviderId, storageClass, component.Id))
                {
                    yield return node;
                }
            }

            yield break;
        }

        var (reference, provider) = ClusterOf(Validated.Required(options.FoundationStack), component.Id);
        yield return reference;
        yield return provider;
        foreach (var node in Services(options, provider.Id, null, component.Id))
        {
            yield return node;
        }
    }

    /// <summary>The node id of a platform-only stack's reference to its foundation stack.</summary>
    public static string FoundationReferenceId(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PlanNode.IdOf(StackReferenceType, Validated.Required(options.FoundationStack));
    }

    /// <summary>
    /// The workload cluster as another stack exports it, under <paramref name="parent"/>: the reference to
    /// <paramref name="stack"/>, and the Kubernetes provider built from its secret <c>kubeconfig</c> output. A
    /// platform-only stack reads its foundation's this way, a teams stack its platform's.
    /// </summary>
    public static (PlanNode Reference, PlanNode Provider) ClusterOf(string stack, string parent)
    {
        ArgumentException.ThrowIfNullOrEmpty(stack);
        var reference = new PlanNode
        {
            Kind = PlanNodeKind.Read,
            Type = StackReferenceType,
            Name = stack,
            Parent = parent,
            Inputs = Inputs(("id", PlanValue.Of(stack))),
        };
        var provider = Resource(KubernetesTokens.Provider, TanzuPlanner.WorkloadProvider, parent,
            ("kubeconfig", PlanValue.StackOutput(reference.Id, KubeconfigOutput)))
            with { Provider = null, DependsOn = [reference.Id] };
        return (reference, provider);
    }

    /// <summary>
    /// What the platform's services hand to someone else, for valid <paramref name="options"/> that deploy it: each
    /// technology's hand-offs (an existing object store's buckets and policies for its administrators, Feast's client
    /// configuration and a sample Spark application for the teams). None where the services do not deploy in this run.
    /// </summary>
    public static IEnumerable<PlanHandoff> Handoffs(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ServicesDeploy(options) ? Technologies.All.SelectMany(t => t.Handoffs(options)) : [];
    }

    /// <summary>
    /// Whether the platform's services deploy in this run of valid <paramref name="options"/> that deploy the platform:
    /// an all-in-one stack's services wait for its cluster, which a new Supervisor's first run does not deploy yet.
    /// </summary>
    public static bool ServicesDeploy(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !options.DeploysFoundation || TanzuSpec.For(options).DeploysCluster;
    }

    // Each technology's part, in the technologies' order: a service after the stores and namespaces it uses.
    private static IEnumerable<PlanNode> Services(PlatformOptions options, string providerId, string? storageClassNodeId, string parent)
    {
        var teamIds = Teams.TeamNamespaces.For(options).ToDictionary(t => t.Name, t => Teams.TeamNamespaces.NamespaceId(t.Name), StringComparer.Ordinal);
        var target = new PlatformTarget(providerId, storageClassNodeId, parent, teamIds);
        return Technologies.All.SelectMany(t => t.PlatformNodes(options, target));
    }
}
