using Infra.Components.ObjectStore;
using Infra.Components.Postgres;
using Infra.Components.Redis;
using Infra.Model.Gitlab;
using Pulumi;

namespace Infra.Components.Gitlab;

/// <summary>What GitLab is built from.</summary>
public sealed class SourceControlArgs
{
    /// <summary>GitLab's decisions.</summary>
    public required GitlabSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The shared PostgreSQL cluster, with GitLab's database.</summary>
    public required PostgresDatabases Databases { get; init; }

    /// <summary>The shared key-value store, with GitLab's user.</summary>
    public required KeyValueStore KeyValueStore { get; init; }

    /// <summary>The object store, with GitLab's buckets and identity.</summary>
    public required ObjectStoreCredentials ObjectStore { get; init; }

    /// <summary>The StorageClass of Gitaly's volume where this stack creates it, else null.</summary>
    public Resource? StorageClass { get; init; }
}
