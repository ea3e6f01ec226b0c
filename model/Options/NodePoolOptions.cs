using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>A worker node pool of the workload cluster (<c>mlops:tanzu.nodePools[i]</c>).</summary>
public sealed record NodePoolOptions
{
    /// <summary>The pool's name, a DNS label. Required.</summary>
    [Description("the node pool's name, a DNS label such as 'cpu'")]
    [Required]
    public string? Name { get; init; }

    /// <summary>Nodes in the pool, at least 1. Default 1.</summary>
    public int? Replicas { get; init; }

    /// <summary>The VM class of the pool's nodes. Default: <c>best-effort-large</c>, or the vGPU class for a GPU pool.</summary>
    public string? VmClass { get; init; }

    /// <summary>Whether the pool's nodes get the vGPU VM class. Default false.</summary>
    public bool? Gpu { get; init; }

    /// <summary>The containerd volume's size, a Kubernetes quantity. Default: 50Gi, 100Gi for a GPU pool.</summary>
    public string? ContainerdVolume { get; init; }
}
