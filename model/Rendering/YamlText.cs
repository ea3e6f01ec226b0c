using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace Infra.Model.Rendering;

/// <summary>YAML text of JSON documents and of plain values, keys in the order the model wrote them.</summary>
public static class YamlText
{
    private static readonly ISerializer Serializer = new SerializerBuilder().DisableAliases().WithQuotingNecessaryStrings().Build();

    // For people reviewing a render: text over several lines (a configuration file a ConfigMap holds) as a literal
    // block, so that it reads as the file it is. Not for text the plan holds (Dex's configuration): that would change it.
    private static readonly ISerializer Readable = new SerializerBuilder()
        .DisableAliases()
        .WithQuotingNecessaryStrings()
        .WithEventEmitter(next => new LiteralBlocks(next))
        .Build();

    /// <summary>One YAML document.</summary>
    public static string Of(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Serializer.Serialize(JsonPlain.Value(node));
    }

    /// <summary>
    /// One YAML document of a plain value (<see cref="Dictionary{TKey, TValue}"/> maps with keys in insertion order,
    /// lists, strings, booleans, numbers) for reading: text over several lines as a literal block.
    /// </summary>
    internal static string ForReading(object? value) => Readable.Serialize(value);

    // The emitter falls back to a quoted scalar where a block cannot hold the text (trailing spaces, say).
    private sealed class LiteralBlocks(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal))
            {
                eventInfo.Style = ScalarStyle.Literal;
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
