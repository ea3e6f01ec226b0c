namespace Infra.Model.Options;

/// <summary>vSphere with Tanzu (<c>mlops:tanzu</c>): the vSphere Namespace and the workload cluster in it.</summary>
public sealed record TanzuOptions
{
    /// <summary>
    /// The Supervisor's identifier as the vSphere provider's Namespace resource takes it. Required where the
    /// foundation is deployed.
    /// </summary>
    public string? SupervisorId { get; init; }

    /// <summary>
    /// A kubeconfig for the Supervisor's Kubernetes API with rights in the vSphere Namespace, always a secret.
    /// Required where the foundation is deployed: the workload cluster is a custom resource there.
    /// </summary>
    public Configuration.SecretSetting? SupervisorKubeconfig { get; init; }

    /// <summary>Enabling the Supervisor itself. Default: off, the Supervisor exists.</summary>
    public SupervisorOptions? Supervisor { get; init; }

    /// <summary>The workload cluster's name, a DNS label. Default: <c>mlops-&lt;environment&gt;</c>.</summary>
    public string? ClusterName { get; init; }

    /// <summary>Which API creates the cluster: Cluster API's <c>Cluster</c> or <c>TanzuKubernetesCluster</c>. Default <see cref="TanzuClusterApi.Cluster"/>.</summary>
    public TanzuClusterApi? Api { get; init; }

    /// <summary>The pods' CIDR block. Default <c>192.168.0.0/16</c>.</summary>
    public string? PodCidr { get; init; }

    /// <summary>The services' CIDR block. Default <c>10.96.0.0/12</c>.</summary>
    public string? ServiceCidr { get; init; }

    /// <summary>VM classes the vSphere Namespace offers besides the defaults and the vGPU class. Default: none.</summary>
    public IReadOnlyList<string>? VmClasses { get; init; }

    /// <summary>Limits of the vSphere Namespace. Default: none.</summary>
    public NamespaceLimitsOptions? Limits { get; init; }

    /// <summary>The vSphere Namespace. Default: <c>mlops-&lt;environment&gt;</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>The Tanzu Kubernetes release, from the catalog. Default: the catalog's pinned default.</summary>
    public string? Release { get; init; }

    /// <summary>The workload cluster's control plane. Default: 1 node in development, 3 in production.</summary>
    public ControlPlaneOptions? ControlPlane { get; init; }

    /// <summary>The worker node pools. Default: one CPU pool, and one GPU pool in vGPU mode.</summary>
    public IReadOnlyList<NodePoolOptions>? NodePools { get; init; }
}
