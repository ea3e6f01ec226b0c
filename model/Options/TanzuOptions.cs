namespace Infra.Model.Options;

/// <summary>vSphere with Tanzu (<c>mlops:tanzu</c>): the vSphere Namespace and the workload cluster in it.</summary>
public sealed record TanzuOptions
{
    /// <summary>The vSphere Namespace. Default: <c>mlops-&lt;environment&gt;</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>The Tanzu Kubernetes release, from the catalog. Default: the catalog's pinned default.</summary>
    public string? Release { get; init; }

    /// <summary>The workload cluster's control plane. Default: 1 node in development, 3 in production.</summary>
    public ControlPlaneOptions? ControlPlane { get; init; }

    /// <summary>The worker node pools. Default: one CPU pool, and one GPU pool in vGPU mode.</summary>
    public IReadOnlyList<NodePoolOptions>? NodePools { get; init; }
}
