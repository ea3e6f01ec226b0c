using Infra.Components.Core;
using Infra.Model.Mlflow;

namespace Infra.Components.Mlflow;

/// <summary>What <see cref="ModelRegistry"/> is planned from.</summary>
public sealed class ModelRegistryArgs : ClusterPartArgs<MlflowSpec>
{
    /// <summary>The teams' users, or null.</summary>
    public MlflowTeamUsers? TeamUsers { get; init; }

    /// <summary>The node ids of the teams' namespaces, by namespace, which get the teams' credentials.</summary>
    public required IReadOnlyDictionary<string, string> TeamNamespaceIds { get; init; }
}
