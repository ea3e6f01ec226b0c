using System.Collections.Immutable;

namespace Infra.Model.Gpu;

/// <summary>
/// The NVIDIA vGPU software releases whose Linux guest driver the catalog knows: a guest driver runs only against
/// the vGPU Manager of the same release on the ESXi hosts. Sources: NVIDIA's vGPU 19 release notes, as the
/// published vGPU driver tables list them (vGPU 19.0: guest 580.65.06; vGPU 19.1: guest 580.82.07).
/// </summary>
public static class VgpuReleases
{
    /// <summary>The known releases, oldest first.</summary>
    public static ImmutableArray<VgpuRelease> All { get; } =
    [
        new("19.0", "580.65.06"),
        new("19.1", "580.82.07"),
    ];

    /// <summary>The release whose guest driver is <paramref name="guestDriver"/>, or null.</summary>
    public static VgpuRelease? ForGuestDriver(string? guestDriver) => All.FirstOrDefault(r => r.GuestDriver == guestDriver);
}

/// <summary>One vGPU software release.</summary>
/// <param name="Release">The vGPU software release, such as <c>19.1</c>; the hosts' vGPU Manager must be this release.</param>
/// <param name="GuestDriver">Its Linux guest driver version, as the GPU Operator's driver image is tagged.</param>
public sealed record VgpuRelease(string Release, string GuestDriver)
{
    /// <summary>The driver branch, the guest driver's major version (R580 for 580.82.07).</summary>
    public int Branch => int.Parse(GuestDriver.AsSpan(0, GuestDriver.IndexOf('.', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
}
