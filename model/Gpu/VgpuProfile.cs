namespace Infra.Model.Gpu;

/// <summary>A time-sliced C-series (compute) vGPU profile of a GPU model.</summary>
/// <param name="Name">The profile as vSphere names it (e.g. <c>grid_a100d-20c</c>), which a VM class's vGPU device takes.</param>
/// <param name="FramebufferGb">The framebuffer each vGPU of the profile gets, in GB.</param>
public sealed record VgpuProfile(string Name, int FramebufferGb)
{
    /// <summary>How many vGPUs of the profile one physical GPU holds: its framebuffer divided by the profile's.</summary>
    public int PerGpu(GpuModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.FramebufferGb / FramebufferGb;
    }
}
