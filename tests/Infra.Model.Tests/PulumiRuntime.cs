using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Tests;

/// <summary>A stack file as the Pulumi engine hands it to a program, its secrets decrypted.</summary>
internal static class PulumiRuntime
{
    /// <summary>
    /// What the engine hands a program for a stack file: scalars as strings, maps and lists as JSON (YAML numbers
    /// and booleans as JSON numbers and booleans), each secure value decrypted to <paramref name="decrypted"/> of its
    /// place (<c>mlops:gpu.operator.licenseToken</c>) and its key listed as secret.
    /// </summary>
    public static (Dictionary<string, string> Config, HashSet<string> SecretKeys) AsPulumiWouldDeliver(string yaml, Func<string, string> decrypted)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in (YamlMappingNode)root.Children[new YamlScalarNode("config")])
        {
            var name = ((YamlScalarNode)key).Value!;
            var secret = false;
            var json = ToJson(value, name, decrypted, ref secret);
            config[name] = json is JsonValue v && v.TryGetValue<string>(out var s) ? s : json!.ToJsonString();
            if (secret)
            {
                secrets.Add(name);
            }
        }

        return (config, secrets);
    }

    private static JsonNode? ToJson(YamlNode node, string path, Func<string, string> decrypted, ref bool secret)
    {
        switch (node)
        {
            case YamlMappingNode map when map.Children.Count == 1 && map.Children.ContainsKey(new YamlScalarNode("secure")):
                secret = true;
                return JsonValue.Create(decrypted(path));
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map)
                {
                    var key = ((YamlScalarNode)k).Value!;
                    obj[key] = ToJson(v, $"{path}.{key}", decrypted, ref secret);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in seq)
                {
                    array.Add(ToJson(item, $"{path}[{index++}]", decrypted, ref secret));
                }

                return array;
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var text } when long.TryParse(text, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } scalar:
                return JsonValue.Create(scalar.Value == "true");
            case YamlScalarNode scalar:
                return JsonValue.Create(scalar.Value);
            default:
                throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}.");
        }
    }
}
