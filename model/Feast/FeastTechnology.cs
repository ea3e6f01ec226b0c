using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Feast.FeastTechnology))]

namespace Infra.Model.Feast;

/// <summary>Feast: the feature store, through the Feast operator, on the platform's PostgreSQL, Redis and object store.</summary>
public sealed class FeastTechnology : PlannedTechnology<FeastSpec>
{
    /// <summary>Feast as a platform service: level 1 needs it for the feature store.</summary>
    public static PlatformService Service { get; } = new("feast", "Feast", p => p.Feast, MaturityLevel.Level1, "the feature store");

    /// <inheritdoc />
    public override int Order => 90;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [FeastSpec.Namespace, FeastSpec.OperatorNamespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        ObjectStoreValidator.RequireStore(options, errors, Service, "offline data");
        if (options.Platform?.Feast?.MaterializeSchedule is { } schedule && !ValueRules.IsCronSchedule(schedule))
        {
            errors.Fail(FeastErrors.MaterializeSchedule, "mlops:platform:feast:materializeSchedule", $"'{schedule}' is not a cron schedule: write five fields (minute, hour, day of month, month, day of week) such as '0 * * * *', or a macro such as @hourly or @daily. Set it with 'pulumi config set --path mlops:platform.feast.materializeSchedule \"0 * * * *\"'.");
        }
    }

    /// <inheritdoc />
    public override FeastSpec? SpecFor(PlatformOptions options) => FeastSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(FeastSpec spec, PlatformOptions options, PlatformTarget target) =>
        FeastPlanner.Nodes(spec, target.ProviderId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(FeastSpec spec) =>
        [Kubernetes.ResourceShare.Pods("Feast", spec.Replicas * spec.Servers, spec.Cpu, spec.Memory) with { Basis = $"{spec.Replicas} x {spec.Servers} servers x {spec.Cpu} CPU, {spec.Memory}" }];

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(FeastSpec spec) => FeastPlanner.Outputs(spec);

    /// <inheritdoc />
    protected override IEnumerable<PlanHandoff> HandoffsOf(FeastSpec spec) => FeastPlanner.Handoffs(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(FeastSpec spec) => FeastMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(FeastSpec spec) => FeastMonitoring.Rules(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("Feast operator", FeastVersions.Version, Kubernetes.KubernetesRange.Of(null, null), "feast-dev/feast@v0.66.0:infra/feast-operator (no range stated; its envtest runs Kubernetes 1.31)"),
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(FeastSpec spec) =>
    [
        Network.NamespaceAccess.Serving(FeastSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(FeastSpec.Namespace),
            new Network.TeamPort(FeastSpec.OnlinePort, "Feast's online feature server"),
            new Network.TeamPort(FeastSpec.OfflinePort, "Feast's offline server"),
            new Network.TeamPort(FeastSpec.RegistryPort, "Feast's registry")),
        Network.NamespaceAccess.Closed(FeastSpec.OperatorNamespace, Planning.PlanNode.IdOf(Kubernetes.KubernetesTokens.ConfigFile, FeastPlanner.OperatorBundle)),
    ];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(FeastSpec spec) =>
        [
            PulledImage.Of(FeastVersions.OperatorImage, "the Feast operator"),
            PulledImage.Of(FeastVersions.FeatureServerImage, "Feast's servers"),
        ];
}
