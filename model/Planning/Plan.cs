using System.Collections.Immutable;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Infra.Model.Planning;

/// <summary>
/// What <c>pulumi up</c> will do for a stack: its nodes and the dependencies between them, in a deterministic
/// order, with the waves in which the engine can run them (a node's wave is one more than the latest wave it waits for).
/// </summary>
public sealed class Plan
{
    private readonly ImmutableDictionary<string, PlanNode> _byId;
    private readonly Dictionary<string, PlanNode[]> _children;
    private readonly Dictionary<string, string[]> _dependencies;
    private readonly Dictionary<string, string[]> _expanded = new(StringComparer.Ordinal);
    private ILookup<string?, PlanNode>? _childrenInOrder;

    /// <summary>
    /// Builds a plan; the nodes' ids must be unique, and their dependencies and parents known and acyclic; the
    /// hand-offs' paths unique.
    /// </summary>
    /// <exception cref="InvalidOperationException">A duplicate id or hand-off path, an unknown reference, or a dependency cycle: a defect in the model.</exception>
    public Plan(
        string stack,
        IEnumerable<PlanNode> nodes,
        ImmutableArray<Gpu.GpuCapacityRow> gpuCapacity = default,
        ImmutableSortedDictionary<string, PlanValue>? outputs = null,
        IEnumerable<PlanHandoff>? handoffs = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stack);
        ArgumentNullException.ThrowIfNull(nodes);
        Stack = stack;
        GpuCapacity = gpuCapacity.IsDefault ? [] : gpuCapacity;
        Outputs = outputs ?? ImmutableSortedDictionary<string, PlanValue>.Empty.WithComparers(StringComparer.Ordinal);
        Handoffs = [.. (handoffs ?? []).OrderBy(h => h.Path, StringComparer.Ordinal)];
        if (Handoffs.GroupBy(h => h.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"The plan has two hand-offs at '{twice.Key}'.");
        }

        // An explicit dependency that an input, the provider or a check already implies is said once, by what implies it.
        var list = nodes.Select(n => n.WithoutImpliedDependencies()).ToList();
        var duplicate = list.GroupBy(n => n.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"The plan has two nodes with id '{duplicate.Key}'.");
        }

        _byId = list.ToImmutableDictionary(n => n.Id, StringComparer.Ordinal);
        _children = list.Where(n => n.Parent is not null).GroupBy(n => n.Parent!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _dependencies = list.ToDictionary(n => n.Id, n => n.Dependencies().Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        foreach (var node in list)
        {
            foreach (var reference in _dependencies[node.Id].Append(node.Parent).OfType<string>().Where(r => !_byId.ContainsKey(r)))
            {
                throw new InvalidOperationException($"Plan node '{node.Id}' refers to '{reference}', which is not in the plan.");
            }
        }

        foreach (var (output, value) in Outputs)
        {
            foreach (var reference in value.References().Where(r => !_byId.ContainsKey(r)))
            {
                throw new InvalidOperationException($"Stack output '{output}' refers to '{reference}', which is not in the plan.");
            }
        }

        Graph = BuildGraph(list);
        Waves = ComputeWaves();
        Nodes = [.. list
            .OrderBy(n => Waves.GetValueOrDefault(n.Id))
            .ThenBy(n => n.Type, StringComparer.Ordinal)
            .ThenBy(n => n.Name, StringComparer.Ordinal)];
    }

    /// <summary>The stack the plan is for.</summary>
    public string Stack { get; }

    /// <summary>Each GPU host's capacity and what the stack uses of it; empty without GPUs.</summary>
    public ImmutableArray<Gpu.GpuCapacityRow> GpuCapacity { get; }

    /// <summary>What the stack exports, by output name.</summary>
    public ImmutableSortedDictionary<string, PlanValue> Outputs { get; }

    /// <summary>The files the stack hands to someone else to apply or use, by path (<see cref="PlanHandoff"/>).</summary>
    public ImmutableArray<PlanHandoff> Handoffs { get; }

    /// <summary>The nodes, by wave, then type, then name.</summary>
    public ImmutableArray<PlanNode> Nodes { get; }

    /// <summary>Dependency edges, from a node to each node it waits for; components stand for their descendants.</summary>
    public IBidirectionalGraph<string, Edge<string>> Graph { get; }

    /// <summary>The wave of each resource and data source, from 1; components have none.</summary>
    public ImmutableSortedDictionary<string, int> Waves { get; }

    /// <summary>How many waves the deployment needs.</summary>
    public int WaveCount => Waves.IsEmpty ? 0 : Waves.Values.Max();

    /// <summary>The node with id <paramref name="id"/>.</summary>
    public PlanNode this[string id] => _byId[id];

    /// <summary>The children of a node (of the stack, for null), in plan order.</summary>
    public IEnumerable<PlanNode> ChildrenOf(string? parentId) => (_childrenInOrder ??= Nodes.ToLookup(n => n.Parent, StringComparer.Ordinal))[parentId];

    /// <summary>Every node the node <paramref name="id"/> waits for (see <see cref="PlanNode.Dependencies"/>), sorted.</summary>
    public IReadOnlyList<string> DependenciesOf(string id) => _dependencies[id];

    /// <summary>The number of nodes of each kind and type, by type.</summary>
    public ImmutableSortedDictionary<string, int> CountsByType() =>
        Nodes.GroupBy(n => n.Type, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private IEnumerable<string> Descendants(string id) =>
        _children.TryGetValue(id, out var children) ? children.SelectMany(c => Descendants(c.Id).Prepend(c.Id)) : [];

    // A component stands for its descendants that are not components themselves; computed once per component.
    private string[] Expand(string id)
    {
        if (_byId[id].Kind != PlanNodeKind.Component)
        {
            return [id];
        }

        if (!_expanded.TryGetValue(id, out var expanded))
        {
            _expanded[id] = expanded = [.. Descendants(id).Where(d => _byId[d].Kind != PlanNodeKind.Component)];
        }

        return expanded;
    }

    private BidirectionalGraph<string, Edge<string>> BuildGraph(List<PlanNode> nodes)
    {
        var graph = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        graph.AddVertexRange(nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => n.Kind != PlanNodeKind.Component))
        {
            targets.Clear();
            foreach (var dependency in _dependencies[node.Id])
            {
                targets.UnionWith(Expand(dependency));
            }

            foreach (var target in targets)
            {
                graph.AddEdge(new Edge<string>(node.Id, target));
            }
        }

        return graph;
    }

    private ImmutableSortedDictionary<string, int> ComputeWaves()
    {
        IEnumerable<string> order;
        try
        {
            order = Graph.TopologicalSort().Reverse().ToList();
        }
        catch (NonAcyclicGraphException ex)
        {
            throw new InvalidOperationException($"The plan for stack '{Stack}' has a dependency cycle.", ex);
        }

        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in order.Where(id => _byId[id].Kind != PlanNodeKind.Component))
        {
            waves[id] = 1 + Graph.OutEdges(id).Select(e => waves.GetValueOrDefault(e.Target)).DefaultIfEmpty(0).Max();
        }

        return waves.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }
}
