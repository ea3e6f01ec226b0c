namespace Infra.Components.Vsphere;

/// <summary>What the foundation knows of the VM template at deploy time.</summary>
/// <param name="Id">The template's UUID, or the content library item's id.</param>
/// <param name="GuestId">The guest OS id clones get.</param>
/// <param name="Firmware">The template's firmware; null for a content library item.</param>
/// <param name="DiskGb">The template's first disk in GB; null for a content library item.</param>
/// <param name="ThinProvisioned">Whether the template's first disk is thin; clones must match it.</param>
public sealed record TemplateFacts(string Id, string GuestId, string? Firmware, int? DiskGb, bool ThinProvisioned);
