using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Model.Stacks;

/// <summary>
/// A technology of the platform layer planned from one spec: where the spec is null (the service is off, or not
/// needed), it has no nodes, outputs or hand-offs and does not run on the cluster.
/// </summary>
/// <typeparam name="TSpec">Its spec, such as <c>MlflowSpec</c>.</typeparam>
public abstract class PlannedTechnology<TSpec> : Technology
    where TSpec : class
{
    /// <summary>The spec for valid <paramref name="options"/>, or null where the technology does not run.</summary>
    public abstract TSpec? SpecFor(PlatformOptions options);

    /// <inheritdoc />
    public sealed override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SpecFor(options) is { } spec ? Plan(spec, options, target) : [];
    }

    /// <inheritdoc />
    public sealed override IEnumerable<PlanNode> TeamNodes(PlatformOptions options, TeamsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SpecFor(options) is { } spec ? TeamPlan(spec, options, target) : [];
    }

    /// <inheritdoc />
    public sealed override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        SpecFor(options) is { } spec ? OutputsOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<PlanHandoff> Handoffs(PlatformOptions options) =>
        SpecFor(options) is { } spec ? HandoffsOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<Kubernetes.ResourceShare> Requests(PlatformOptions options) =>
        SpecFor(options) is { } spec ? RequestsOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargets(PlatformOptions options) =>
        SpecFor(options) is { } spec ? ScrapeTargetsOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<Monitoring.AlertRule> AlertRules(PlatformOptions options) =>
        SpecFor(options) is { } spec ? AlertRulesOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<Monitoring.Dashboard> Dashboards(PlatformOptions options) =>
        SpecFor(options) is { } spec ? DashboardsOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<PulledImage> Images(PlatformOptions options) =>
        SpecFor(options) is { } spec ? ImagesOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<PulledSource> Downloads(PlatformOptions options) =>
        SpecFor(options) is { } spec ? DownloadsOf(spec) : [];

    /// <inheritdoc />
    public sealed override IEnumerable<Network.NamespaceAccess> NetworkAccess(PlatformOptions options) =>
        SpecFor(options) is { } spec ? NetworkAccessOf(spec) : [];

    /// <inheritdoc />
    public override bool RunsOnCluster(PlatformOptions options) => options.DeploysPlatform && SpecFor(options) is not null;

    /// <summary>Its nodes in the platform layer.</summary>
    protected abstract IEnumerable<PlanNode> Plan(TSpec spec, PlatformOptions options, PlatformTarget target);

    /// <summary>Its part of a teams stack's tenancy.</summary>
    protected virtual IEnumerable<PlanNode> TeamPlan(TSpec spec, PlatformOptions options, TeamsTarget target) => [];

    /// <summary>Its stack outputs.</summary>
    protected virtual IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(TSpec spec) => [];

    /// <summary>The files it hands to someone else.</summary>
    protected virtual IEnumerable<PlanHandoff> HandoffsOf(TSpec spec) => [];

    /// <summary>What it asks of the CPU pools.</summary>
    protected virtual IEnumerable<Kubernetes.ResourceShare> RequestsOf(TSpec spec) => [];

    /// <summary>The metrics Prometheus scrapes from its workloads.</summary>
    protected virtual IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(TSpec spec) => [];

    /// <summary>The alerts on its metrics.</summary>
    protected virtual IEnumerable<Monitoring.AlertRule> AlertRulesOf(TSpec spec) => [];

    /// <summary>The dashboards of its metrics.</summary>
    protected virtual IEnumerable<Monitoring.Dashboard> DashboardsOf(TSpec spec) => [];

    /// <summary>The images its workloads pull.</summary>
    protected virtual IEnumerable<PulledImage> ImagesOf(TSpec spec) => [];

    /// <summary>The files its workloads download as they start.</summary>
    protected virtual IEnumerable<PulledSource> DownloadsOf(TSpec spec) => [];

    /// <summary>Its namespaces as the network policies see them.</summary>
    protected virtual IEnumerable<Network.NamespaceAccess> NetworkAccessOf(TSpec spec) => [];
}
