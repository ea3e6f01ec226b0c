using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Model.Planning;

/// <summary>Plan values from JSON documents (manifests, Helm values).</summary>
public static class PlanValues
{
    /// <summary>The plan value of a JSON node: objects become maps, arrays lists, scalars literals.</summary>
    public static PlanValue FromJson(JsonNode? node) => node switch
    {
        JsonObject obj => PlanValue.Map(obj.Select(p => KeyValuePair.Create(p.Key, FromJson(p.Value)))),
        JsonArray array => PlanValue.List(array.Select(FromJson)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => PlanValue.Of(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => PlanValue.Of(value.GetValue<bool>()),
        JsonValue value when value.TryGetValue<long>(out var whole) => PlanValue.Of(whole),
        JsonValue value when value.TryGetValue<int>(out var small) => PlanValue.Of(small),
        _ => throw new ArgumentException($"A plan value cannot hold JSON '{node?.ToJsonString()}'.", nameof(node)),
    };
}
