using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>A team using the platform (<c>mlops:teams[i]</c>): it gets a Kubeflow profile, quotas and its own bucket prefix.</summary>
public sealed record TeamOptions
{
    /// <summary>The team's name, a DNS label. Required.</summary>
    [Description("the team's name, a DNS label such as 'fraud-detection'")]
    [Required]
    public string? Name { get; init; }

    /// <summary>The owner's e-mail address. Required.</summary>
    [Description("the e-mail address of the team's owner")]
    [Required]
    public string? Owner { get; init; }

    /// <summary>GPUs the team may request at once (<c>requests.nvidia.com/gpu</c>). Default 0.</summary>
    public int? GpuQuota { get; init; }

    /// <summary>CPU the team may request at once, a Kubernetes quantity. Default: no limit.</summary>
    public string? CpuQuota { get; init; }

    /// <summary>Memory the team may request at once, a Kubernetes quantity. Default: no limit.</summary>
    public string? MemoryQuota { get; init; }

    /// <summary>The team's people beside its owner, each with a role in its profile. Default: none.</summary>
    public IReadOnlyList<TeamMemberOptions>? Members { get; init; }
}
