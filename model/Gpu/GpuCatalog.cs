using System.Collections.Immutable;

namespace Infra.Model.Gpu;

/// <summary>
/// The GPU models the platform supports: framebuffer, PCI name, VM hardware version and C-series vGPU profiles.
/// Profile sizes and counts follow NVIDIA's "Virtual GPU Software User Guide" (C-series virtual GPU types per
/// board); vSphere names a profile by the lower-cased type with the <c>grid_</c> prefix (Turing and Ampere) or the
/// <c>nvidia_</c> prefix (Ada and Hopper, vGPU 16 and later). Whatever the catalog says, the GPU VM class checks at
/// deploy time that the hosts offer the profile (<c>getHostVgpuProfile</c>), and fails with the offered list if not.
/// </summary>
public static class GpuCatalog
{
    /// <summary>PCI vendor id of NVIDIA.</summary>
    public const string NvidiaVendorId = "10de";

    /// <summary>PCI class id of a 3D controller (data-centre GPUs without display).</summary>
    public const string GpuClassId = "0302";

    private const string VgpuGuide = "NVIDIA Virtual GPU Software User Guide, C-series virtual GPU types";

    /// <summary>Every supported model, in config order.</summary>
    public static ImmutableArray<GpuModel> Models { get; } =
    [
        Model("t4", "NVIDIA T4", 16, "T4", 17, "grid_t4", [4, 8, 16]),
        Model("a30", "NVIDIA A30", 24, "A30", 17, "grid_a30", [4, 6, 8, 12, 24]),
        Model("a100-40gb", "NVIDIA A100 PCIe 40GB", 40, "A100.*40GB", 17, "grid_a100", [4, 5, 8, 10, 20, 40]),
        Model("a100-80gb", "NVIDIA A100 PCIe 80GB", 80, "A100.*80GB", 17, "grid_a100d", [4, 8, 10, 16, 20, 40, 80]),
        Model("l40s", "NVIDIA L40S", 48, "L40S", 20, "nvidia_l40s", [4, 6, 8, 12, 16, 24, 48]),
        Model("h100-80gb", "NVIDIA H100 PCIe 80GB", 80, "H100", 20, "nvidia_h100", [4, 5, 8, 10, 16, 20, 40, 80]),
    ];

    /// <summary>The model with config name <paramref name="key"/> (case-insensitive), or null.</summary>
    public static GpuModel? Find(string? key) =>
        key is null ? null : Models.FirstOrDefault(m => m.Key.Equals(key, StringComparison.OrdinalIgnoreCase));

    private static GpuModel Model(string key, string name, int framebuffer, string pciName, int hardwareVersion, string prefix, int[] sizes) => new(
        key,
        name,
        framebuffer,
        pciName,
        hardwareVersion,
        [.. sizes.Select(size => new VgpuProfile($"{prefix}-{size}c", size))],
        $"{VgpuGuide} ({name}: {framebuffer} GB; profiles {string.Join(", ", sizes.Select(s => $"{s}C"))}); "
            + $"hardware version {hardwareVersion}: {(hardwareVersion == 17 ? "vSphere 7.0, the first with Dynamic DirectPath I/O" : "vSphere 8.0, the first release supporting this GPU")}");
}
