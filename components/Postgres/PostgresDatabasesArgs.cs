using Infra.Components.Core;
using Infra.Model.Postgres;

namespace Infra.Components.Postgres;

/// <summary>What <see cref="PostgresDatabases"/> is planned from.</summary>
public sealed class PostgresDatabasesArgs : PlannedPartArgs
{
    /// <summary>The decisions of the model.</summary>
    public required PostgresSpec Spec { get; init; }

    /// <summary>The StorageClass node of its volumes where the program creates it, else null.</summary>
    public string? StorageClassNodeId { get; init; }
}
