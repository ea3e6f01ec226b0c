namespace Infra.Model.Options;

/// <summary>
/// Model serving (<c>mlops:platform.serving</c>): how far each team's InferenceServices scale, where KServe runs.
/// The platform writes these into each team namespace's <c>serving-defaults</c> ConfigMap, which the project
/// template's deployment reads.
/// </summary>
public sealed record ServingOptions
{
    /// <summary>The fewest replicas an endpoint keeps. Default: 1 in production, 0 (scale to zero) otherwise.</summary>
    public int? MinReplicas { get; init; }

    /// <summary>The most replicas an endpoint scales to. Default: 3.</summary>
    public int? MaxReplicas { get; init; }

    /// <summary>How many days the endpoints' logged requests and responses stay in each team's folder. Default: 30.</summary>
    public int? LogRetentionDays { get; init; }
}
