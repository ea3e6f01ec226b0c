using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.Schemas;

namespace Infra.Model.Rendering;

/// <summary>YAML text of JSON documents and of plain values, keys in the order the model wrote them.</summary>
/// <remarks>
/// The document is written as the emitter's events, as YamlDotNet's serializer (aliases off, necessary strings
/// quoted) writes a tree of maps, lists and scalars, so the text is the serializer's to the byte, without its
/// reflection over the values' types or its regular expression compiled at run time.
/// </remarks>
public static partial class YamlText
{
    /// <summary>One YAML document.</summary>
    public static string Of(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Document(JsonPlain.Value(node), readable: false);
    }

    /// <summary>
    /// One YAML document of a plain value (<see cref="Dictionary{TKey, TValue}"/> maps with keys in insertion order,
    /// lists, strings, booleans, numbers) for reading: text over several lines as a literal block, so that a
    /// configuration file a ConfigMap holds reads as the file it is. Not for text the plan holds (Dex's configuration).
    /// </summary>
    internal static string ForReading(object? value) => Document(value, readable: true);

    private static string Document(object? value, bool readable)
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer, EmitterSettings.Default);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, value, readable);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    /// <summary>Several YAML documents, separated by <c>---</c>.</summary>
    public static string Of(IEnumerable<JsonNode> nodes) => string.Join("---\n", nodes.Select(Of));

    private static void Emit(Emitter emitter, object? value, bool readable)
    {
        switch (value)
        {
            case Dictionary<string, object?> map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, false, MappingStyle.Any));
                foreach (var (key, item) in map)
                {
                    Emit(emitter, key, readable);
                    Emit(emitter, item, readable);
                }

                emitter.Emit(new MappingEnd());
                break;
            case List<object?> list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, false, SequenceStyle.Any));
                foreach (var item in list)
                {
                    Emit(emitter, item, readable);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case null:
                Scalar(emitter, JsonSchema.Tags.Null, string.Empty, ScalarStyle.Plain);
                break;
            // The emitter falls back to a quoted scalar where a block cannot hold the text (trailing spaces, say).
            case string text when readable && text.Contains('\n', StringComparison.Ordinal):
                Scalar(emitter, FailsafeSchema.Tags.Str, text, ScalarStyle.Literal);
                break;
            case string text:
                Scalar(emitter, FailsafeSchema.Tags.Str, text, NeedsQuotes(text) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any);
                break;
            case bool flag:
                Scalar(emitter, JsonSchema.Tags.Bool, YamlFormatter.Default.FormatBoolean(flag), ScalarStyle.Plain);
                break;
            case int or long:
                Scalar(emitter, JsonSchema.Tags.Int, YamlFormatter.Default.FormatNumber(value), ScalarStyle.Plain);
                break;
            case double number:
                Scalar(emitter, JsonSchema.Tags.Float, YamlFormatter.Default.FormatNumber(number), ScalarStyle.Plain);
                break;
            default:
                throw new ArgumentException($"Unexpected plain value {value.GetType().Name}.", nameof(value));
        }
    }

    private static void Scalar(Emitter emitter, TagName tag, string text, ScalarStyle style) =>
        emitter.Emit(new Scalar(AnchorName.Empty, tag, text, style, isPlainImplicit: true, isQuotedImplicit: false));

    // A string that YAML would read as another type (null, a boolean, a number) or that is blank goes in quotes.
    private static bool NeedsQuotes(string text) => text.Trim().Length == 0 || SpecialString().IsMatch(text);

    // YamlDotNet's own pattern for such strings (TypeAssigningEventEmitter, YAML 1.2 core schema).
    [GeneratedRegex(@"^(null|Null|NULL|\~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|\s.*)$")]
    private static partial Regex SpecialString();
}
