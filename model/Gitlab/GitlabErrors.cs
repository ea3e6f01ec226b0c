using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Gitlab.GitlabErrors))]

namespace Infra.Model.Gitlab;

/// <summary>The rules of GitLab and its runner.</summary>
public static class GitlabErrors
{
    /// <summary>CPU pools too small for GitLab.</summary>
    public static readonly ErrorCode Capacity = new("MLOPS1101", "mlops:tanzu.nodePools", "Where the stack deploys the cluster and GitLab runs, the CPU node pools give GitLab at least its documented minimum of vCPUs and memory.");
}
