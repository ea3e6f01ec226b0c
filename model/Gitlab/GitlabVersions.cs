namespace Infra.Model.Gitlab;

/// <summary>The pinned GitLab and GitLab Runner charts.</summary>
public static class GitlabVersions
{
    /// <summary>The GitLab chart (GitLab 18.9, Community Edition).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://charts.gitlab.io", "gitlab", "9.9.1");

    /// <summary>The GitLab Runner chart matching GitLab 18.9 (runner 18.9.0).</summary>
    public static Kubernetes.HelmChart RunnerChart { get; } = new("https://charts.gitlab.io", "gitlab-runner", "0.86.0");

    /// <summary>The images' registry, which a mirror replaces.</summary>
    public const string ImageRegistry = "registry.gitlab.com";
}
