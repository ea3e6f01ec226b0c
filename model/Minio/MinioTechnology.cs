using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Minio.MinioTechnology))]

namespace Infra.Model.Minio;

/// <summary>MinIO: the platform's own object store, with its buckets and an identity per service and team.</summary>
public sealed class MinioTechnology : PlannedTechnology<MinioSpec>
{
    /// <summary>MinIO as a platform service: level 0 needs it for the object store.</summary>
    public static PlatformService Service { get; } = new("minio", "MinIO", p => p.Minio, MaturityLevel.Level0, "the object store");

    /// <inheritdoc />
    public override int Order => 61;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [MinioSpec.Namespace, MinioSpec.OperatorNamespace];

    /// <inheritdoc />
    public override MinioSpec? SpecFor(PlatformOptions options) => MinioSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(MinioSpec spec, PlatformOptions options, PlatformTarget target) =>
        MinioPlanner.Nodes(spec, target.ProviderId, target.StorageClassNodeId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> TeamPlan(MinioSpec spec, PlatformOptions options, TeamsTarget target) =>
        MinioPlanner.TeamNodes(MinioTeamUsers.For(options), target);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(MinioSpec spec) =>
        [Kubernetes.ResourceShare.Pods("MinIO", spec.Servers, spec.Cpu, spec.Memory)];

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(MinioSpec spec) => MinioPlanner.Outputs(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(MinioSpec spec) => MinioMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(MinioSpec spec) => MinioMonitoring.Rules(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("MinIO operator and tenant", MinioVersions.ChartVersion, Kubernetes.KubernetesRange.Of("1.30", null), "minio/operator@v7.1.1:README.md (Kubernetes 1.30.0 or later)"),
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(MinioSpec spec) =>
    [
        Network.NamespaceAccess.Serving(MinioSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(MinioSpec.Namespace), new Network.TeamPort(MinioSpec.ServerPort, "MinIO's S3 API")),
        Network.NamespaceAccess.Closed(MinioSpec.OperatorNamespace, Kubernetes.KubernetesNodes.NamespaceId(MinioSpec.OperatorNamespace)),
    ];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(MinioSpec spec) =>
        [
            PulledImage.Of(MinioVersions.OperatorImage, "the MinIO operator"),
            PulledImage.Of($"{MinioSpec.ServerImage}:{MinioVersions.ServerTag}", "the MinIO tenant"),
            PulledImage.Of(MinioVersions.SidecarImage, "the MinIO tenant's sidecar"),
            PulledImage.Of(MinioVersions.ClientImage, "MinIO's policy, restore and mirror jobs"),
        ];
}
