using Infra.Components.Core;
using Infra.Model.Postgres;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Postgres;

/// <summary>The PostgreSQL cluster the services share (<c>infra:ml:Databases</c>), as <see cref="PostgresPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class PostgresDatabases : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public PostgresDatabases(string name, PostgresDatabasesArgs args, ComponentResourceOptions? options = null)
        : base(PostgresPlanner.ComponentType, name, args, parent => PostgresPlanner.Nodes(args.Spec, args.ProviderId, args.StorageClassNodeId, parent), options)
    {
        var outputs = PostgresPlanner.Outputs(args.Spec);
        Host = Text(outputs, StackOutputs.PostgresHost);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["host"] = Host,
        });
    }

    /// <summary>The read-write host services connect to.</summary>
    [Output("host")]
    public Output<string> Host { get; }
}
