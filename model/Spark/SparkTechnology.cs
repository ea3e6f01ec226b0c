using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Spark.SparkTechnology))]

namespace Infra.Model.Spark;

/// <summary>Spark: the Spark operator, its history server, and the teams' access to SparkApplications.</summary>
public sealed class SparkTechnology : Technology
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
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SparkSpec.For(options) is { } spark ? SparkPlanner.Nodes(spark, target.TeamNamespaceIds, target.ProviderId, target.Parent) : [];
    }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        SparkSpec.For(options) is { } spark ? SparkPlanner.Outputs(spark) : [];

    /// <inheritdoc />
    public override IEnumerable<PlanHandoff> Handoffs(PlatformOptions options) =>
        SparkSpec.For(options) is { } spark ? SparkPlanner.Handoffs(spark) : [];
}
