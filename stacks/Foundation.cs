using Infra.Components.Core;
using Infra.Model.Stacks;
using Infra.Model.Vsphere;
using Pulumi;
using Pulumi.VSphere;

namespace Infra.Stacks;

/// <summary>The vSphere foundation (<c>infra:stacks:Foundation</c>): the datacenter it lives in and the VM folder it creates.</summary>
public sealed class Foundation : InfraComponent
{
    /// <summary>Registers the foundation from its spec.</summary>
    public Foundation(FoundationSpec spec, ComponentResourceOptions? options = null)
        : base(StackTokens.Foundation, StackTokens.FoundationName, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var datacenter = GetDatacenter.Invoke(new GetDatacenterInvokeArgs { Name = spec.Datacenter }, InvokeOptions());
        DatacenterId = datacenter.Apply(d => d.Id);

        var folder = new Folder(spec.Folder.LogicalName, new FolderArgs
        {
            Path = spec.Folder.Path,
            Type = FolderSpec.VmFolderType,
            DatacenterId = DatacenterId,
        }, ChildOptions());
        FolderPath = folder.Path;

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["datacenterId"] = DatacenterId,
            ["folderPath"] = FolderPath,
        });
    }

    /// <summary>The datacenter's managed object id.</summary>
    [Output]
    public Output<string> DatacenterId { get; }

    /// <summary>The VM folder's path, relative to the datacenter's VM folder.</summary>
    [Output]
    public Output<string> FolderPath { get; }
}
