using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Feast.FeastTechnology))]

namespace Infra.Model.Feast;

/// <summary>Feast: the feature store, through the Feast operator, on the platform's PostgreSQL, Redis and object store.</summary>
public sealed class FeastTechnology : Technology
{
    /// <summary>Feast as a platform service: level 1 needs it for the feature store.</summary>
    public static PlatformService Service { get; } = new("feast", "Feast", p => p.Feast, MaturityLevel.Level1, "the feature store");

    /// <inheritdoc />
    public override int Order => 90;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [FeastSpec.Namespace, "feast-operator-system"];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) =>
        ObjectStoreValidator.RequireStore(options, errors, Service, "offline data");

    /// <inheritdoc />
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target) =>
        FeastSpec.For(options) is { } feast ? FeastPlanner.Nodes(feast, target.ProviderId, target.Parent) : [];

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        FeastSpec.For(options) is { } feast ? FeastPlanner.Outputs(feast) : [];

    /// <inheritdoc />
    public override IEnumerable<PlanHandoff> Handoffs(PlatformOptions options) =>
        FeastSpec.For(options) is { } feast ? FeastPlanner.Handoffs(feast) : [];
}
