namespace Infra.Model.Kubernetes;

/// <summary>The Kubernetes provider's type tokens the model plans with (Pulumi.Kubernetes 4.32.0).</summary>
public static class KubernetesTokens
{
    /// <summary>An explicit Kubernetes provider.</summary>
    public const string Provider = "pulumi:providers:kubernetes";

    /// <summary>A namespace.</summary>
    public const string Namespace = "kubernetes:core/v1:Namespace";

    /// <summary>A Secret.</summary>
    public const string Secret = "kubernetes:core/v1:Secret";

    /// <summary>A ResourceQuota.</summary>
    public const string ResourceQuota = "kubernetes:core/v1:ResourceQuota";

    /// <summary>A StorageClass.</summary>
    public const string StorageClass = "kubernetes:storage.k8s.io/v1:StorageClass";

    /// <summary>A ConfigMap.</summary>
    public const string ConfigMap = "kubernetes:core/v1:ConfigMap";

    /// <summary>A Job.</summary>
    public const string Job = "kubernetes:batch/v1:Job";

    /// <summary>A Deployment.</summary>
    public const string Deployment = "kubernetes:apps/v1:Deployment";

    /// <summary>A CronJob.</summary>
    public const string CronJob = "kubernetes:batch/v1:CronJob";

    /// <summary>A ServiceAccount.</summary>
    public const string ServiceAccount = "kubernetes:core/v1:ServiceAccount";

    /// <summary>A Role.</summary>
    public const string Role = "kubernetes:rbac.authorization.k8s.io/v1:Role";

    /// <summary>A RoleBinding.</summary>
    public const string RoleBinding = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding";

    /// <summary>A NetworkPolicy.</summary>
    public const string NetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

    /// <summary>A ClusterRole.</summary>
    public const string ClusterRole = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole";

    /// <summary>A generated password (Pulumi.Random).</summary>
    public const string RandomPassword = "random:index/randomPassword:RandomPassword";

    /// <summary>A Helm v3 release.</summary>
    public const string HelmRelease = "kubernetes:helm.sh/v3:Release";

    /// <summary>A manifest bundle applied from a file or URL (a component of the objects it holds).</summary>
    public const string ConfigFile = "kubernetes:yaml/v2:ConfigFile";

    /// <summary>A kustomization applied from a folder or a repository (a component of the objects it builds).</summary>
    public const string KustomizeDirectory = "kubernetes:kustomize/v2:Directory";

    /// <summary>The type token of a custom resource: <c>kubernetes:&lt;apiVersion&gt;:&lt;kind&gt;</c>.</summary>
    public static string CustomResource(string apiVersion, string kind) => $"kubernetes:{apiVersion}:{kind}";
}
