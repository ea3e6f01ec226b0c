using System.Collections.Immutable;

namespace Infra.Model.Planning;

/// <summary>One thing <c>pulumi up</c> will register or look up, as the model decided it.</summary>
public sealed record PlanNode
{
    /// <summary>Component, resource or data source.</summary>
    public required PlanNodeKind Kind { get; init; }

    /// <summary>The Pulumi type token (<c>vsphere:index/folder:Folder</c>) or function token of a data source.</summary>
    public required string Type { get; init; }

    /// <summary>The logical name, unique for its type within the stack.</summary>
    public required string Name { get; init; }

    /// <summary>The parent node's id; null for children of the stack itself.</summary>
    public string? Parent { get; init; }

    /// <summary>The provider: <c>default</c> for the provider configured by the stack's provider keys, else a provider node's id; null for components.</summary>
    public string? Provider { get; init; }

    /// <summary>The key inputs, secrets masked.</summary>
    public ImmutableSortedDictionary<string, PlanValue> Inputs { get; init; } = ImmutableSortedDictionary<string, PlanValue>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Explicit dependencies (<c>DependsOn</c>) by node id, beyond those the inputs imply.</summary>
    public ImmutableArray<string> DependsOn { get; init; } = [];

    /// <summary>Whether Pulumi refuses to delete it (<c>protect</c>).</summary>
    public bool Protect { get; init; }

    /// <summary>How long the engine waits for it, where the provider's defaults are too short; null for the defaults.</summary>
    public PlanTimeouts? Timeouts { get; init; }

    /// <summary>Inputs whose changes the engine ignores after creation (<c>ignoreChanges</c>), as property paths.</summary>
    public ImmutableArray<string> IgnoreChanges { get; init; } = [];

    /// <summary>Rules applied to the objects a manifest bundle or kustomization expands to, in order.</summary>
    public ImmutableArray<PlanTransform> Transforms { get; init; } = [];

    /// <summary>Rules over look-up results that must hold before it is created.</summary>
    public ImmutableArray<PlanCheck> Checks { get; init; } = [];

    /// <summary>The node's id in the plan: <c>type::name</c>.</summary>
    public string Id => IdOf(Type, Name);

    /// <summary>The id of a node of type <paramref name="type"/> named <paramref name="name"/>.</summary>
    public static string IdOf(string type, string name) => $"{type}::{name}";

    /// <summary>The value of <see cref="Provider"/> for the provider the stack's provider keys configure.</summary>
    public const string DefaultProvider = "default";

    /// <summary>Every node this one waits for: explicit dependencies, its explicit provider, and the nodes whose outputs its inputs use.</summary>
    public IEnumerable<string> Dependencies()
    {
        var seen = new HashSet<string>(DependsOn, StringComparer.Ordinal);
        if (Provider is not (null or DefaultProvider))
        {
            seen.Add(Provider);
        }

        foreach (var value in Inputs.Values)
        {
            seen.UnionWith(value.References());
        }

        foreach (var check in Checks)
        {
            seen.UnionWith(check.Facts.Select(f => f.NodeId));
        }

        return seen;
    }

    /// <summary>The node with each explicit dependency that an input, the provider or a check already implies left out: said once, by what implies it.</summary>
    public PlanNode WithoutImpliedDependencies()
    {
        if (DependsOn.IsEmpty)
        {
            return this;
        }

        var implied = (this with { DependsOn = [] }).Dependencies().ToHashSet(StringComparer.Ordinal);
        return DependsOn.Any(implied.Contains) ? this with { DependsOn = [.. DependsOn.Where(d => !implied.Contains(d))] } : this;
    }

    /// <summary>
    /// <paramref name="nodes"/> in an order the engine can register them in: each after the nodes among them it
    /// depends on, otherwise as given; components first.
    /// </summary>
    /// <exception cref="InvalidOperationException">The nodes depend on each other in a cycle: a defect in the model.</exception>
    public static IReadOnlyList<PlanNode> InDependencyOrder(IEnumerable<PlanNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes.ToList();
        var ids = list.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<PlanNode>(list.Count);
        var remaining = list.OrderBy(n => n.Kind == PlanNodeKind.Component ? 0 : 1).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.Where(n => n.Dependencies().All(d => !ids.Contains(d) || done.Contains(d))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"Plan nodes depend on each other in a cycle: {string.Join(", ", remaining.Select(n => n.Id))}.");
            }

            ordered.AddRange(ready);
            done.UnionWith(ready.Select(n => n.Id));
            remaining = [.. remaining.Except(ready)];
        }

        return ordered;
    }

    /// <summary>Equality over every member, inputs and dependencies by content.</summary>
    public bool Equals(PlanNode? other) =>
        other is not null
        && Kind == other.Kind && Type == other.Type && Name == other.Name && Parent == other.Parent
        && Provider == other.Provider && Protect == other.Protect && Timeouts == other.Timeouts
        && Inputs.SequenceEqual(other.Inputs) && DependsOn.SequenceEqual(other.DependsOn)
        && IgnoreChanges.SequenceEqual(other.IgnoreChanges) && Transforms.SequenceEqual(other.Transforms) && Checks.SequenceEqual(other.Checks);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Type, Name, Parent);
}
