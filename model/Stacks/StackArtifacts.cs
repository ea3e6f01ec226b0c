using System.Collections.Immutable;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Model.Stacks;

/// <summary>An image a technology's workloads pull.</summary>
/// <param name="Image">The image, as its upstream publishes it.</param>
/// <param name="UsedBy">What runs it, e.g. <c>MinIO tenant</c>.</param>
public sealed record PulledImage(ImageReference Image, string UsedBy)
{
    /// <summary>
    /// Whether the platform pulls it through the mirror where one is set; false where the image is named inside an
    /// upstream release's configuration, so that the nodes pull it by its own name (their container runtime then
    /// needs the mirror as a mirror of its registry).
    /// </summary>
    public bool Rewritten { get; init; } = true;

    /// <summary>
    /// Where the tag comes from where <see cref="ImageReference.Tag"/> is unknown here: a chart that writes its own
    /// version, which could not be read at the pinned release (copy the image at the tag the chart's release notes name).
    /// </summary>
    public string? TagFrom { get; init; }

    /// <summary>The reference as the manifests write it (<c>kserve/agent:v0.15.0</c>), which a mirror prefixes.</summary>
    public string Written { get; init; } = Image.ToString();

    /// <summary>An image from its reference as the manifests write it.</summary>
    public static PulledImage Of(string reference, string usedBy) => new(ImageReference.Parse(reference), usedBy) { Written = reference };
}

/// <summary>A Helm chart a release installs.</summary>
/// <param name="Repository">The chart repository.</param>
/// <param name="Name">The chart.</param>
/// <param name="Version">Its pinned version.</param>
/// <param name="Release">The release that installs it.</param>
/// <param name="From">Where the stack installs it from: the repository, or the site's chart mirror.</param>
public sealed record PulledChart(string Repository, string Name, string Version, string Release, string From);

/// <summary>Something else fetched as the stack deploys or starts: a kustomization, a manifest bundle, a file.</summary>
/// <param name="Kind"><c>kustomization</c>, <c>manifest</c> or <c>file</c>.</param>
/// <param name="Location">Where it is fetched from (a git URL with its ref, a URL, a path).</param>
/// <param name="UsedBy">What fetches it.</param>
public sealed record PulledSource(string Kind, string Location, string UsedBy)
{
    /// <summary>Where the stack fetches it from: <see cref="Location"/>, or the site's mirror of it.</summary>
    public string? From { get; init; }
}

/// <summary>
/// Everything a stack pulls from outside: each image (with the mirror reference it is pulled as, where a mirror is
/// set), each chart and each kustomization, bundle and file, so that a site without internet fills its mirrors
/// first (<c>infractl images</c>).
/// </summary>
/// <param name="Mirror">The registry mirror, where one is set.</param>
/// <param name="Images">The images, each once, by reference; what uses each joined.</param>
/// <param name="Charts">The charts, by release.</param>
/// <param name="Sources">The kustomizations, bundles and files.</param>
public sealed record StackArtifacts(string? Mirror, ImmutableArray<PulledImage> Images, ImmutableArray<PulledChart> Charts, ImmutableArray<PulledSource> Sources)
{
    /// <summary>What the plan of valid <paramref name="options"/> pulls, from its public sources, and where the stack takes each from.</summary>
    public static StackArtifacts For(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var mirrors = Mirrors.SourceMirrors.For(options);
        // Only charts and sources are read from the nodes, which a stack's name does not change.
        var upstream = StackPlanner.UpstreamNodes(Validated.Required(options.Environment), options);
        var images = Technologies.All.SelectMany(t => t.Images(options))
            .GroupBy(i => i.Image)
            .Select(g => new PulledImage(g.Key, string.Join(", ", g.Select(i => i.UsedBy).Distinct(StringComparer.Ordinal))) { Rewritten = g.All(i => i.Rewritten), TagFrom = g.Select(i => i.TagFrom).FirstOrDefault(t => t is not null), Written = g.First().Written })
            .OrderBy(i => i.Image.ToString(), StringComparer.Ordinal);
        // A chart mirror drops the release's repository: the chart then names where it comes from.
        static string? Repository(PlanNode release) =>
            release.Inputs.TryGetValue("repositoryOpts", out var options) ? ((PlanValue.MapValue)options).Entries["repo"].ToString() : null;
        var charts = upstream.Where(n => n.Type == KubernetesTokens.HelmRelease)
            .Select(n => (Node: n, Mirrored: mirrors.Apply(n)))
            .Select(c => new PulledChart(Repository(c.Node)!, c.Node.Inputs["chart"].ToString(), c.Node.Inputs["version"].ToString(), c.Node.Name,
                Repository(c.Mirrored) ?? c.Mirrored.Inputs["chart"].ToString()))
            .OrderBy(c => c.Release, StringComparer.Ordinal);
        var sources = upstream
            .Where(n => n.Type is KubernetesTokens.KustomizeDirectory or KubernetesTokens.ConfigFile)
            .Select(n => n.Type == KubernetesTokens.KustomizeDirectory
                ? new PulledSource("kustomization", n.Inputs["directory"].ToString(), n.Name) { From = mirrors.Apply(n).Inputs["directory"].ToString() }
                : new PulledSource("manifest", n.Inputs["file"].ToString(), n.Name) { From = n.Inputs["file"].ToString() })
            .OrderBy(s => s.UsedBy, StringComparer.Ordinal)
            .Concat(Technologies.All.SelectMany(t => t.Downloads(options)));
        return new StackArtifacts(options.Platform?.Registry, [.. images], [.. charts], [.. sources]);
    }

    /// <summary>
    /// The reference <paramref name="image"/> is copied to in the mirror, as the platform pulls it there: the mirror
    /// before the reference as written (<c>&lt;mirror&gt;/quay.io/minio/operator</c>, <c>&lt;mirror&gt;/kserve/agent</c>),
    /// or the image itself without a mirror.
    /// </summary>
    public ImageReference InMirror(PulledImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Mirror is null ? image.Image : ImageReference.Parse(Kubernetes.Images.Through(Mirror, image.Written));
    }

    /// <summary>The reference the platform pulls <paramref name="image"/> as: in the mirror where it is rewritten, else its own.</summary>
    public ImageReference PulledAs(PulledImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Rewritten ? InMirror(image) : image.Image;
    }
}
