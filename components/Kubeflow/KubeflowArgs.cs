using System.Collections.Immutable;
using Infra.Model.Kubeflow;
using Pulumi;

namespace Infra.Components.Kubeflow;

/// <summary>What Kubeflow is built from.</summary>
public sealed class KubeflowArgs
{
    /// <summary>Kubeflow's decisions.</summary>
    public required KubeflowSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The teams' namespaces, by name, which the profiles adopt.</summary>
    public required ImmutableDictionary<string, Resource> TeamNamespaces { get; init; }

    /// <summary>The shared PostgreSQL cluster, with Katib's database where Katib runs.</summary>
    public Postgres.PostgresDatabases? Databases { get; init; }

    /// <summary>The secret of GitLab's OAuth application, where Dex signs in through GitLab.</summary>
    public Output<string>? GitlabClientSecret { get; init; }

    /// <summary>The object store, where there is one: Pipelines keeps its packages there, and the teams' runs their artifacts.</summary>
    public ObjectStore.ObjectStoreCredentials? ObjectStore { get; init; }

    /// <summary>The teams' MLflow Secrets, by team, where MLflow runs.</summary>
    public ImmutableDictionary<string, Resource> TeamMlflowSecrets { get; init; } = ImmutableDictionary<string, Resource>.Empty;

    /// <summary>The teams' object store Secrets, by team, where there is an object store.</summary>
    public required ImmutableDictionary<string, Resource> TeamStoreSecrets { get; init; }
}
