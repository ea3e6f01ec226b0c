using Infra.Components.Planning;

namespace Infra.Components.Core;

/// <summary>What every typed component needs: the registrar holding what it refers to.</summary>
public abstract class PlannedPartArgs
{
    /// <summary>The registrar shared by the program's components: the nodes a part refers to are registered there first.</summary>
    public required PlanRegistrar Registrar { get; init; }
}

/// <summary>What a typed component is planned from: the model's decisions for it, beside the registrar.</summary>
/// <typeparam name="TSpec">The technology's spec, e.g. <c>GpuVmClassSpec</c>.</typeparam>
public abstract class PlannedPartArgs<TSpec> : PlannedPartArgs
    where TSpec : class
{
    /// <summary>The decisions of the model.</summary>
    public required TSpec Spec { get; init; }
}

/// <summary>What a typed component on the workload cluster is planned from: its spec, and the cluster's provider.</summary>
/// <typeparam name="TSpec">The technology's spec, e.g. <c>GitlabSpec</c>.</typeparam>
public abstract class ClusterPartArgs<TSpec> : PlannedPartArgs<TSpec>
    where TSpec : class
{
    /// <summary>The plan node id of the cluster's Kubernetes provider in the registrar (<see cref="PlanRegistrar.Adopt"/> registers one made elsewhere).</summary>
    public required string ProviderId { get; init; }
}

/// <summary>What a typed component with volumes is planned from: its spec, and where the program creates it, the StorageClass of its volumes.</summary>
/// <typeparam name="TSpec">The technology's spec, e.g. <c>PostgresSpec</c>.</typeparam>
public abstract class VolumePartArgs<TSpec> : ClusterPartArgs<TSpec>
    where TSpec : class
{
    /// <summary>The StorageClass node of its volumes where the program creates it, else null.</summary>
    public string? StorageClassNodeId { get; init; }
}
