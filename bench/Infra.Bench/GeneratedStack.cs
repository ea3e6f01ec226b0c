using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Infra.Bench;

/// <summary>A stack file like another, with its teams replaced by <c>n</c> generated ones.</summary>
internal static class GeneratedStack
{
    public static void Write(string source, string target, int teams)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(source))
        {
            yaml.Load(reader);
        }

        var config = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        config.Children[new YamlScalarNode("mlops:teams")] = new YamlSequenceNode(Enumerable.Range(0, teams).Select(i => new YamlMappingNode(
            new YamlScalarNode("name"), new YamlScalarNode(string.Create(CultureInfo.InvariantCulture, $"team-{i:00000}")),
            new YamlScalarNode("owner"), new YamlScalarNode(string.Create(CultureInfo.InvariantCulture, $"lead-{i:00000}@example.com")),
            new YamlScalarNode("gpuQuota"), new YamlScalarNode((i % 3).ToString(CultureInfo.InvariantCulture)),
            new YamlScalarNode("cpuQuota"), new YamlScalarNode("8"),
            new YamlScalarNode("memoryQuota"), new YamlScalarNode("32Gi"))));
        using var writer = File.CreateText(target);
        yaml.Save(writer, assignAnchors: false);
    }
}
