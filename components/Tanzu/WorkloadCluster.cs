using Infra.Components.Core;
using Infra.Model.Tanzu;
using Pulumi;

namespace Infra.Components.Tanzu;

/// <summary>
/// The Tanzu workload cluster (<c>infra:tanzu:WorkloadCluster</c>): the vSphere Namespace, the cluster on the
/// Supervisor, its kubeconfig and Kubernetes provider, and a StorageClass per tier, as
/// <see cref="TanzuPlanner.ClusterNodes"/> plans it, for programs that compose the foundation themselves.
/// </summary>
public sealed class WorkloadCluster : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public WorkloadCluster(string name, WorkloadClusterArgs args, ComponentResourceOptions? options = null)
        : base(TanzuPlanner.ComponentType, name, args, parent => TanzuPlanner.ClusterNodes(args.Spec, args.Storage, args.VmClassNodeId, args.ContentLibrary, args.Protect, parent), options)
    {
        Kubeconfig = args.Spec.DeploysCluster ? Output.CreateSecret(Text(TanzuPlanner.Kubeconfig(args.Spec))) : Output.CreateSecret(string.Empty);
        RegisterOutputs(new Dictionary<string, object?> { ["kubeconfig"] = Kubeconfig });
    }

    /// <summary>The cluster's kubeconfig, a secret; empty until the cluster is deployed (a new Supervisor's first run).</summary>
    [Output("kubeconfig")]
    public Output<string> Kubeconfig { get; }
}
