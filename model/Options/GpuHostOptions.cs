using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>An ESXi host with GPUs (<c>mlops:gpu.hosts[i]</c>).</summary>
public sealed record GpuHostOptions
{
    /// <summary>The host's name as vCenter knows it. Required.</summary>
    [Description("the ESXi host's name as vCenter knows it")]
    [Required]
    public string? Name { get; init; }

    /// <summary>How many physical GPUs of the configured model the host has. Required, at least 1.</summary>
    [Description("how many physical GPUs the host has")]
    [Required]
    public int? Gpus { get; init; }

    /// <summary>
    /// The GPUs' PCI addresses on the host (e.g. <c>0000:3b:00.0</c>), one per GPU. Required where VMs take more than
    /// one GPU of the host in all: <c>getHostPciDevice</c> finds one device per query. Default: found by that query.
    /// </summary>
    public IReadOnlyList<string>? PciAddresses { get; init; }

    /// <summary>
    /// What other stacks take of this host, counted here as taken: whole GPUs in passthrough mode, vGPUs of the
    /// profile in vGPU mode. Default 0: the host is this stack's alone.
    /// </summary>
    public int? Reserved { get; init; }

    /// <summary>The stacks <see cref="Reserved"/> is for, named in the capacity table. Default: none named.</summary>
    public IReadOnlyList<string>? SharedWith { get; init; }
}
