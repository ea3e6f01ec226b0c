using System.Text;
using Microsoft.Extensions.Configuration;
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
        CheckStructure(fileName, text);

        IConfiguration raw;
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            raw = new ConfigurationBuilder().AddYamlStream(stream).Build();
        }
        catch (FormatException ex)
        {
            throw new StackFileException($"{fileName}: {ex.Message}", ex);
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        const string Prefix = "config:";
        foreach (var (key, value) in raw.GetSection("config").AsEnumerable())
        {
            if (!key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || value is null)
            {
                continue;
            }

            var configKey = key[Prefix.Length..];
            if (configKey.EndsWith(":secure", StringComparison.OrdinalIgnoreCase))
            {
                var secretPath = configKey[..^":secure".Length];
                values[secretPath] = SecretSetting.Marker(secretPath);
            }
            else
            {
                values[configKey] = value;
            }
        }

        return new StackConfigFile(path ?? fileName, stackName, new ConfigSnapshot(fileName, values));
    }

    private static void CheckStructure(string fileName, string text)
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
            return;
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = yaml.Documents[0].RootNode;
            throw new StackFileException($"{fileName}:{node.Start.Line}:{node.Start.Column}: a stack file must be a YAML map with a 'config:' key.");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var config) || config is YamlScalarNode { Value: null or "" })
        {
            return;
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
