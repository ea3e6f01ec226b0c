using Infra.Components.Planning;
using Infra.Model.Planning;
using Pulumi;

namespace Infra.Components.Core;

/// <summary>
/// The base of this project's typed components, for programs that compose them themselves: a component plans its
/// part with its technology's planner in the model and hands the nodes to the shared <see cref="PlanRegistrar"/>,
/// standing in for the part's own component node. It decides nothing of its own.
/// </summary>
public abstract class PlannedPart : ComponentResource
{
    // The parent id the part's planner is given: the part's own node is this component, so nothing refers to it.
    private const string Outside = "infra:composed:Parent::parent";

    /// <summary>Registers the part that <paramref name="plan"/> gives for a parent, as component <paramref name="type"/> named <paramref name="name"/>.</summary>
    private protected PlannedPart(string type, string name, PlannedPartArgs args, Func<string, IEnumerable<PlanNode>> plan, ComponentResourceOptions? options)
        : base(type, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(plan);
        Registrar = args.Registrar;
        var nodes = PlanNode.InDependencyOrder(plan(Outside).Select(n => n.WithoutImpliedDependencies()));
        var self = nodes.Single(n => n.Kind == PlanNodeKind.Component && n.Parent == Outside);
        Registrar.Adopt(self.Id, this);
        Registrar.Register(nodes.Where(n => !ReferenceEquals(n, self)));
    }

    /// <summary>The registrar the part was registered with.</summary>
    protected PlanRegistrar Registrar { get; }

    /// <summary>An output of the part, as text: one of its technology's outputs in the model.</summary>
    protected Output<string> Text(IReadOnlyList<KeyValuePair<string, PlanValue>> outputs, string name)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        return Text(outputs.Single(o => o.Key == name).Value);
    }

    /// <summary>A value of the model, resolved against what the part registered, as text.</summary>
    protected Output<string> Text(PlanValue value) => Registrar.Resolve(value).Apply(v => (string)v!);
}
