using System.Text;
using System.Text.Json;

namespace Infra.Cli.Output;

/// <summary>JSON as the serializer writes it with its default options, written by hand: no reflection over the values.</summary>
internal static class JsonText
{
    /// <summary>The text <paramref name="write"/> writes.</summary>
    public static string Of(bool indented, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
