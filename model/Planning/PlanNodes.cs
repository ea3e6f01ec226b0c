using System.Collections.Immutable;

namespace Infra.Model.Planning;

/// <summary>Short constructors for plan nodes and their inputs.</summary>
public static class PlanNodes
{
    /// <summary>A component of this project.</summary>
    public static PlanNode Component(string type, string name, string? parent) =>
        new() { Kind = PlanNodeKind.Component, Type = type, Name = name, Parent = parent };

    /// <summary>A look-up through the default provider.</summary>
    public static PlanNode Lookup(string token, string name, string? parent, params (string Key, PlanValue? Value)[] inputs) =>
        new() { Kind = PlanNodeKind.DataSource, Type = token, Name = name, Parent = parent, Provider = "default", Inputs = Inputs(inputs) };

    /// <summary>A resource through the default provider.</summary>
    public static PlanNode Resource(string type, string name, string? parent, params (string Key, PlanValue? Value)[] inputs) =>
        new() { Kind = PlanNodeKind.Resource, Type = type, Name = name, Parent = parent, Provider = "default", Inputs = Inputs(inputs) };

    /// <summary>Inputs from pairs; pairs with a null value are left out.</summary>
    public static ImmutableSortedDictionary<string, PlanValue> Inputs(params (string Key, PlanValue? Value)[] inputs) =>
        inputs.Where(i => i.Value is not null).ToImmutableSortedDictionary(i => i.Key, i => i.Value!, StringComparer.Ordinal);

    /// <summary>A map value from pairs; pairs with a null value are left out.</summary>
    public static PlanValue Map(params (string Key, PlanValue? Value)[] entries) =>
        PlanValue.Map(entries.Where(e => e.Value is not null).Select(e => KeyValuePair.Create(e.Key, e.Value!)));
}
