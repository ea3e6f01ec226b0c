using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Infra.Model.Rendering;

/// <summary>YAML text of JSON documents, keys in the order the model wrote them.</summary>
public static class YamlText
{
    private static readonly ISerializer Serializer = new SerializerBuilder().DisableAliases().WithQuotingNecessaryStrings().Build();

    /// <summary>One YAML document.</summary>
    public static string Of(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Serializer.Serialize(Plain(node));
    }

    /// <summary>Several YAML documents, separated by <c>---</c>.</summary>
    public static string Of(IEnumerable<JsonNode> nodes) => string.Join("---\n", nodes.Select(Of));

    private static object? Plain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Plain(p.Value)),
        JsonArray array => array.Select(Plain).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        JsonValue value when value.TryGetValue<int>(out var small) => small,
        JsonValue value when value.TryGetValue<long>(out var whole) => whole,
        JsonValue value => value.GetValue<double>(),
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}.", nameof(node)),
    };
}
