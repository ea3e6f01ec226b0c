using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Configuration;

/// <summary>
/// A Pulumi stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>) read offline. Its <c>config:</c> map becomes a
/// <see cref="ConfigSnapshot"/>; <c>secure:</c> values are never decrypted, only noted as present.
/// </summary>
public sealed class StackConfigFile
{
    private StackConfigFile(string path, string stackName, ConfigSnapshot snapshot)
    {
        Path = path;
        StackName = stackName;
        Snapshot = snapshot;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The stack's name, from the file name (<c>Pulumi.dev.yaml</c> is stack <c>dev</c>).</summary>
    public string StackName { get; }

    /// <summary>The configuration, secrets replaced by markers.</summary>
    public ConfigSnapshot Snapshot { get; }

    /// <summary>The file name of stack <paramref name="stackName"/>.</summary>
    public static string FileName(string stackName) => $"Pulumi.{stackName}.yaml";

    /// <summary>Reads and checks the structure of a stack file.</summary>
    /// <exception cref="StackFileException">The file is not valid YAML, or not shaped as a stack file.</exception>
    public static StackConfigFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = File.ReadAllText(path);
        var name = System.IO.Path.GetFileName(path);
        var stack = name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal)
            ? name["Pulumi.".Length..^".yaml".Length]
            : System.IO.Path.GetFileNameWithoutExtension(name);
        return Parse(name, stack, text, path);
    }

    /// <summary>Reads a stack file's text; <paramref name="fileName"/> names it in messages.</summary>
    /// <exception cref="StackFileException">The text is not valid YAML, or not shaped as a stack file.</exception>
    public static StackConfigFile Parse(string fileName, string stackName, string text, string? path = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var config = CheckStructure(fileName, text);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (config is not null)
        {
            foreach (var (key, value) in config.Children)
            {
                Flatten(fileName, ((YamlScalarNode)key).Value!, value, values);
            }
        }

        return new StackConfigFile(path ?? fileName, stackName, new ConfigSnapshot(fileName, values));
    }

    // The flat IConfiguration keys of a YAML value, as a YAML configuration provider spells them: maps by key,
    // sequences by index, a plain null ('~', 'null') as not set; a 'secure:' leaf becomes a marker at its parent.
    private static void Flatten(string fileName, string path, YamlNode node, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode { Value: { } scalar } ? scalar : key.ToString();
                    Flatten(fileName, $"{path}:{name}", value, values);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten(fileName, string.Create(CultureInfo.InvariantCulture, $"{path}:{i}"), sequence.Children[i], values);
                }

                break;
            case YamlScalarNode scalar when scalar.Style == ScalarStyle.Plain && scalar.Value is "~" or "null" or "Null" or "NULL" or "":
                break;
            case YamlScalarNode when path.EndsWith(":secure", StringComparison.OrdinalIgnoreCase):
                var secretPath = path[..^":secure".Length];
                values[secretPath] = SecretSetting.Marker(secretPath);
                break;
            case YamlScalarNode scalar:
                if (!values.TryAdd(path, scalar.Value))
                {
                    throw new StackFileException($"{fileName}:{scalar.Start.Line}:{scalar.Start.Column}: the key '{path.Replace(':', '.')}' is set twice.");
                }

                break;
        }
    }

    private static YamlMappingNode? CheckStructure(string fileName, string text)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            var problem = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            throw new StackFileException($"{fileName}:{ex.Start.Line}:{ex.Start.Column}: {Sentence(problem)}", ex);
        }

        if (yaml.Documents.Count == 0)
        {
            return null;
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = yaml.Documents[0].RootNode;
            throw new StackFileException($"{fileName}:{node.Start.Line}:{node.Start.Column}: a stack file must be a YAML map with a 'config:' key.");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var config) || config is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (config is not YamlMappingNode map)
        {
            throw new StackFileException($"{fileName}:{config.Start.Line}:{config.Start.Column}: 'config' must be a map of '<namespace>:<key>' settings.");
        }

        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !name.Contains(':', StringComparison.Ordinal))
            {
                throw new StackFileException(
                    $"{fileName}:{key.Start.Line}:{key.Start.Column}: config key '{key}' has no namespace. Pulumi config keys are '<namespace>:<key>', such as 'mlops:{key}'.");
            }
        }

        return map;
    }

    private static string Sentence(string problem)
    {
        var trimmed = problem.Trim();
        var start = trimmed.IndexOf("): ", StringComparison.Ordinal);
        if (trimmed.StartsWith("(Line:", StringComparison.Ordinal) && start > 0)
        {
            trimmed = trimmed[(start + 3)..];
        }

        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }
}
