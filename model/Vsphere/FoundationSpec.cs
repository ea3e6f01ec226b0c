using Infra.Model.Options;

namespace Infra.Model.Vsphere;

/// <summary>The vSphere foundation: where it is (datacenter) and what it creates there.</summary>
/// <param name="Datacenter">The datacenter looked up by name.</param>
/// <param name="Folder">The VM folder holding the stack's VMs.</param>
public sealed record FoundationSpec(string Datacenter, FolderSpec Folder)
{
    /// <summary>The logical name of the datacenter look-up in the plan.</summary>
    public const string DatacenterLookupName = "datacenter";

    /// <summary>The foundation's decisions for <paramref name="options"/>.</summary>
    public static FoundationSpec For(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = string.IsNullOrEmpty(options.Vsphere.Folder) ? $"mlops-{options.Environment}" : options.Vsphere.Folder;
        return new FoundationSpec(options.Vsphere.Datacenter, new FolderSpec("vm-folder", folder));
    }
}
