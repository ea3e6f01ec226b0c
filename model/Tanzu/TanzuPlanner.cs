using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Storage;
using Infra.Model.Vsphere;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Tanzu;

/// <summary>
/// The plan nodes of the workload cluster (<c>infra:tanzu:WorkloadCluster</c>): the vSphere Namespace, the cluster
/// custom resource on the Supervisor, its kubeconfig read back as a secret, the Kubernetes provider built from it,
/// and one StorageClass per storage tier in the cluster.
/// </summary>
public static class TanzuPlanner
{
    /// <summary>This project's workload cluster component.</summary>
    public const string ComponentType = "infra:tanzu:WorkloadCluster";

    /// <summary>The Supervisor provider's logical name.</summary>
    public const string SupervisorProvider = "supervisor";

    /// <summary>The workload cluster provider's logical name.</summary>
    public const string WorkloadProvider = "workload-cluster";

    /// <summary>The ResourceQuota holding the namespace's limits.</summary>
    public const string LimitsName = "mlops-limits";

    /// <summary>How long the cluster may take to become Ready, or to go.</summary>
    public static readonly PlanTimeouts ClusterTimeouts = PlanTimeouts.Minutes(60, deleteMinutes: 30);

    /// <summary>The key of the Supervisor's kubeconfig Secret that holds the workload cluster's kubeconfig.</summary>
    public const string KubeconfigKey = "value";

    /// <summary>The annotation that marks the default StorageClass.</summary>
    public const string DefaultClassAnnotation = "storageclass.kubernetes.io/is-default-class";

    /// <summary>The id of the workload cluster's Kubernetes provider node, which platform resources use.</summary>
    public static string WorkloadProviderId => PlanNode.IdOf(KubernetesTokens.Provider, WorkloadProvider);

    /// <summary>The nodes, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The Tanzu decisions.</param>
    /// <param name="storage">The storage tiers (their policies are the namespace's, their classes the cluster's).</param>
    /// <param name="vmClassNodeId">The vGPU VM class node the namespace offers, or null.</param>
    /// <param name="contentLibrary">Whether a content library look-up exists to attach.</param>
    /// <param name="protect">Whether the namespace and the cluster are protected from deletion.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(TanzuSpec spec, StorageSpec storage, string? vmClassNodeId, bool contentLibrary, bool protect, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(storage);
        if (spec.Supervisor is { } enabled)
        {
            foreach (var node in SupervisorPlanner.Nodes(enabled, StoragePlanner.PolicyId(storage.Default!.Name), protect, parent))
            {
                yield return node;
            }
        }

        foreach (var node in ClusterNodes(spec, storage, vmClassNodeId, contentLibrary, protect, parent))
        {
            yield return node;
        }
    }

    /// <summary>The workload cluster's kubeconfig, as the stack exports it: the key of the Secret read back from the Supervisor.</summary>
    public static PlanValue Kubeconfig(TanzuSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return PlanValue.SecretData(PlanNode.IdOf(KubernetesTokens.Secret, spec.KubeconfigSecretName), KubeconfigKey);
    }

    /// <summary>
    /// The cluster's component (<c>infra:tanzu:WorkloadCluster</c>) and what it holds: the vSphere Namespace, the cluster,
    /// its kubeconfig and provider, and the StorageClasses; without an enabled Supervisor, which is the foundation's.
    /// </summary>
    public static IEnumerable<PlanNode> ClusterNodes(TanzuSpec spec, StorageSpec storage, string? vmClassNodeId, bool contentLibrary, bool protect, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(storage);
        var component = Component(ComponentType, spec.ClusterName, parent);
        yield return component;

        var vmService = Map(
            ("vmClasses", PlanValue.List(spec.VmClasses.Select(PlanValue.Of))),
            ("contentLibraries", contentLibrary ? PlanValue.List([FoundationPlanner.Ref(VsphereTokens.GetContentLibrary, VsphereLookups.Names.ContentLibrary, "id")]) : null));
        var ns = Resource(VsphereTokens.Namespace, spec.Namespace, component.Id,
            ("name", PlanValue.Of(spec.Namespace)),
            ("supervisor", spec.Supervisor is null ? PlanValue.Of(spec.SupervisorId!) : PlanValue.Output(SupervisorPlanner.NodeId, "id")),
            ("storagePolicies", PlanValue.List(storage.Tiers.Select(t => PlanValue.Output(StoragePlanner.PolicyId(t.Name), "id")))),
            ("vmServices", PlanValue.List([vmService])))
            with { Protect = protect, DependsOn = vmClassNodeId is null ? [] : [vmClassNodeId] };
        yield return ns;

        if (spec.SupervisorKubeconfig is not { } supervisorKubeconfig)
        {
            // A Supervisor this stack enables has no kubeconfig before its first deployment: the cluster comes next run.
            yield break;
        }

        var supervisor = Resource(KubernetesTokens.Provider, SupervisorProvider, component.Id,
            ("kubeconfig", PlanValue.Config(supervisorKubeconfig))) with { Provider = null };
        yield return supervisor;

        if (!spec.Limits.IsEmpty)
        {
            yield return Resource(KubernetesTokens.ResourceQuota, LimitsName, component.Id,
                ("metadata", Map(("name", PlanValue.Of(LimitsName)), ("namespace", PlanValue.Of(spec.Namespace)))),
                ("spec", Map(("hard", PlanValue.Map(spec.Limits.Select(l => KeyValuePair.Create(l.Key, PlanValue.Of(l.Value))))))))
                with { Provider = supervisor.Id, DependsOn = [ns.Id] };
        }

        var manifest = ClusterManifest.For(spec);
        var cluster = Resource(KubernetesTokens.CustomResource((string)manifest["apiVersion"]!, (string)manifest["kind"]!), spec.ClusterName, component.Id,
            ("apiVersion", PlanValue.Of((string)manifest["apiVersion"]!)),
            ("kind", PlanValue.Of((string)manifest["kind"]!)),
            ("metadata", PlanValues.FromJson(manifest["metadata"])),
            ("spec", PlanValues.FromJson(manifest["spec"])))
            with { Provider = supervisor.Id, Protect = protect, DependsOn = [ns.Id], Timeouts = ClusterTimeouts };
        yield return cluster;

        var kubeconfig = new PlanNode
        {
            Kind = PlanNodeKind.Read,
            Type = KubernetesTokens.Secret,
            Name = spec.KubeconfigSecretName,
            Parent = component.Id,
            Provider = supervisor.Id,
            Inputs = Inputs(("id", PlanValue.Of($"{spec.Namespace}/{spec.KubeconfigSecretName}"))),
            DependsOn = [cluster.Id],
        };
        yield return kubeconfig;

        var workload = Resource(KubernetesTokens.Provider, WorkloadProvider, component.Id,
            ("kubeconfig", PlanValue.SecretData(kubeconfig.Id, KubeconfigKey)))
            with { Provider = null, DependsOn = [kubeconfig.Id] };
        yield return workload;

        foreach (var tier in storage.Tiers)
        {
            yield return Resource(KubernetesTokens.StorageClass, tier.Name, component.Id, StorageClassInputs(tier))
                with { Provider = workload.Id };
        }
    }

    /// <summary>The StorageClass of a tier, as a manifest: the paravirtual CSI driver, backed by the tier's Supervisor storage class.</summary>
    public static JsonObject StorageClass(StorageTierSpec tier)
    {
        ArgumentNullException.ThrowIfNull(tier);
        var metadata = new JsonObject { ["name"] = tier.Name };
        if (tier.IsDefault)
        {
            metadata["annotations"] = new JsonObject { [DefaultClassAnnotation] = "true" };
        }

        return new JsonObject
        {
            ["apiVersion"] = "storage.k8s.io/v1",
            ["kind"] = "StorageClass",
            ["metadata"] = metadata,
            ["provisioner"] = StorageSpec.Provisioner,
            ["parameters"] = new JsonObject { ["svStorageClass"] = tier.PolicyName },
            ["reclaimPolicy"] = tier.ReclaimPolicy,
            ["allowVolumeExpansion"] = true,
            ["volumeBindingMode"] = "WaitForFirstConsumer",
        };
    }

    private static (string Key, PlanValue? Value)[] StorageClassInputs(StorageTierSpec tier) =>
        [.. StorageClass(tier).Where(p => p.Key is not ("apiVersion" or "kind")).Select(p => (p.Key, (PlanValue?)PlanValues.FromJson(p.Value)))];
}
