namespace Infra.Model.Gitlab;

/// <summary>The pinned GitLab and GitLab Runner charts.</summary>
public static class GitlabVersions
{
    /// <summary>The GitLab chart (GitLab 18.9, Community Edition).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://charts.gitlab.io", "gitlab", "9.9.1");

    /// <summary>
    /// The gitlab-runner subchart the GitLab chart ships: 9.9.0 moved it to 0.85.0 and 9.9.1 left it there (the
    /// chart's CHANGELOG.md for 9.9.1 and 9.9.0; 0.86.0 came to the master branch after 9.9 was cut).
    /// </summary>
    public const string RunnerChart = "0.85.0";

    /// <summary>
    /// The GitLab Runner that subchart runs, whose helper image jobs use: runner chart 0.<i>77 + m</i> is Runner 18.<i>m</i>
    /// (0.77.0 shipped Runner 18.0.0), so 0.85.0 is Runner 18.8.0.
    /// </summary>
    public static string RunnerVersion { get; } = RunnerOfChart(RunnerChart);

    /// <summary>The Runner release a gitlab-runner chart release runs, as the two are numbered together from Runner 18.0.</summary>
    public static string RunnerOfChart(string chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var parts = chart.Split('.');
        var minor = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 77;
        return minor < 0 ? throw new ArgumentOutOfRangeException(nameof(chart), chart, "Only runner charts from 0.77.0 (Runner 18.0) are numbered this way.") : $"18.{minor}.{parts[2]}";
    }

    /// <summary>The image CI jobs run in unless they name one.</summary>
    public const string DefaultJobImage = "docker.io/library/python:3.12-slim";

    /// <summary>The images' registry, which a mirror replaces.</summary>
    public const string ImageRegistry = "registry.gitlab.com";
}
