using System.Diagnostics.CodeAnalysis;
using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Model.Stacks;

/// <summary>
/// One technology of the stack as its own folder declares it (<c>[assembly: Technology(typeof(...))]</c>): its
/// validation rules, the namespaces it takes, its part of the platform's plan and its stack outputs. Adding a
/// service adds a folder with one of these; nothing central is edited.
/// </summary>
public abstract class Technology
{
    /// <summary>Where it comes in validation and in the platform's plan, lowest first: a service after the stores it uses.</summary>
    public abstract int Order { get; }

    /// <summary>The platform service it offers, with its <c>mlops:platform</c> block and the maturity level that needs it; null for the foundation's technologies and the shared stores.</summary>
    public virtual PlatformService? Offers => null;

    /// <summary>The namespaces it takes on the workload cluster, which no team may take.</summary>
    public virtual IEnumerable<string> Namespaces => [];

    /// <summary>The releases it deploys on the workload cluster, with the Kubernetes versions each supports: its row of the compatibility matrix.</summary>
    public virtual IEnumerable<Kubernetes.ComponentRelease> Releases => [];

    /// <summary>Whether it runs on the workload cluster for valid <paramref name="options"/>, so that its releases must support the cluster's Kubernetes.</summary>
    public virtual bool RunsOnCluster(PlatformOptions options) => Offers is { } service && options.DeploysPlatform && options.IsEnabled(service);

    /// <summary>Checks its settings, adding every failure to <paramref name="errors"/>.</summary>
    public virtual void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
    }

    /// <summary>Its nodes in the platform layer for valid <paramref name="options"/>; none where it does not run.</summary>
    public virtual IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target) => [];

    /// <summary>
    /// Its part of a teams stack's tenancy for valid <paramref name="options"/> of a teams stack, on the platform it
    /// runs on: each team's nodes (under the team's component), and those of the stack's set of teams (under the
    /// stack's). None where it does not run on that platform, or holds nothing per team.
    /// </summary>
    public virtual IEnumerable<PlanNode> TeamNodes(PlatformOptions options, TeamsTarget target) => [];

    /// <summary>The files it hands to someone else (administrators, teams) for valid <paramref name="options"/> whose platform runs.</summary>
    public virtual IEnumerable<PlanHandoff> Handoffs(PlatformOptions options) => [];

    /// <summary>Its stack outputs for valid <paramref name="options"/> whose platform runs.</summary>
    public virtual IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) => [];

    /// <summary>What it asks of the workload cluster's CPU pools for valid <paramref name="options"/> whose platform runs.</summary>
    public virtual IEnumerable<Kubernetes.ResourceShare> Requests(PlatformOptions options) => [];

    /// <summary>The metrics of its workloads that Prometheus scrapes, for valid <paramref name="options"/> where it runs.</summary>
    public virtual IEnumerable<Monitoring.ScrapeTarget> ScrapeTargets(PlatformOptions options) => [];

    /// <summary>The alerts on its metrics, for valid <paramref name="options"/> where it runs.</summary>
    public virtual IEnumerable<Monitoring.AlertRule> AlertRules(PlatformOptions options) => [];

    /// <summary>The dashboards of its metrics, for valid <paramref name="options"/> where it runs.</summary>
    public virtual IEnumerable<Monitoring.Dashboard> Dashboards(PlatformOptions options) => [];

    /// <summary>Every image its workloads pull (and the images it starts workloads from), with their pinned tags, for valid <paramref name="options"/> where it runs.</summary>
    public virtual IEnumerable<PulledImage> Images(PlatformOptions options) => [];

    /// <summary>The files its workloads download as they start (jars), for valid <paramref name="options"/> where it runs.</summary>
    public virtual IEnumerable<PulledSource> Downloads(PlatformOptions options) => [];

    /// <summary>Its namespaces as the network policies see them (what teams reach there, whether it reaches teams), for valid <paramref name="options"/> where it runs.</summary>
    public virtual IEnumerable<Network.NamespaceAccess> NetworkAccess(PlatformOptions options) => [];
}

/// <summary>Declares a technology of the stack from its own folder.</summary>
/// <param name="type">A <see cref="Technology"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class TechnologyAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] Type type) : Attribute
{
    /// <summary>The technology's type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)]
    public Type Type { get; } = type;
}

/// <summary>Where the platform's services are registered: the provider, the default StorageClass, the parent and the teams' namespaces.</summary>
/// <param name="ProviderId">The node id of the workload cluster's Kubernetes provider.</param>
/// <param name="StorageClassNodeId">The node id of the default StorageClass, where this stack creates it.</param>
/// <param name="Parent">The platform component's id.</param>
/// <param name="TeamNamespaceIds">Each team's namespace node id, by team.</param>
public sealed record PlatformTarget(string ProviderId, string? StorageClassNodeId, string Parent, IReadOnlyDictionary<string, string> TeamNamespaceIds);

/// <summary>Where a teams stack registers its teams: the provider, the stack's component, each team's component and namespace.</summary>
/// <param name="ProviderId">The node id of the workload cluster's Kubernetes provider, built from the platform stack's kubeconfig.</param>
/// <param name="Parent">The teams component's id, the parent of what the stack's set of teams shares.</param>
/// <param name="Label">The stack's name as a DNS label, which names what the set of teams shares (a job, a schedule).</param>
/// <param name="TeamParents">Each team's component id, by team.</param>
/// <param name="TeamNamespaceIds">Each team's namespace node id, by team.</param>
public sealed record TeamsTarget(string ProviderId, string Parent, string Label, IReadOnlyDictionary<string, string> TeamParents, IReadOnlyDictionary<string, string> TeamNamespaceIds);
