namespace Infra.Model.Vsphere;

/// <summary>A VM folder the foundation creates under the datacenter's VM folder.</summary>
/// <param name="LogicalName">The Pulumi logical name.</param>
/// <param name="Path">The folder's path relative to the datacenter's VM folder.</param>
public sealed record FolderSpec(string LogicalName, string Path)
{
    /// <summary>The folder type vSphere expects for VM folders.</summary>
    public const string VmFolderType = "vm";
}
