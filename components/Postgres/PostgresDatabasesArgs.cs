using Infra.Components.ObjectStore;
using Infra.Model.Postgres;
using Pulumi;

namespace Infra.Components.Postgres;

/// <summary>What the shared PostgreSQL cluster is built from.</summary>
public sealed class PostgresDatabasesArgs
{
    /// <summary>The PostgreSQL decisions.</summary>
    public required PostgresSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The StorageClass of the volumes, where this stack creates it.</summary>
    public Resource? StorageClass { get; init; }

    /// <summary>The object store that keeps the backups, where backups are set.</summary>
    public ObjectStoreCredentials? ObjectStore { get; init; }
}
