namespace Infra.Model.Gpu;

/// <summary>A host's GPUs and how many placed VMs use.</summary>
/// <param name="Host">The host's name.</param>
/// <param name="Gpus">Its GPUs.</param>
/// <param name="Used">GPUs given to VMs.</param>
public sealed record HostUsage(string Host, int Gpus, int Used)
{
    /// <summary>GPUs left.</summary>
    public int Free => Gpus - Used;
}
