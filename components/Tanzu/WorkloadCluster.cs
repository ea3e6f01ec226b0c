using System.Collections.Immutable;
using System.Text;
using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Storage;
using Infra.Model.Tanzu;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.VSphere.Inputs;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Tanzu;

/// <summary>
/// The workload cluster (<c>infra:tanzu:WorkloadCluster</c>): the vSphere Namespace with its VM classes and storage
/// policies, the cluster as a custom resource on the Supervisor, its kubeconfig read back as a secret, a Kubernetes
/// provider for it, and a StorageClass per tier in it.
/// </summary>
public sealed class WorkloadCluster : InfraComponent
{
    /// <summary>How long the cluster may take to become Ready, or to go.</summary>
    public static readonly CustomTimeouts ClusterTimeouts = new() { Create = TimeSpan.FromMinutes(60), Update = TimeSpan.FromMinutes(60), Delete = TimeSpan.FromMinutes(30) };

    /// <summary>Registers the namespace, the cluster and what reads it back.</summary>
    public WorkloadCluster(string name, WorkloadClusterArgs args, ComponentResourceOptions? options = null)
        : base(TanzuPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Tanzu;
        // The namespace offers the vGPU class only once it exists: the list waits for the class.
        var vmService = new NamespaceVmServiceArgs
        {
            VmClasses = args.GpuVmClassName is { } gpuClass ? gpuClass.Apply(_ => spec.VmClasses) : spec.VmClasses,
        };
        if (args.ContentLibraryId is { } library)
        {
            vmService.ContentLibraries = library.Apply(id => ImmutableArray.Create(id));
        }

        var vsphereNamespace = new Pulumi.VSphere.Namespace(spec.Namespace, new Pulumi.VSphere.NamespaceArgs
        {
            Name = spec.Namespace,
            Supervisor = args.SupervisorId,
            StoragePolicies = Output.All(args.Storage.Tiers.Select(t => args.StoragePolicyIds[t.Name])),
            VmServices = { vmService },
        }, ChildOptions(protect: args.Protect));
        ClusterName = Output.Create(spec.ClusterName);

        if (args.SupervisorKubeconfig is not { } supervisorKubeconfig)
        {
            // A Supervisor this stack enables has no kubeconfig yet: the cluster follows on the next run.
            Kubeconfig = Output.CreateSecret(string.Empty);
            Provider = null;
            StorageClasses = ImmutableDictionary<string, Resource>.Empty;
            RegisterOutputs(new Dictionary<string, object?> { ["clusterName"] = ClusterName });
            return;
        }

        var supervisor = new K8s.Provider(TanzuPlanner.SupervisorProvider, new K8s.ProviderArgs { KubeConfig = supervisorKubeconfig }, ChildOptions());

        if (!spec.Limits.IsEmpty)
        {
            _ = new K8s.Core.V1.ResourceQuota(TanzuPlanner.LimitsName, new ResourceQuotaArgs
            {
                Metadata = new ObjectMetaArgs { Name = TanzuPlanner.LimitsName, Namespace = spec.Namespace },
                Spec = new ResourceQuotaSpecArgs { Hard = spec.Limits.ToImmutableDictionary() },
            }, new CustomResourceOptions { Parent = this, Provider = supervisor, DependsOn = { vsphereNamespace } });
        }

        var cluster = new K8s.ApiExtensions.CustomResource(spec.ClusterName, ManifestArgs.From(ClusterManifest.For(spec)), new CustomResourceOptions
        {
            Parent = this,
            Provider = supervisor,
            DependsOn = { vsphereNamespace },
            Protect = args.Protect,
            CustomTimeouts = ClusterTimeouts,
        });

        var secret = K8s.Core.V1.Secret.Get(spec.KubeconfigSecretName, $"{spec.Namespace}/{spec.KubeconfigSecretName}", new CustomResourceOptions
        {
            Parent = this,
            Provider = supervisor,
            DependsOn = { cluster },
        });
        Kubeconfig = Output.CreateSecret(secret.Data.Apply(data => Encoding.UTF8.GetString(Convert.FromBase64String(data["value"]))));

        Provider = new K8s.Provider(TanzuPlanner.WorkloadProvider, new K8s.ProviderArgs { KubeConfig = Kubeconfig }, ChildOptions());

        StorageClasses = args.Storage.Tiers.ToImmutableDictionary(t => t.Name, t => (Resource)StorageClass(t, Provider), StringComparer.Ordinal);

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["clusterName"] = ClusterName,
            ["kubeconfig"] = Kubeconfig,
        });
    }

    /// <summary>The cluster's name.</summary>
    [Output]
    public Output<string> ClusterName { get; }

    /// <summary>The cluster's kubeconfig, a secret; empty until the cluster is deployed.</summary>
    [Output]
    public Output<string> Kubeconfig { get; }

    /// <summary>The StorageClass of each tier in the cluster, by tier name; empty until the cluster is deployed.</summary>
    public ImmutableDictionary<string, Resource> StorageClasses { get; }

    /// <summary>The Kubernetes provider every platform component on the cluster uses; null until the cluster is deployed.</summary>
    public K8s.Provider? Provider { get; }

    private K8s.Storage.V1.StorageClass StorageClass(StorageTierSpec tier, K8s.Provider provider)
    {
        var manifest = TanzuPlanner.StorageClass(tier);
        var annotations = manifest["metadata"]!["annotations"]?.AsObject().ToImmutableDictionary(a => a.Key, a => (string)a.Value!, StringComparer.Ordinal);
        var metadata = new ObjectMetaArgs { Name = tier.Name };
        if (annotations is not null)
        {
            metadata.Annotations = annotations;
        }

        return new K8s.Storage.V1.StorageClass(tier.Name, new K8s.Types.Inputs.Storage.V1.StorageClassArgs
        {
            Metadata = metadata,
            Provisioner = (string)manifest["provisioner"]!,
            Parameters = manifest["parameters"]!.AsObject().ToImmutableDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal),
            ReclaimPolicy = (string)manifest["reclaimPolicy"]!,
            AllowVolumeExpansion = (bool)manifest["allowVolumeExpansion"]!,
            VolumeBindingMode = (string)manifest["volumeBindingMode"]!,
        }, new CustomResourceOptions { Parent = this, Provider = provider });
    }
}
