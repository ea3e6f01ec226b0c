namespace Infra.Model.Options;

/// <summary>Limits of the vSphere Namespace (<c>mlops:tanzu.limits</c>), enforced as a ResourceQuota in it.</summary>
public sealed record NamespaceLimitsOptions
{
    /// <summary>CPU all the namespace's VMs and pods may request, a quantity. Default: no limit.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory they may request, a quantity. Default: no limit.</summary>
    public string? Memory { get; init; }

    /// <summary>Persistent storage they may request, a quantity. Default: no limit.</summary>
    public string? Storage { get; init; }
}
