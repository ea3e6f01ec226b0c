using System.Text.Json.Nodes;
using Infra.Model.Options;

namespace Infra.Model.Tanzu;

/// <summary>
/// The workload cluster as the custom resource the Supervisor reconciles: a Cluster API <c>Cluster</c> of class
/// <c>tanzukubernetescluster</c>, or a <c>TanzuKubernetesCluster</c>.
/// </summary>
public static class ClusterManifest
{
    /// <summary>The Cluster API version and kind.</summary>
    public const string ClusterApiVersion = "cluster.x-k8s.io/v1beta1";

    /// <summary>The TanzuKubernetesCluster API version.</summary>
    public const string TkcApiVersion = "run.tanzu.vmware.com/v1alpha3";

    /// <summary>The ClusterClass of vSphere with Tanzu.</summary>
    public const string ClusterClass = "tanzukubernetescluster";

    /// <summary>The annotation that resolves a multi-OS release to an OS image.</summary>
    public const string OsImageAnnotation = "run.tanzu.vmware.com/resolve-os-image";

    /// <summary>The value that picks Ubuntu (the vGPU guest driver needs it).</summary>
    public const string Ubuntu = "os-name=ubuntu";

    /// <summary>The annotation that makes the Kubernetes provider wait until the cluster is Ready.</summary>
    public const string WaitForAnnotation = "pulumi.com/waitFor";

    /// <summary>The custom resource for <paramref name="spec"/>.</summary>
    public static JsonObject For(TanzuSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Api == TanzuClusterApi.Cluster ? Cluster(spec) : Tkc(spec);
    }

    private static JsonObject Cluster(TanzuSpec spec) => new()
    {
        ["apiVersion"] = ClusterApiVersion,
        ["kind"] = "Cluster",
        ["metadata"] = Metadata(spec, osImage: null),
        ["spec"] = new JsonObject
        {
            ["clusterNetwork"] = new JsonObject
            {
                ["pods"] = new JsonObject { ["cidrBlocks"] = new JsonArray(spec.PodCidr) },
                ["services"] = new JsonObject { ["cidrBlocks"] = new JsonArray(spec.ServiceCidr) },
                ["serviceDomain"] = "cluster.local",
            },
            ["topology"] = new JsonObject
            {
                ["class"] = ClusterClass,
                ["version"] = spec.Release.Version,
                ["controlPlane"] = new JsonObject { ["replicas"] = spec.ControlPlaneReplicas },
                ["workers"] = new JsonObject
                {
                    ["machineDeployments"] = new JsonArray([.. spec.NodePools.Select(pool => (JsonNode)MachineDeployment(pool))]),
                },
                ["variables"] = new JsonArray(
                    Variable("vmClass", spec.ControlPlaneVmClass),
                    Variable("storageClass", spec.DefaultStorageClass),
                    Variable("defaultStorageClass", spec.DefaultStorageClass)),
            },
        },
    };

    private static JsonObject MachineDeployment(NodePoolSpec pool)
    {
        var deployment = new JsonObject
        {
            ["class"] = "node-pool",
            ["name"] = pool.Name,
            ["replicas"] = pool.Replicas,
        };
        if (pool.Gpu)
        {
            deployment["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [OsImageAnnotation] = Ubuntu } };
        }

        deployment["variables"] = new JsonObject
        {
            ["overrides"] = new JsonArray(
                Variable("vmClass", pool.VmClass),
                Variable("nodePoolVolumes", new JsonArray(new JsonObject
                {
                    ["name"] = "containerd",
                    ["mountPath"] = "/var/lib/containerd",
                    ["storageClass"] = pool.StorageClass,
                    ["capacity"] = new JsonObject { ["storage"] = $"{pool.ContainerdVolumeGi}Gi" },
                }))),
        };
        return deployment;
    }

    private static JsonObject Tkc(TanzuSpec spec) => new()
    {
        ["apiVersion"] = TkcApiVersion,
        ["kind"] = "TanzuKubernetesCluster",
        ["metadata"] = Metadata(spec, osImage: spec.HasGpuPool ? Ubuntu : null),
        ["spec"] = new JsonObject
        {
            ["topology"] = new JsonObject
            {
                ["controlPlane"] = new JsonObject
                {
                    ["replicas"] = spec.ControlPlaneReplicas,
                    ["vmClass"] = spec.ControlPlaneVmClass,
                    ["storageClass"] = spec.DefaultStorageClass,
                    ["tkr"] = TkrReference(spec),
                },
                ["nodePools"] = new JsonArray([.. spec.NodePools.Select(pool => (JsonNode)new JsonObject
                {
                    ["name"] = pool.Name,
                    ["replicas"] = pool.Replicas,
                    ["vmClass"] = pool.VmClass,
                    ["storageClass"] = pool.StorageClass,
                    ["tkr"] = TkrReference(spec),
                    ["volumes"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "containerd",
                        ["mountPath"] = "/var/lib/containerd",
                        ["capacity"] = new JsonObject { ["storage"] = $"{pool.ContainerdVolumeGi}Gi" },
                    }),
                })]),
            },
            ["settings"] = new JsonObject
            {
                ["network"] = new JsonObject
                {
                    ["cni"] = new JsonObject { ["name"] = "antrea" },
                    ["pods"] = new JsonObject { ["cidrBlocks"] = new JsonArray(spec.PodCidr) },
                    ["services"] = new JsonObject { ["cidrBlocks"] = new JsonArray(spec.ServiceCidr) },
                    ["serviceDomain"] = "cluster.local",
                },
                ["storage"] = new JsonObject { ["defaultClass"] = spec.DefaultStorageClass },
            },
        },
    };

    private static JsonObject Metadata(TanzuSpec spec, string? osImage)
    {
        var annotations = new JsonObject { [WaitForAnnotation] = "condition=Ready" };
        if (osImage is not null)
        {
            annotations[OsImageAnnotation] = osImage;
        }

        return new JsonObject { ["name"] = spec.ClusterName, ["namespace"] = spec.Namespace, ["annotations"] = annotations };
    }

    private static JsonObject TkrReference(TanzuSpec spec) =>
        new() { ["reference"] = new JsonObject { ["name"] = spec.Release.Name } };

    private static JsonObject Variable(string name, JsonNode value) => new() { ["name"] = name, ["value"] = value };
}
