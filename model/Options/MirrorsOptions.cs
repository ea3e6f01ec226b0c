namespace Infra.Model.Options;

/// <summary>
/// Where a site without internet keeps what the stack otherwise fetches from public sources (<c>mlops:platform.mirrors</c>);
/// images go through <c>mlops:platform.registry</c>.
/// </summary>
public sealed record MirrorsOptions
{
    /// <summary>
    /// The charts: an OCI registry path (<c>oci://harbor.example.com/charts</c>, holding each chart by its name and
    /// version), or a folder of chart archives (<c>/srv/charts</c>, holding <c>&lt;chart&gt;-&lt;version&gt;.tgz</c>).
    /// Default: each chart's public repository.
    /// </summary>
    public string? Charts { get; init; }

    /// <summary>
    /// Kubeflow's manifests: a git repository mirroring kubeflow/manifests with its tags
    /// (<c>https://git.example.com/mirror/kubeflow-manifests</c>), or a folder holding the pinned release. Default: GitHub.
    /// </summary>
    public string? KubeflowManifests { get; init; }

    /// <summary>
    /// A Python package index mirroring PyPI (<c>https://nexus.example.com/repository/pypi/simple</c>): CI jobs and
    /// the teams' notebooks and pipelines get it as <c>PIP_INDEX_URL</c>. Default: PyPI.
    /// </summary>
    public string? Python { get; init; }

    /// <summary>A Maven repository mirroring Maven Central (<c>https://nexus.example.com/repository/maven-central</c>), for the jars the platform downloads. Default: Maven Central.</summary>
    public string? Maven { get; init; }
}
