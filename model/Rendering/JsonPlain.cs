using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Model.Rendering;

/// <summary>JSON documents as plain .NET values, for serializers that do not know JSON nodes (YAML, Pulumi inputs).</summary>
public static class JsonPlain
{
    /// <summary>
    /// The plain value of a JSON node: objects as <see cref="Dictionary{TKey, TValue}"/> (keys in document order),
    /// arrays as <see cref="List{T}"/>, then strings, booleans, whole numbers and doubles.
    /// </summary>
    public static object? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Value(p.Value)),
        JsonArray array => array.Select(Value).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.TryGetValue<int>(out var small) => small,
        JsonValue value when value.TryGetValue<long>(out var whole) => whole,
        JsonValue value => value.GetValue<double>(),
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}.", nameof(node)),
    };
}
