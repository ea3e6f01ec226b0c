using System.Collections.Immutable;

namespace Infra.Model.Gpu;

/// <summary>A GPU model the platform supports, with the facts the model plans with.</summary>
/// <param name="Key">The name in config (<c>mlops:gpu.model</c>), e.g. <c>a100-80gb</c>.</param>
/// <param name="DisplayName">The product's name.</param>
/// <param name="FramebufferGb">The GPU's memory in GB: sizes passthrough MMIO and bounds vGPU profiles.</param>
/// <param name="PciNameRegex">A regular expression matching the ESXi PCI device name of the model, for <c>getHostPciDevice</c>.</param>
/// <param name="MinHardwareVersion">The lowest VM hardware version a passthrough VM with this GPU gets.</param>
/// <param name="Profiles">The C-series vGPU profiles, smallest first.</param>
/// <param name="Source">Where the framebuffer and profile facts come from.</param>
public sealed record GpuModel(
    string Key,
    string DisplayName,
    int FramebufferGb,
    string PciNameRegex,
    int MinHardwareVersion,
    ImmutableArray<VgpuProfile> Profiles,
    string Source)
{
    /// <summary>The profile named <paramref name="name"/> (case-insensitive), or null.</summary>
    public VgpuProfile? Profile(string name) =>
        Profiles.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
