using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Gpu;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Storage;

namespace Infra.Model.Tanzu;

/// <summary>The vSphere with Tanzu decisions: the vSphere Namespace and the workload cluster in it.</summary>
/// <param name="Namespace">The vSphere Namespace.</param>
/// <param name="SupervisorId">The existing Supervisor's identifier; null where the stack enables one.</param>
/// <param name="SupervisorKubeconfig">Where the Supervisor kubeconfig secret lives; null while a Supervisor this stack enables has none yet.</param>
/// <param name="ClusterName">The workload cluster's name.</param>
/// <param name="Api">The API that creates it.</param>
/// <param name="Release">The pinned Tanzu Kubernetes release.</param>
/// <param name="ControlPlaneReplicas">Control plane nodes.</param>
/// <param name="ControlPlaneVmClass">Their VM class.</param>
/// <param name="NodePools">The worker pools.</param>
/// <param name="PodCidr">The pods' CIDR.</param>
/// <param name="ServiceCidr">The services' CIDR.</param>
/// <param name="VmClasses">The VM classes the namespace offers, sorted.</param>
/// <param name="DefaultStorageClass">The Supervisor storage class of node disks and the default class.</param>
/// <param name="Limits">ResourceQuota limits of the namespace (<c>requests.cpu</c> and so on), empty for none.</param>
/// <param name="Supervisor">The Supervisor this stack enables, or null.</param>
public sealed record TanzuSpec(
    string Namespace,
    string? SupervisorId,
    SecretSetting? SupervisorKubeconfig,
    string ClusterName,
    TanzuClusterApi Api,
    TanzuRelease Release,
    int ControlPlaneReplicas,
    string ControlPlaneVmClass,
    ImmutableArray<NodePoolSpec> NodePools,
    string PodCidr,
    string ServiceCidr,
    ImmutableArray<string> VmClasses,
    string DefaultStorageClass,
    ImmutableSortedDictionary<string, string> Limits,
    SupervisorSpec? Supervisor)
{
    /// <summary>The default control plane VM class.</summary>
    public const string DefaultControlPlaneVmClass = "best-effort-medium";

    /// <summary>
    /// The default class of CPU workers: 8 vCPUs and 64 GiB, guaranteed in production. With the default pool's
    /// nodes it holds what the default services request at level 2 (see <see cref="Stacks.Capacity"/>).
    /// </summary>
    public static string DefaultWorkerVmClass(bool production) => production ? "guaranteed-2xlarge" : "best-effort-2xlarge";

    /// <summary>The default pods' CIDR.</summary>
    public const string DefaultPodCidr = "192.168.0.0/16";

    /// <summary>The default services' CIDR.</summary>
    public const string DefaultServiceCidr = "10.96.0.0/12";

    /// <summary>The containerd volume of a CPU pool, in GiB.</summary>
    public const int DefaultContainerdGi = 50;

    /// <summary>The containerd volume of a GPU pool, in GiB: the driver and CUDA images are large.</summary>
    public const int DefaultGpuContainerdGi = 100;

    /// <summary>The Secret on the Supervisor holding the workload cluster's kubeconfig.</summary>
    public string KubeconfigSecretName => $"{ClusterName}-kubeconfig";

    /// <summary>
    /// Whether the workload cluster is deployed: it needs the Supervisor's kubeconfig, which a Supervisor this stack
    /// enables has only after its first deployment and a login.
    /// </summary>
    public bool DeploysCluster => SupervisorKubeconfig is not null;

    /// <summary>Whether any pool has GPUs (and so nodes run Ubuntu and the GPU Operator is deployed).</summary>
    public bool HasGpuPool => NodePools.Any(p => p.Gpu);

    /// <summary>The decisions for valid <paramref name="options"/> that deploy the foundation.</summary>
    public static TanzuSpec For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static TanzuSpec Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tanzu = options.Tanzu ?? new TanzuOptions();
        var storage = StorageSpec.For(options);
        var storageClass = storage.Default!.PolicyName;
        var gpuClass = GpuSpec.For(options).VmClass?.Name;
        var configured = tanzu.NodePools ?? [];
        var pools = NodePoolDefaults.For(options).Select((pool, i) =>
        {
            var configuredPool = i < configured.Count ? configured[i] : null;
            var vmClass = configuredPool?.VmClass ?? (pool.Gpu ? gpuClass! : DefaultWorkerVmClass(options.IsProduction));
            var volume = Quantity.ToGibibytes(configuredPool?.ContainerdVolume) ?? (pool.Gpu ? DefaultGpuContainerdGi : DefaultContainerdGi);
            return new NodePoolSpec(pool.Name, pool.Replicas, vmClass, storageClass, (int)volume, pool.Gpu);
        }).ToImmutableArray();
        var controlPlaneClass = tanzu.ControlPlane?.VmClass ?? DefaultControlPlaneVmClass;
        var classes = pools.Select(p => p.VmClass).Append(controlPlaneClass).Concat(tanzu.VmClasses ?? []);
        var limits = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (tanzu.Limits?.Cpu is { } cpu)
        {
            limits["requests.cpu"] = cpu;
        }

        if (tanzu.Limits?.Memory is { } memory)
        {
            limits["requests.memory"] = memory;
        }

        if (tanzu.Limits?.Storage is { } disk)
        {
            limits["requests.storage"] = disk;
        }

        return new TanzuSpec(
            tanzu.Namespace ?? $"mlops-{options.Environment}",
            tanzu.SupervisorId,
            tanzu.SupervisorKubeconfig,
            tanzu.ClusterName ?? $"mlops-{options.Environment}",
            tanzu.Api ?? TanzuClusterApi.Cluster,
            TanzuReleases.Find(tanzu.Release) ?? TanzuReleases.Default,
            tanzu.ControlPlane?.Replicas ?? (options.IsProduction ? 3 : 1),
            controlPlaneClass,
            pools,
            tanzu.PodCidr ?? DefaultPodCidr,
            tanzu.ServiceCidr ?? DefaultServiceCidr,
            [.. classes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            storageClass,
            limits.ToImmutable(),
            SupervisorSpec.For(options));
    }
}
