using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Kubernetes.KubernetesErrors))]

namespace Infra.Model.Kubernetes;

/// <summary>The rules of what all the platform's services share on the cluster: the registry mirror and the ingress.</summary>
public static class KubernetesErrors
{
    /// <summary>A malformed registry mirror.</summary>
    public static readonly ErrorCode Registry = new("MLOPS0601", "mlops:platform.registry", "The registry mirror is a host and optional path, with no scheme, no trailing '/' and no space.");

    /// <summary>A malformed domain.</summary>
    public static readonly ErrorCode Domain = new("MLOPS0602", "mlops:platform.ingress.domain", "The ingress domain is lowercase DNS labels joined by dots.");

    /// <summary>A domain that something needs, not set.</summary>
    public static readonly ErrorCode DomainRequired = new("MLOPS0603", "mlops:platform.ingress.domain", "The ingress domain is set where the ingress's class or issuer is, where GitLab runs, and where Kubeflow signs in through GitLab.");

    /// <summary>A malformed ingress class or issuer.</summary>
    public static readonly ErrorCode ObjectName = new("MLOPS0604", "mlops:platform.ingress.className, .clusterIssuer", "An ingress class or cluster issuer is named as Kubernetes names objects.");
}
