using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Mlflow.MlflowTechnology))]

namespace Infra.Model.Mlflow;

/// <summary>MLflow: the tracking server and model registry, with a user per team.</summary>
public sealed class MlflowTechnology : Technology
{
    /// <summary>MLflow as a platform service: level 1 needs it for the model registry.</summary>
    public static PlatformService Service { get; } = new("mlflow", "MLflow", p => p.Mlflow, MaturityLevel.Level1, "the model registry");

    /// <inheritdoc />
    public override int Order => 120;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [MlflowSpec.Namespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) =>
        ObjectStoreValidator.RequireStore(options, errors, Service, "its artifacts");

    /// <inheritdoc />
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return MlflowSpec.For(options) is { } mlflow
            ? MlflowPlanner.Nodes(mlflow, MlflowTeamUsers.For(options), target.TeamNamespaceIds, target.ProviderId, target.Parent)
            : [];
    }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        MlflowSpec.For(options) is { } mlflow ? MlflowPlanner.Outputs(mlflow) : [];
}
