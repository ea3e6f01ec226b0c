namespace Infra.Model.Options;

/// <summary>The vGPU VM class (<c>mlops:gpu.vmClass</c>) that GPU node pools use: one vGPU of the profile per VM.</summary>
public sealed record GpuVmClassOptions
{
    /// <summary>The class's name, a DNS label. Default: <c>vgpu-&lt;profile&gt;</c>, e.g. <c>vgpu-a100d-20c</c>.</summary>
    public string? Name { get; init; }

    /// <summary>vCPUs of each VM of the class. Default 8.</summary>
    public int? Cpus { get; init; }

    /// <summary>Memory of each VM of the class, a quantity in Mi or Gi; all of it is reserved. Default 64Gi.</summary>
    public string? Memory { get; init; }
}
