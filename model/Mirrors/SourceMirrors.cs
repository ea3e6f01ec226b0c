using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Model.Mirrors;

/// <summary>
/// The site's mirrors of the charts, Kubeflow's manifests and Maven Central, as the plan reads them: every Helm
/// release installs its chart from the chart mirror, every unit of the Kubeflow release is built from the manifests
/// mirror, and the jars come from the Maven mirror.
/// </summary>
/// <param name="Charts">An <c>oci://</c> registry path or a folder of chart archives, or null.</param>
/// <param name="KubeflowManifests">A git repository or a folder with the Kubeflow release, or null.</param>
/// <param name="Maven">A Maven repository URL, or null.</param>
public sealed record SourceMirrors(string? Charts, string? KubeflowManifests, string? Maven)
{
    /// <summary>Maven Central, which <see cref="Maven"/> replaces.</summary>
    public const string MavenCentral = "https://repo1.maven.org/maven2";

    /// <summary>The mirrors <paramref name="options"/> set.</summary>
    public static SourceMirrors For(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mirrors = options.Platform?.Mirrors;
        return new SourceMirrors(mirrors?.Charts?.TrimEnd('/'), mirrors?.KubeflowManifests?.TrimEnd('/'), mirrors?.Maven?.TrimEnd('/'));
    }

    /// <summary>Whether <paramref name="value"/> is an OCI registry path.</summary>
    public static bool IsOci(string value) => value.StartsWith("oci://", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="value"/> is a git repository URL.</summary>
    public static bool IsGit(string value) =>
        value.StartsWith("https://", StringComparison.Ordinal) || value.StartsWith("ssh://", StringComparison.Ordinal) || value.StartsWith("git@", StringComparison.Ordinal);

    /// <summary>A file's URL on Maven Central, from the Maven mirror where one is set.</summary>
    public string Jar(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Maven is not null && url.StartsWith(MavenCentral, StringComparison.Ordinal) ? Maven + url[MavenCentral.Length..] : url;
    }

    /// <summary><paramref name="nodes"/> with each chart and Kubeflow release directory from its mirror.</summary>
    public IEnumerable<PlanNode> Apply(IEnumerable<PlanNode> nodes) =>
        Charts is null && KubeflowManifests is null ? nodes : nodes.Select(Apply);

    /// <summary><paramref name="node"/> with its chart or Kubeflow release directory from its mirror; any other node as it is.</summary>
    public PlanNode Apply(PlanNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Type == KubernetesTokens.HelmRelease && Charts is { } charts)
        {
            var name = node.Inputs["chart"].ToString();
            var version = node.Inputs["version"].ToString();
            var inputs = node.Inputs.Remove("repositoryOpts");
            return node with
            {
                Inputs = IsOci(charts)
                    ? inputs.SetItem("chart", PlanValue.Of($"{charts}/{name}"))
                    : inputs.Remove("version").SetItem("chart", PlanValue.Of($"{charts}/{name}-{version}.tgz")),
            };
        }

        if (node.Type == KubernetesTokens.KustomizeDirectory && KubeflowManifests is { } manifests
            && node.Inputs["directory"].ToString() is var directory && directory.StartsWith(Kubeflow.KubeflowVersions.Repository + "//", StringComparison.Ordinal))
        {
            var path = directory[(Kubeflow.KubeflowVersions.Repository.Length + 2)..];
            return node with
            {
                Inputs = node.Inputs.SetItem("directory", PlanValue.Of(IsGit(manifests) ? $"{manifests}//{path}" : $"{manifests}/{path[..path.IndexOf('?', StringComparison.Ordinal)]}")),
            };
        }

        return node;
    }
}
