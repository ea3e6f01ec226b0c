using System.Collections.Immutable;
using Infra.Model.Kubernetes;
using Pulumi;

namespace Infra.Components.Kubernetes;

/// <summary>
/// Pulls the images of a manifest bundle's workloads through the site's registry mirror: a transform that
/// rewrites each container image, and each <c>RELATED_IMAGE_*</c> variable operators read their operands'
/// images from, as <see cref="Images.Through"/> spells them.
/// </summary>
public static class ImageMirror
{
    private static readonly ImmutableHashSet<string> Workloads = ImmutableHashSet.Create(StringComparer.Ordinal,
        "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:DaemonSet", "kubernetes:batch/v1:Job", "kubernetes:batch/v1:CronJob");

    /// <summary>The transform for <paramref name="registry"/>.</summary>
    public static ResourceTransform Through(string registry) => (args, _) =>
        Task.FromResult<ResourceTransformResult?>(Workloads.Contains(args.Type)
            ? new ResourceTransformResult((ImmutableDictionary<string, object?>)Rewrite(args.Args, registry, null)!, args.Options)
            : null);

    private static object? Rewrite(object? value, string registry, string? key) => value switch
    {
        ImmutableDictionary<string, object?> map when map.TryGetValue("name", out var name) && name is string variable && variable.StartsWith("RELATED_IMAGE_", StringComparison.Ordinal) && map.TryGetValue("value", out var image) && image is string =>
            map.SetItem("value", Images.Through(registry, (string)image)),
        ImmutableDictionary<string, object?> map => map.ToImmutableDictionary(e => e.Key, e => Rewrite(e.Value, registry, e.Key)),
        ImmutableArray<object?> items => items.Select(i => Rewrite(i, registry, null)).ToImmutableArray(),
        string image when key == "image" => Images.Through(registry, image),
        _ => value,
    };
}
