using System.Globalization;

namespace Infra.Model.Planning;

/// <summary>How long the engine waits for a resource to be created, updated or deleted; null keeps the provider's default.</summary>
/// <param name="Create">The create timeout.</param>
/// <param name="Update">The update timeout.</param>
/// <param name="Delete">The delete timeout.</param>
public sealed record PlanTimeouts(TimeSpan? Create, TimeSpan? Update, TimeSpan? Delete)
{
    /// <summary>Create and update within <paramref name="minutes"/> minutes, delete within <paramref name="deleteMinutes"/> where given.</summary>
    public static PlanTimeouts Minutes(int minutes, int? deleteMinutes = null) =>
        new(TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(minutes), deleteMinutes is { } d ? TimeSpan.FromMinutes(d) : null);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(", ", new[] { ("create", Create), ("update", Update), ("delete", Delete) }
            .Where(t => t.Item2 is not null)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Item1} {t.Item2!.Value.TotalMinutes}m")));
}
