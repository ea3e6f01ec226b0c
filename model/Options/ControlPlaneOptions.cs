namespace Infra.Model.Options;

/// <summary>The workload cluster's control plane (<c>mlops:tanzu.controlPlane</c>).</summary>
public sealed record ControlPlaneOptions
{
    /// <summary>Control plane nodes: 1 or 3. Default: 1 in development, 3 in production.</summary>
    public int? Replicas { get; init; }

    /// <summary>The VM class of control plane nodes. Default: <c>best-effort-medium</c>.</summary>
    public string? VmClass { get; init; }
}
