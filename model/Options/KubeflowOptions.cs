namespace Infra.Model.Options;

/// <summary>The Kubeflow block (<c>mlops:platform.kubeflow</c>): which applications run.</summary>
public sealed record KubeflowOptions : ServiceOptions
{
    /// <summary>
    /// The applications: <c>dashboard</c>, <c>profiles</c>, <c>notebooks</c>, <c>training</c>, <c>kserve</c>,
    /// <c>pipelines</c>, <c>katib</c>. Default: dashboard, profiles and notebooks at level 0; training, KServe and
    /// Katib from level 1.
    /// </summary>
    public IReadOnlyList<string>? Components { get; init; }
}
