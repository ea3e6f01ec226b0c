namespace Infra.Model.Gpu;

/// <summary>One GPU host's capacity in the plan: its GPUs, how they are shared, and how many slots the stack uses.</summary>
/// <param name="Host">The host.</param>
/// <param name="Gpus">Physical GPUs.</param>
/// <param name="Sharing"><c>passthrough</c>, or the vGPU profile.</param>
/// <param name="Slots">Whole GPUs (passthrough) or vGPUs of the profile (vGPU) the host offers.</param>
/// <param name="Used">Slots the stack uses: placed VMs, or the projected spread of GPU nodes.</param>
/// <param name="Reserved">Slots other stacks take (<c>mlops:gpu.hosts[].reserved</c>).</param>
/// <param name="ReservedFor">The stacks those are for, as the table names them (<c>dev, qa</c>); empty where none is named.</param>
public sealed record GpuCapacityRow(string Host, int Gpus, string Sharing, int Slots, int Used, int Reserved = 0, string ReservedFor = "")
{
    /// <summary>Slots left.</summary>
    public int Free => Slots - Used - Reserved;
}
