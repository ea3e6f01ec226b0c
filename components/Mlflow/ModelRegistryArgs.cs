using Infra.Components.ObjectStore;
using Infra.Components.Postgres;
using Infra.Model.Mlflow;
using Pulumi;

namespace Infra.Components.Mlflow;

/// <summary>What the MLflow model registry is built from.</summary>
public sealed class ModelRegistryArgs
{
    /// <summary>The MLflow decisions.</summary>
    public required MlflowSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The shared PostgreSQL cluster, with MLflow's databases and password.</summary>
    public required PostgresDatabases Databases { get; init; }

    /// <summary>The object store, with MLflow's bucket and identity.</summary>
    public required ObjectStoreCredentials ObjectStore { get; init; }

    /// <summary>The teams' users, or null.</summary>
    public MlflowTeamUsers? TeamUsers { get; init; }

    /// <summary>The teams' namespaces, by name, which get the teams' credentials.</summary>
    public required System.Collections.Immutable.ImmutableDictionary<string, Resource> TeamNamespaces { get; init; }
}
