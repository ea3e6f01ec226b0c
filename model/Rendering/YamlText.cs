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
        return Serializer.Serialize(JsonPlain.Value(node));
    }

    /// <summary>Several YAML documents, separated by <c>---</c>.</summary>
    public static string Of(IEnumerable<JsonNode> nodes) => string.Join("---\n", nodes.Select(Of));
}
