namespace Infra.Model.Kubernetes;

/// <summary>The Kubernetes minor versions a release supports, from its lowest to its highest; an open end is null.</summary>
/// <param name="Minimum">The lowest supported minor version, such as 1.29; null where upstream states none.</param>
/// <param name="Maximum">The highest supported minor version, such as 1.33; null where upstream states none.</param>
public sealed record KubernetesRange(Version? Minimum, Version? Maximum)
{
    /// <summary>A range of minor versions, such as <c>Of("1.29", "1.33")</c>.</summary>
    public static KubernetesRange Of(string? minimum, string? maximum) =>
        new(minimum is null ? null : Version.Parse(minimum), maximum is null ? null : Version.Parse(maximum));

    /// <summary>Whether the range holds Kubernetes <paramref name="version"/> (its minor version: 1.33.6 is 1.33).</summary>
    public bool Holds(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parsed = Version.Parse(version);
        var minor = new Version(parsed.Major, parsed.Minor);
        return (Minimum is null || minor >= Minimum) && (Maximum is null || minor <= Maximum);
    }

    /// <inheritdoc />
    public override string ToString() => (Minimum, Maximum) switch
    {
        (null, null) => "any",
        ({ } min, null) => $"{min} or later",
        (null, { } max) => $"up to {max}",
        ({ } min, { } max) => min == max ? $"{min}" : $"{min}–{max}",
    };
}
