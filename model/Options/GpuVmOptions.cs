using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>A group of identical passthrough GPU VMs (<c>mlops:gpu.vms[i]</c>), named <c>&lt;environment&gt;-&lt;name&gt;-NN</c>.</summary>
public sealed record GpuVmOptions
{
    /// <summary>The group's name, a DNS label. Required.</summary>
    [Description("the VM group's name, a DNS label such as 'train'")]
    [Required]
    public string? Name { get; init; }

    /// <summary>How many VMs, 1 to 99. Default 1.</summary>
    public int? Count { get; init; }

    /// <summary>GPUs passed through to each VM, from one host. Default 1.</summary>
    public int? Gpus { get; init; }

    /// <summary>vCPUs per VM. Default 8.</summary>
    public int? Cpus { get; init; }

    /// <summary>Memory per VM, a quantity in Mi or Gi; all of it is reserved. Default 64Gi.</summary>
    public string? Memory { get; init; }

    /// <summary>The system disk's size, a quantity in Gi; at least the template's disk. Default 200Gi.</summary>
    public string? Disk { get; init; }

    /// <summary>Addresses and name servers. Default: DHCP.</summary>
    public GpuVmNetworkOptions? Network { get; init; }

    /// <summary>cloud-init user data, passed as <c>guestinfo.userdata</c>. Not for secrets: it is plain config. Default: none.</summary>
    public string? UserData { get; init; }
}
