using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Tanzu.TanzuErrors))]

namespace Infra.Model.Tanzu;

/// <summary>The rules of vSphere with Tanzu: the Supervisor, the vSphere Namespace and the workload cluster.</summary>
public static class TanzuErrors
{
    /// <summary>An existing Supervisor named while the stack enables its own.</summary>
    public static readonly ErrorCode SupervisorIdWhileEnabling = new("MLOPS0501", "mlops:tanzu.supervisorId", "A stack that enables its own Supervisor names no other.");

    /// <summary>No Supervisor.</summary>
    public static readonly ErrorCode SupervisorIdRequired = new("MLOPS0502", "mlops:tanzu.supervisorId", "A stack that does not enable a Supervisor names the one its vSphere Namespace is created on.");

    /// <summary>No Supervisor kubeconfig.</summary>
    public static readonly ErrorCode SupervisorKubeconfigRequired = new("MLOPS0503", "mlops:tanzu.supervisorKubeconfig", "A stack on an existing Supervisor has the Supervisor's kubeconfig, as a secret: the cluster is a custom resource on its API.");

    /// <summary>A Tanzu release that is not pinned.</summary>
    public static readonly ErrorCode UnknownRelease = new("MLOPS0504", "mlops:tanzu.release", "The Tanzu Kubernetes release is one the project pins.");

    /// <summary>A malformed cluster name.</summary>
    public static readonly ErrorCode ClusterName = new("MLOPS0505", "mlops:tanzu.clusterName", "The cluster's name is a lowercase DNS label of at most 41 characters, so that node names stay within 63.");

    /// <summary>Overlapping pod and service ranges.</summary>
    public static readonly ErrorCode CidrOverlap = new("MLOPS0506", "mlops:tanzu.serviceCidr", "Pods and services have separate ranges.");

    /// <summary>A malformed VM class name.</summary>
    public static readonly ErrorCode VmClassName = new("MLOPS0507", "mlops:tanzu.vmClasses[]", "A VM class is named by a lowercase DNS label.");

    /// <summary>A malformed vSphere Namespace name.</summary>
    public static readonly ErrorCode Namespace = new("MLOPS0508", "mlops:tanzu.namespace", "The vSphere Namespace is a lowercase DNS label of at most 63 characters.");

    /// <summary>A control plane that etcd cannot run.</summary>
    public static readonly ErrorCode ControlPlaneReplicas = new("MLOPS0509", "mlops:tanzu.controlPlane.replicas", "The control plane has 1 node (development) or 3 (highly available).");

    /// <summary>A node pool's size out of range.</summary>
    public static readonly ErrorCode PoolReplicas = new("MLOPS0510", "mlops:tanzu.nodePools[].replicas", "A node pool has 1 to 1,000 nodes.");

    /// <summary>A GPU pool outside vGPU mode.</summary>
    public static readonly ErrorCode GpuPoolWithoutVgpu = new("MLOPS0511", "mlops:tanzu.nodePools[].gpu", "Cluster nodes get GPUs only through a vGPU VM class, so a GPU pool needs vGPU mode.");

    /// <summary>A setting the Supervisor needs, not set.</summary>
    public static readonly ErrorCode SupervisorSetting = new("MLOPS0512", "mlops:tanzu.supervisor.*", "A stack that enables the Supervisor sets its networks, gateways, address ranges, DNS and NTP servers and load balancer.");

    /// <summary>A malformed gateway.</summary>
    public static readonly ErrorCode Gateway = new("MLOPS0513", "mlops:tanzu.supervisor.managementGateway, .workloadGateway", "A Supervisor gateway is IPv4 with its prefix length, such as 10.0.0.1/24.");

    /// <summary>A malformed address, or one outside its gateway's subnet.</summary>
    public static readonly ErrorCode Address = new("MLOPS0514", "mlops:tanzu.supervisor.*Address, .*Addresses", "A Supervisor address is IPv4, in its gateway's subnet where it has one.");

    /// <summary>An address range with no address.</summary>
    public static readonly ErrorCode RangeCount = new("MLOPS0515", "mlops:tanzu.supervisor.*.count", "An address range has at least 1 address.");

    /// <summary>A Supervisor control plane of another size.</summary>
    public static readonly ErrorCode SupervisorControlPlane = new("MLOPS0516", "mlops:tanzu.supervisor.controlPlaneCount", "The Supervisor runs 1 or 3 control plane VMs.");

    /// <summary>A load balancer port out of range.</summary>
    public static readonly ErrorCode LoadBalancerPort = new("MLOPS0517", "mlops:tanzu.supervisor.loadBalancer.port", "The load balancer's port is a TCP port, 1 to 65535.");

    /// <summary>A load balancer CA that is not PEM.</summary>
    public static readonly ErrorCode LoadBalancerCa = new("MLOPS0518", "mlops:tanzu.supervisor.loadBalancer.caChain", "The load balancer's CA chain is PEM certificates.");

    /// <summary>CPU pools smaller than what the enabled services request. (MLOPS1101, GitLab's own minimum, is now part of this rule.)</summary>
    public static readonly ErrorCode Capacity = new("MLOPS0519", "mlops:tanzu.nodePools", "Where the stack deploys the cluster, its CPU node pools hold what the enabled services request: their pods' requests, or the minimum upstream documents where that is more.");
}
