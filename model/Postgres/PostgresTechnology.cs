using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Postgres.PostgresTechnology))]

namespace Infra.Model.Postgres;

/// <summary>PostgreSQL: the CloudNativePG operator and the shared cluster with a database and role per service.</summary>
public sealed class PostgresTechnology : Technology
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
        if (block?.Replicas is < 1)
        {
            errors.Fail(PostgresErrors.Replicas, "mlops:platform:postgres:replicas", $"'{block.Replicas}' is out of range: PostgreSQL runs at least 1 instance. Set it with 'pulumi config set --path mlops:platform.postgres.replicas <number>'.");
        }

        errors.Quantity("mlops:platform:postgres:storage", block?.Storage, "100Gi");
    }

    /// <inheritdoc />
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target) =>
        PostgresSpec.For(options) is { } postgres ? PostgresPlanner.Nodes(postgres, target.ProviderId, target.StorageClassNodeId, target.Parent) : [];

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        PostgresSpec.For(options) is { } postgres ? PostgresPlanner.Outputs(postgres) : [];
}
