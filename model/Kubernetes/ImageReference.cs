namespace Infra.Model.Kubernetes;

/// <summary>
/// A container image as a registry serves it: registry host, repository, tag and digest, normalized as the
/// container runtimes read a reference (no host is <c>docker.io</c>; a one-part name is <c>library/</c>'s).
/// </summary>
/// <param name="Registry">The registry host, e.g. <c>quay.io</c>.</param>
/// <param name="Repository">The repository in it, e.g. <c>minio/operator</c>.</param>
/// <param name="Tag">The tag, where the reference names one.</param>
/// <param name="Digest">The digest, <c>sha256:…</c>, where the reference names one.</param>
public sealed record ImageReference(string Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary><paramref name="reference"/> read as a runtime reads it.</summary>
    public static ImageReference Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var digest = at < 0 ? null : reference[(at + 1)..];
        var name = at < 0 ? reference : reference[..at];
        var colon = name.LastIndexOf(':');
        var tag = colon > name.LastIndexOf('/') ? name[(colon + 1)..] : null;
        name = tag is null ? name : name[..colon];
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? null : name[..slash];
        var hasHost = first is not null && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost");
        var registry = hasHost ? first! : "docker.io";
        var repository = hasHost ? name[(slash + 1)..] : name;
        return new ImageReference(registry, registry == "docker.io" && !repository.Contains('/', StringComparison.Ordinal) ? $"library/{repository}" : repository, tag, digest);
    }

    /// <summary>The registry and repository: <c>quay.io/minio/operator</c>.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>Whether it is pinned by digest.</summary>
    public bool ByDigest => Digest is not null;

    /// <summary>The full reference: <c>registry/repository[:tag][@digest]</c>.</summary>
    public override string ToString() => Name + (Tag is null ? string.Empty : $":{Tag}") + (Digest is null ? string.Empty : $"@{Digest}");
}
