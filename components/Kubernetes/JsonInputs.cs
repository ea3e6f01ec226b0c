using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Components.Kubernetes;

/// <summary>Turns the model's JSON documents (manifest specs, Helm values) into values Pulumi serializes as inputs.</summary>
public static class JsonInputs
{
    /// <summary>A JSON object as an immutable map of plain values.</summary>
    public static ImmutableDictionary<string, object> Map(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.ToImmutableDictionary(p => p.Key, p => Value(p.Value), StringComparer.Ordinal);
    }

    /// <summary>A JSON node as a plain value: maps, lists, strings, booleans and numbers.</summary>
    public static object Value(JsonNode? node) => node switch
    {
        JsonObject obj => Map(obj),
        JsonArray array => array.Select(Value).ToImmutableArray(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.TryGetValue<int>(out var small) => small,
        JsonValue value when value.TryGetValue<long>(out var whole) => whole,
        JsonValue value => value.GetValue<double>(),
        _ => throw new ArgumentException("Null is not an input value.", nameof(node)),
    };
}
