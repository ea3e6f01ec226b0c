using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Vsphere;

namespace Infra.Model.Stacks;

/// <summary>Turns valid options into the plan of everything the stack registers, from the same specs the components use.</summary>
public static class StackPlanner
{
    /// <summary>The plan of stack <paramref name="stack"/>.</summary>
    public static Plan Plan(string stack, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nodes = new List<PlanNode>();
        if (options.DeploysFoundation)
        {
            nodes.AddRange(Foundation(FoundationSpec.For(options)));
        }

        if (options.DeploysPlatform)
        {
            nodes.Add(Component(StackTokens.Platform, StackTokens.PlatformName, parent: null));
        }

        return new Plan(stack, nodes);
    }

    /// <summary>The foundation's nodes.</summary>
    public static IEnumerable<PlanNode> Foundation(FoundationSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var component = Component(StackTokens.Foundation, StackTokens.FoundationName, parent: null);
        yield return component;

        var datacenter = new PlanNode
        {
            Kind = PlanNodeKind.DataSource,
            Type = VsphereTokens.GetDatacenter,
            Name = FoundationSpec.DatacenterLookupName,
            Parent = component.Id,
            Provider = "default",
            Inputs = Inputs(("name", PlanValue.Of(spec.Datacenter))),
        };
        yield return datacenter;

        yield return new PlanNode
        {
            Kind = PlanNodeKind.Resource,
            Type = VsphereTokens.Folder,
            Name = spec.Folder.LogicalName,
            Parent = component.Id,
            Provider = "default",
            Inputs = Inputs(
                ("path", PlanValue.Of(spec.Folder.Path)),
                ("type", PlanValue.Of(FolderSpec.VmFolderType)),
                ("datacenterId", PlanValue.Output(datacenter.Id, "id"))),
        };
    }

    private static PlanNode Component(string type, string name, string? parent) =>
        new() { Kind = PlanNodeKind.Component, Type = type, Name = name, Parent = parent };

    private static System.Collections.Immutable.ImmutableSortedDictionary<string, PlanValue> Inputs(params (string Key, PlanValue Value)[] inputs) =>
        System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, inputs.Select(i => KeyValuePair.Create(i.Key, i.Value)));
}
