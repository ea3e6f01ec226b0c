using Infra.Model.Gpu;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Vsphere;

namespace Infra.Model.Stacks;

/// <summary>
/// Turns valid options into the plan of everything the stack registers, and of the files it hands to others, from the
/// same specs the components use.
/// </summary>
public static class StackPlanner
{
    /// <summary>The plan of stack <paramref name="stack"/>.</summary>
    public static Plan Plan(string stack, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var capacity = GpuSpec.For(options).Capacity;
        return new Plan(stack, Mirrors.SourceMirrors.For(options).Apply(UpstreamNodes(stack, options)), options.DeploysFoundation ? capacity : [], StackOutputs.For(options),
            options.DeploysPlatform ? PlatformPlanner.Handoffs(options) : []);
    }

    /// <summary>The plan's nodes with every chart and Kubeflow directory from its public source, before the site's mirrors replace them.</summary>
    public static IReadOnlyList<PlanNode> UpstreamNodes(string stack, PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsTeamsStack)
        {
            return [.. TeamsPlanner.Nodes(stack, options)];
        }

        var nodes = new List<PlanNode>();
        if (options.DeploysFoundation)
        {
            nodes.AddRange(FoundationPlanner.Nodes(FoundationSpec.For(options)));
        }

        if (options.DeploysPlatform)
        {
            nodes.AddRange(PlatformPlanner.Nodes(options));
        }

        return nodes;
    }
}
