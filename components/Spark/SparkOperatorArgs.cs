using System.Collections.Immutable;
using Infra.Components.ObjectStore;
using Infra.Model.Spark;
using Pulumi;

namespace Infra.Components.Spark;

/// <summary>What the Spark operator is built from.</summary>
public sealed class SparkOperatorArgs
{
    /// <summary>The Spark decisions.</summary>
    public required SparkSpec Spec { get; init; }

    /// <summary>The cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The object store, with Spark's buckets and identity.</summary>
    public required ObjectStoreCredentials ObjectStore { get; init; }

    /// <summary>The teams' namespaces, by name, which the operator watches.</summary>
    public required ImmutableDictionary<string, Resource> TeamNamespaces { get; init; }
}
