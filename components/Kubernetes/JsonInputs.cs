using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Model.Rendering;

namespace Infra.Components.Kubernetes;

/// <summary>Turns the model's JSON documents (manifest specs, Helm values) into values Pulumi serializes as inputs.</summary>
public static class JsonInputs
{
    /// <summary>A JSON object as an immutable map of plain values (maps, lists, strings, booleans, numbers).</summary>
    public static ImmutableDictionary<string, object> Map(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return json.ToImmutableDictionary(p => p.Key, p => JsonPlain.Value(p.Value) ?? throw new ArgumentException($"'{p.Key}' is null: null is not an input value.", nameof(json)), StringComparer.Ordinal);
    }
}
