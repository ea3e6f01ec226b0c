using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Monitoring.MonitoringTechnology))]

namespace Infra.Model.Monitoring;

/// <summary>Monitoring: Prometheus, Alertmanager and Grafana, scraping and alerting on what every other technology declares.</summary>
public sealed class MonitoringTechnology : PlannedTechnology<MonitoringSpec>
{
    /// <summary>Monitoring as a platform service: no maturity level needs it, and production runs it unless turned off.</summary>
    public static PlatformService Service { get; } = new("monitoring", "Monitoring", p => p.Monitoring, null, "metrics and alerts", OnInProduction: true);

    /// <inheritdoc />
    public override int Order => 200;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [MonitoringSpec.Namespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        MonitoringValidator.Validate(options.Platform?.Monitoring, errors);
    }

    /// <inheritdoc />
    public override MonitoringSpec? SpecFor(PlatformOptions options) => MonitoringSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(MonitoringSpec spec, PlatformOptions options, PlatformTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var targets = Technologies.All.SelectMany(t => t.ScrapeTargets(options)).ToArray();
        var rules = Technologies.All
            .Select(t => (Group: t.GetType().Name.Replace("Technology", string.Empty, StringComparison.Ordinal).ToLowerInvariant(), Rules: (IReadOnlyList<AlertRule>)[.. t.AlertRules(options)]))
            .Where(g => g.Rules.Count > 0)
            .ToArray();
        return MonitoringPlanner.Nodes(spec, targets, rules, Monitoring.Dashboards.For(options, targets), target.StorageClassNodeId, target.ProviderId, target.Parent);
    }

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(MonitoringSpec spec) =>
    [
        Kubernetes.ResourceShare.Pods("Prometheus", spec.Replicas, spec.Cpu, spec.Memory),
        Kubernetes.ResourceShare.Pods("Alertmanager", spec.AlertmanagerReplicas, "50m", "128Mi"),
        Kubernetes.ResourceShare.Pods("Grafana", 1, "100m", "256Mi"),
    ];

    /// <inheritdoc />
    protected override IEnumerable<AlertRule> AlertRulesOf(MonitoringSpec spec) => MonitoringRules.Rules();

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(MonitoringSpec spec) => MonitoringPlanner.Outputs(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("kube-prometheus-stack", $"{MonitoringVersions.Chart.Version} (Prometheus Operator {MonitoringVersions.OperatorVersion})", Kubernetes.KubernetesRange.Of("1.25", null), "prometheus-community/helm-charts@kube-prometheus-stack-88.5.3:charts/kube-prometheus-stack/Chart.yaml (kubeVersion >=1.25.0-0)"),
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(MonitoringSpec spec) =>
    [Network.NamespaceAccess.Closed(MonitoringSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(MonitoringSpec.Namespace)) with { ReachesTeams = true }];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(MonitoringSpec spec) =>
        MonitoringVersions.ChartImages.Select(i => PulledImage.Of($"{i.Registry}/{i.Repository}:{i.Tag}", "kube-prometheus-stack"));
}
