using System.Text.Json.Serialization;

namespace Infra.Model.Rendering;

/// <summary>JSON string literals written by System.Text.Json's generated code, as its serializer writes them, without reflection.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class JsonStrings : JsonSerializerContext
{
    /// <summary><paramref name="value"/> as a JSON string literal, quotes included.</summary>
    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, Default.String);
}
