using Infra.Components.Core;
using Infra.Model.Spark;

namespace Infra.Components.Spark;

/// <summary>What <see cref="SparkOperator"/> is planned from.</summary>
public sealed class SparkOperatorArgs : ClusterPartArgs<SparkSpec>
{
    /// <summary>The node ids of the teams' namespaces, by namespace, where teams run applications.</summary>
    public required IReadOnlyDictionary<string, string> TeamNamespaceIds { get; init; }
}
