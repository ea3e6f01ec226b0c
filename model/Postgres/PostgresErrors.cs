using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Postgres.PostgresErrors))]

namespace Infra.Model.Postgres;

/// <summary>The rules of the shared PostgreSQL cluster.</summary>
public static class PostgresErrors
{
    /// <summary>No instance.</summary>
    public static readonly ErrorCode Replicas = new("MLOPS0801", "mlops:platform.postgres.replicas", "PostgreSQL runs at least 1 instance.");
}
