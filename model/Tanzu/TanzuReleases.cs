using System.Collections.Immutable;

namespace Infra.Model.Tanzu;

/// <summary>
/// The Tanzu Kubernetes releases the platform is pinned to (from the TKr and VKr release notes for vSphere 8 and the vSphere Kubernetes Service). Each
/// is multi-OS: nodes resolve to Photon or, with the <c>run.tanzu.vmware.com/resolve-os-image</c> annotation, Ubuntu.
/// </summary>
public static class TanzuReleases
{
    /// <summary>The supported releases, oldest first.</summary>
    public static ImmutableArray<TanzuRelease> All { get; } =
    [
        new("v1.29.4---vmware.3-fips.1-tkg.1", "v1.29.4+vmware.3-fips.1", "1.29"),
        new("v1.30.1---vmware.1-fips-tkg.5", "v1.30.1+vmware.1-fips", "1.30"),
        new("v1.31.4---vmware.1-fips-vkr.3", "v1.31.4+vmware.1-fips", "1.31"),
        new("v1.32.7---vmware.3-fips-vkr.1", "v1.32.7+vmware.3-fips", "1.32"),
        new("v1.33.6---vmware.1-fips-vkr.2", "v1.33.6+vmware.1-fips", "1.33"),
    ];

    /// <summary>The release a stack gets unless it names one: the newest.</summary>
    public static TanzuRelease Default => All[^1];

    /// <summary>The release named <paramref name="name"/>, by TKr name or version, or null.</summary>
    public static TanzuRelease? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(r => r.Name == name || r.Version == name);
}
