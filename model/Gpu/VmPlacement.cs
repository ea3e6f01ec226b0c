namespace Infra.Model.Gpu;

/// <summary>Where a VM's GPUs come from: a host, and the offset of its first GPU among the GPUs VMs take from that host.</summary>
/// <param name="Vm">The VM's name.</param>
/// <param name="Host">The host's name.</param>
/// <param name="FirstGpu">How many GPUs of the host VMs before this one (in config order) take.</param>
/// <param name="Gpus">The VM's GPUs.</param>
public sealed record VmPlacement(string Vm, string Host, int FirstGpu, int Gpus);
