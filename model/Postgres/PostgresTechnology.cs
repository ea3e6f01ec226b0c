using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Postgres.PostgresTechnology))]

namespace Infra.Model.Postgres;

/// <summary>PostgreSQL: the CloudNativePG operator and the shared cluster with a database and role per service.</summary>
public sealed class PostgresTechnology : PlannedTechnology<PostgresSpec>
{
    /// <inheritdoc />
    public override int Order => 70;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [PostgresSpec.Namespace, PostgresSpec.OperatorNamespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var block = options.Platform?.Postgres;
        errors.AtLeastOne(PostgresErrors.Replicas, "mlops:platform:postgres:replicas", block?.Replicas, "PostgreSQL runs at least 1 instance");

        errors.Quantity("mlops:platform:postgres:storage", block?.Storage, "100Gi");
    }

    /// <inheritdoc />
    public override PostgresSpec? SpecFor(PlatformOptions options) => PostgresSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(PostgresSpec spec, PlatformOptions options, PlatformTarget target) =>
        PostgresPlanner.Nodes(spec, target.ProviderId, target.StorageClassNodeId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(PostgresSpec spec) =>
        [Kubernetes.ResourceShare.Pods("PostgreSQL", spec.Instances, spec.Cpu, spec.Memory)];

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(PostgresSpec spec) => PostgresPlanner.Outputs(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(PostgresSpec spec) => PostgresMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(PostgresSpec spec) => PostgresMonitoring.Rules(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("CloudNativePG", $"{PostgresVersions.OperatorVersion} (chart {PostgresVersions.Operator.Version})", Kubernetes.KubernetesRange.Of("1.34", "1.36"), "cloudnative-pg/cloudnative-pg@v1.30.0:docs/src/supported_releases.md (supported 1.34 to 1.36; tested 1.30 to 1.33)")
        {
            Tested = Kubernetes.KubernetesRange.Of("1.30", "1.36"),
        },
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(PostgresSpec spec) =>
    [
        Network.NamespaceAccess.Closed(PostgresSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(PostgresSpec.Namespace)),
        Network.NamespaceAccess.Closed(PostgresSpec.OperatorNamespace, Kubernetes.KubernetesNodes.NamespaceId(PostgresSpec.OperatorNamespace)),
    ];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(PostgresSpec spec) =>
        [
            PulledImage.Of($"{PostgresVersions.OperatorImage}:{PostgresVersions.OperatorVersion}", "the CloudNativePG operator"),
            PulledImage.Of(PostgresVersions.Image, "PostgreSQL"),
        ];
}
