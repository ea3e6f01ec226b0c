namespace Infra.Model.Kubernetes;

/// <summary>A pinned release the platform deploys on the workload cluster, with the Kubernetes versions upstream supports it on.</summary>
/// <param name="Component">The component, such as <c>CloudNativePG</c>.</param>
/// <param name="Version">The pinned release, such as <c>1.30.0 (chart 0.29.0)</c>.</param>
/// <param name="Supported">The Kubernetes minor versions upstream supports it on.</param>
/// <param name="Source">Where upstream says so: repository, tag and file.</param>
public sealed record ComponentRelease(string Component, string Version, KubernetesRange Supported, string Source)
{
    /// <summary>
    /// The wider range upstream tests it on without supporting it (its CI, or a "tested" column), or null where it
    /// states none: a cluster there works with a notice; outside both ranges the stack is refused.
    /// </summary>
    public KubernetesRange? Tested { get; init; }

    /// <summary>Whether it runs on Kubernetes <paramref name="version"/>: supported, or at least tested.</summary>
    public bool RunsOn(string version) => Supported.Holds(version) || Tested?.Holds(version) == true;

    /// <summary>Whether upstream supports it on Kubernetes <paramref name="version"/>.</summary>
    public bool IsSupportedOn(string version) => Supported.Holds(version);

    /// <summary>The ranges as the matrix shows them: <c>1.34–1.36 (tested 1.30–1.36)</c>.</summary>
    public string Ranges => Tested is null ? Supported.ToString() : $"{Supported} (tested {Tested})";
}
