namespace Infra.Model.Kubernetes;

/// <summary>Image references through the site's registry mirror (<c>mlops:platform.registry</c>).</summary>
public static class Images
{
    /// <summary><paramref name="image"/> through <paramref name="registry"/> where one is set: <c>&lt;mirror&gt;/&lt;image&gt;</c>.</summary>
    public static string Through(string? registry, string image) => registry is null ? image : $"{registry}/{image}";
}
