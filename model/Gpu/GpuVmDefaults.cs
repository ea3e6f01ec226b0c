namespace Infra.Model.Gpu;

/// <summary>Fixed settings of GPU VMs.</summary>
public static class GpuVmDefaults
{
    /// <summary>The network adapter: paravirtual, the one for throughput.</summary>
    public const string AdapterType = "vmxnet3";
}
