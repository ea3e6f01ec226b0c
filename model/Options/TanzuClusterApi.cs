namespace Infra.Model.Options;

/// <summary>The API through which the workload cluster is created on the Supervisor.</summary>
public enum TanzuClusterApi
{
    /// <summary>Cluster API <c>cluster.x-k8s.io/v1beta1</c> <c>Cluster</c> with class <c>tanzukubernetescluster</c>.</summary>
    Cluster,

    /// <summary><c>run.tanzu.vmware.com/v1alpha3</c> <c>TanzuKubernetesCluster</c>.</summary>
    TanzuKubernetesCluster,
}
