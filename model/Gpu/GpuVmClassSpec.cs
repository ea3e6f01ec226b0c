namespace Infra.Model.Gpu;

/// <summary>The vGPU VM class cluster GPU nodes use: one vGPU of the profile, all memory reserved.</summary>
/// <param name="Name">The class's name in vSphere, and its logical name.</param>
/// <param name="Cpus">vCPUs.</param>
/// <param name="MemoryMb">Memory in MB.</param>
/// <param name="Profile">The vGPU profile, as vSphere names it.</param>
/// <param name="Hosts">The GPU hosts whose offered profiles are checked at deploy time.</param>
public sealed record GpuVmClassSpec(string Name, int Cpus, int MemoryMb, string Profile, System.Collections.Immutable.ImmutableArray<string> Hosts)
{
    /// <summary>The memory reservation, in percent: vGPU VMs need all of their memory reserved.</summary>
    public const int MemoryReservationPercent = 100;
}
