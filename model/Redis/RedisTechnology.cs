using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Redis.RedisTechnology))]

namespace Infra.Model.Redis;

/// <summary>Redis (Valkey): the shared key-value store of Feast's online store and GitLab.</summary>
public sealed class RedisTechnology : PlannedTechnology<RedisSpec>
{
    /// <inheritdoc />
    public override int Order => 80;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [RedisSpec.Namespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var block = options.Platform?.Redis;
        errors.AtLeastOne(RedisErrors.Replicas, "mlops:platform:redis:replicas", block?.Replicas, "Redis runs at least 1 instance");

        errors.Quantity("mlops:platform:redis:storage", block?.Storage, "100Gi");
        errors.Quantity("mlops:platform:redis:memory", block?.Memory, "4Gi");
    }

    /// <inheritdoc />
    public override RedisSpec? SpecFor(PlatformOptions options) => RedisSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(RedisSpec spec, PlatformOptions options, PlatformTarget target) =>
        RedisPlanner.Nodes(spec, target.ProviderId, target.StorageClassNodeId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(RedisSpec spec) =>
        [Kubernetes.ResourceShare.Pods("Redis", spec.Instances, spec.Cpu, spec.Memory)];

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(RedisSpec spec) => RedisPlanner.Outputs(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(RedisSpec spec) => RedisMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(RedisSpec spec) => RedisMonitoring.Rules(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("Valkey", $"{RedisVersions.Tag} (chart {RedisVersions.Chart.Version})", Kubernetes.KubernetesRange.Of("1.20", null), "valkey-io/valkey-helm@valkey-0.11.0:README.md (Kubernetes 1.20+)"),
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(RedisSpec spec) =>
    [Network.NamespaceAccess.Closed(RedisSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(RedisSpec.Namespace))];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(RedisSpec spec) =>
        spec.Metrics
            ? [PulledImage.Of($"{RedisVersions.ImageRegistry}/{RedisVersions.Image}:{RedisVersions.Tag}", "Valkey"), PulledImage.Of($"{RedisVersions.ExporterRegistry}/{RedisVersions.Exporter}:{RedisVersions.ExporterTag}", "Valkey's metrics exporter")]
            : [PulledImage.Of($"{RedisVersions.ImageRegistry}/{RedisVersions.Image}:{RedisVersions.Tag}", "Valkey")];
}
