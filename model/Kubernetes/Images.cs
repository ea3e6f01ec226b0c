namespace Infra.Model.Kubernetes;

/// <summary>Image references through the site's registry mirror (<c>mlops:platform.registry</c>).</summary>
public static class Images
{
    /// <summary><paramref name="image"/> through <paramref name="registry"/> where one is set: <c>&lt;mirror&gt;/&lt;image&gt;</c>.</summary>
    public static string Through(string? registry, string image) => registry is null ? image : $"{registry}/{image}";

    /// <summary>BusyBox, the platform's helper image (init containers that fetch jars or wait for a database).</summary>
    public const string BusyboxRepository = "docker.io/library/busybox";

    /// <summary>
    /// BusyBox's tag with the digest of its index, as one tag value for charts that write <c>repository:tag</c>
    /// (docker-library/repo-info, repos/busybox/remote/1.38.0.md at 01a70542).
    /// </summary>
    public const string BusyboxTag = "1.38.0@sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616";

    /// <summary>The BusyBox image, pinned by tag and digest.</summary>
    public const string Busybox = BusyboxRepository + ":" + BusyboxTag;
}
