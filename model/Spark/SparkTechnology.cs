using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Spark.SparkTechnology))]

namespace Infra.Model.Spark;

/// <summary>Spark: the Spark operator, its history server, and the teams' access to SparkApplications.</summary>
public sealed class SparkTechnology : PlannedTechnology<SparkSpec>
{
    /// <summary>Spark as a platform service: level 1 needs it for data processing.</summary>
    public static PlatformService Service { get; } = new("spark", "Spark", p => p.Spark, MaturityLevel.Level1, "data processing");

    /// <inheritdoc />
    public override int Order => 130;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [SparkSpec.OperatorNamespace, SparkSpec.JobsNamespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) =>
        ObjectStoreValidator.RequireStore(options, errors, Service, "event logs and data");

    /// <inheritdoc />
    public override SparkSpec? SpecFor(PlatformOptions options) => SparkSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(SparkSpec spec, PlatformOptions options, PlatformTarget target) =>
        SparkPlanner.Nodes(spec, target.TeamNamespaceIds, target.ProviderId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> TeamPlan(SparkSpec spec, PlatformOptions options, TeamsTarget target) => SparkPlanner.TeamNodes(spec, Validated.Required(options.Environment), target);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(SparkSpec spec) =>
        [
            Kubernetes.ResourceShare.Pods("Spark operator", spec.Replicas, spec.Cpu, spec.Memory),
            .. spec.HistoryServer ? [Kubernetes.ResourceShare.Pods("Spark history server", 1, SparkSpec.HistoryServerCpu, SparkSpec.HistoryServerMemory)] : Array.Empty<Kubernetes.ResourceShare>(),
        ];

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(SparkSpec spec) => SparkPlanner.Outputs(spec);

    /// <inheritdoc />
    protected override IEnumerable<PlanHandoff> HandoffsOf(SparkSpec spec) => SparkPlanner.Handoffs(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(SparkSpec spec) => SparkMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(SparkSpec spec) => SparkMonitoring.Rules(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("Spark operator", SparkVersions.OperatorTag, Kubernetes.KubernetesRange.Of("1.16", null), "kubeflow/spark-operator@v2.5.2:charts/spark-operator-chart/README.md (Kubernetes >= 1.16)"),
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(SparkSpec spec) =>
    [
        Network.NamespaceAccess.Closed(SparkSpec.OperatorNamespace, Kubernetes.KubernetesNodes.NamespaceId(SparkSpec.OperatorNamespace)),
        Network.NamespaceAccess.Closed(SparkSpec.JobsNamespace, Kubernetes.KubernetesNodes.NamespaceId(SparkSpec.JobsNamespace)),
    ];

    /// <inheritdoc />
    protected override IEnumerable<PulledSource> DownloadsOf(SparkSpec spec) =>
        spec.HistoryServer ? SparkVersions.HistoryServerJars.Zip(spec.HistoryServerJars, (url, from) => new PulledSource("file", url, "Spark history server") { From = from }) : [];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(SparkSpec spec) =>
        [
            PulledImage.Of($"{SparkVersions.OperatorImage}:{SparkVersions.OperatorTag}", "the Spark operator"),
            PulledImage.Of(SparkVersions.SparkImage, spec.HistoryServer ? "Spark applications, the Spark history server" : "Spark applications"),
            .. spec.HistoryServer ? [PulledImage.Of(SparkVersions.Busybox, "the Spark history server's jar fetcher")] : Array.Empty<PulledImage>(),
        ];
}
