namespace Infra.Model.Gpu;

/// <summary>
/// The 64-bit MMIO space a passthrough VM reserves for its GPUs' BARs (<c>pciPassthru.64bitMMIOSizeGB</c>): the
/// GPUs' total framebuffer rounded up to a power of two, and never below 64 GB.
/// </summary>
public static class MmioSizing
{
    /// <summary>The smallest MMIO size set, in GB.</summary>
    public const int MinimumGb = 64;

    /// <summary>The MMIO size for <paramref name="gpus"/> GPUs of <paramref name="model"/>.</summary>
    public static int SizeGb(GpuModel model, int gpus)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(gpus, 1);
        var total = model.FramebufferGb * gpus;
        var size = MinimumGb;
        while (size < total)
        {
            size *= 2;
        }

        return size;
    }
}
