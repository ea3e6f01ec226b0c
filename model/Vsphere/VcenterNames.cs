using Infra.Model.Planning;

namespace Infra.Model.Vsphere;

/// <summary>
/// What a stack creates under a name that is unique in its vCenter (or datacenter): folders, storage policies, VM
/// classes, vSphere Namespaces, tag categories and VMs. Stacks cloned from one another share a vCenter, so these
/// must differ between them. Derived names carry the environment; a name set in config is the user's, and
/// <see cref="Clashes"/> finds where two stacks would still share one. Looked-up objects (an existing tag category,
/// datastores, networks) are shared on purpose: a stack only reads them and never deletes them.
/// </summary>
public static class VcenterNames
{
    private static readonly (string Type, string Input, string What, string Setting)[] Kinds =
    [
        (VsphereTokens.Folder, "path", "VM folder", "mlops:vsphere.folder"),
        (VsphereTokens.VmStoragePolicy, "name", "storage policy", "mlops:environment"),
        (VsphereTokens.VirtualMachineClass, "name", "VM class", "mlops:gpu.vmClass.name"),
        (VsphereTokens.Namespace, "name", "vSphere Namespace", "mlops:tanzu.namespace"),
        (VsphereTokens.TagCategory, "name", "tag category", "mlops:storage.tiers[].tagCategory"),
        (VsphereTokens.VirtualMachine, "name", "VM", "mlops:environment"),
    ];

    /// <summary>One vCenter-wide name a stack owns: what it is, the name, and the setting that names it.</summary>
    public sealed record Owned(string What, string Name, string Setting)
    {
        /// <inheritdoc />
        public override string ToString() => $"{What} '{Name}'";
    }

    /// <summary>The vCenter-wide names the plan's resources own, in plan order.</summary>
    public static IReadOnlyList<Owned> Of(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var owned = new List<Owned>();
        foreach (var node in plan.Nodes.Where(n => n.Kind == PlanNodeKind.Resource))
        {
            foreach (var (type, input, what, setting) in Kinds)
            {
                if (node.Type == type && node.Inputs.TryGetValue(input, out var name))
                {
                    owned.Add(new Owned(what, name.ToString()!, setting));
                }
            }
        }

        return owned;
    }

    /// <summary>The names both plans own: each would be created twice in one vCenter, and deleted with either stack.</summary>
    public static IReadOnlyList<Owned> Clashes(Plan a, Plan b)
    {
        var theirs = Of(b).Select(o => (o.What, o.Name)).ToHashSet();
        return [.. Of(a).Where(o => theirs.Contains((o.What, o.Name)))];
    }
}
