using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Tanzu;

namespace Infra.Model.Stacks;

/// <summary>
/// The compatibility matrix: each pinned release on the workload cluster with the Kubernetes versions upstream
/// supports it on, declared by its technology, held against the Tanzu releases of the catalog.
/// </summary>
public static class Compatibility
{
    /// <summary>Every pinned release the technologies declare, in their order.</summary>
    public static ImmutableArray<ComponentRelease> Matrix { get; } = [.. Technologies.All.SelectMany(t => t.Releases)];

    /// <summary>The releases of the components that valid <paramref name="options"/> run on the cluster.</summary>
    public static ImmutableArray<ComponentRelease> For(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Technologies.All.Where(t => t.RunsOnCluster(options)).SelectMany(t => t.Releases)];
    }

    /// <summary>The releases of <paramref name="components"/> that neither support nor are tested on <paramref name="release"/>'s Kubernetes.</summary>
    public static ImmutableArray<ComponentRelease> Unsupported(TanzuRelease release, IEnumerable<ComponentRelease> components)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(components);
        return [.. components.Where(c => !c.RunsOn(release.KubernetesVersion))];
    }

    /// <summary>The releases of <paramref name="components"/> only tested, not supported, on <paramref name="release"/>'s Kubernetes.</summary>
    public static ImmutableArray<ComponentRelease> OnlyTested(TanzuRelease release, IEnumerable<ComponentRelease> components)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(components);
        return [.. components.Where(c => c.RunsOn(release.KubernetesVersion) && !c.IsSupportedOn(release.KubernetesVersion))];
    }

    /// <summary>The stack's Tanzu release, where it deploys its cluster.</summary>
    public static TanzuRelease? ReleaseOf(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DeploysFoundation ? TanzuReleases.Find(options.Tanzu?.Release) ?? TanzuReleases.Default : null;
    }

    /// <summary>For valid <paramref name="options"/>: the components the stack runs that upstream only tests on its Kubernetes, as a notice; else null.</summary>
    public static string? Notice(PlatformOptions options)
    {
        if (ReleaseOf(options) is not { } release || OnlyTested(release, For(options)) is not { IsEmpty: false } tested)
        {
            return null;
        }

        var which = string.Join(", ", tested.Select(c => $"{c.Component} {c.Version} (supported on {c.Supported})"));
        return $"mlops:tanzu.release '{release.Name}' runs Kubernetes {release.KubernetesVersion}, which upstream tests but does not support for {which}. 'infractl versions' shows the matrix and its sources.";
    }

    /// <summary>
    /// Where the stack deploys its cluster, that every component it runs there supports the Tanzu release's
    /// Kubernetes. Checked once the rest holds, since it reads the resolved model.
    /// </summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (!errors.NoneYet || ReleaseOf(options) is not { } release)
        {
            return;
        }

        var running = For(options);
        var unsupported = Unsupported(release, running);
        if (unsupported.IsEmpty)
        {
            return;
        }

        var fitting = TanzuReleases.All.Where(r => Unsupported(r, running).IsEmpty).Select(r => r.Name).ToArray();
        var which = string.Join(", ", unsupported.Select(c => $"{c.Component} {c.Version} (Kubernetes {c.Ranges})"));
        var fix = fitting.Length > 0
            ? $"Releases that every component this stack runs supports: {string.Join(", ", fitting)}. Set it with 'pulumi config set --path mlops:tanzu.release {fitting[^1]}'"
            : "No pinned Tanzu release fits every component this stack runs; 'infractl versions' shows the matrix";
        errors.Fail(StackErrors.KubernetesOutOfRange, "mlops:tanzu:release", $"'{release.Name}' runs Kubernetes {release.KubernetesVersion}, which {which} {(unsupported.Length == 1 ? "does" : "do")} not support. {fix}, or disable the component.");
    }
}
