namespace Infra.Model.Gitlab;

/// <summary>The pinned GitLab and GitLab Runner charts.</summary>
public static class GitlabVersions
{
    /// <summary>The GitLab chart (GitLab 18.9, Community Edition).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://charts.gitlab.io", "gitlab", "9.9.1");

    /// <summary>The GitLab Runner the chart's pinned runner subchart runs, whose helper image jobs use.</summary>
    public const string RunnerVersion = "18.9.0";

    /// <summary>The image CI jobs run in unless they name one.</summary>
    public const string DefaultJobImage = "docker.io/library/python:3.12-slim";

    /// <summary>The images' registry, which a mirror replaces.</summary>
    public const string ImageRegistry = "registry.gitlab.com";
}
