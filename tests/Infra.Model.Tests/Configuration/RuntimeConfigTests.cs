using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Model.Configuration;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Tests.Configuration;

public sealed class RuntimeConfigTests
{
    private const string Decrypted = "decrypted-s3cr3t";

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Load_StackFileAndPulumiRuntimeConfig_BindEqualOptions(string stack)
    {
        var file = StackConfigFile.Load(TestConfig.StackFile(stack));
        var (config, secretKeys) = AsPulumiWouldDeliver(File.ReadAllText(TestConfig.StackFile(stack)));

        var offline = PlatformConfiguration.Load(file.Snapshot);
        var runtime = PlatformConfiguration.Load(RuntimeConfig.Snapshot(config, secretKeys, PlatformConfiguration.Schemas));

        Assert.Empty(offline.Errors);
        Assert.Empty(runtime.Errors);
        Assert.Equal(JsonSerializer.Serialize(offline.Options), JsonSerializer.Serialize(runtime.Options));
        Assert.Equal(JsonSerializer.Serialize(offline.Connection), JsonSerializer.Serialize(runtime.Connection));
    }

    [Fact]
    public void Snapshot_DecryptedSecret_NeverReachesTheSnapshot()
    {
        var (config, secretKeys) = AsPulumiWouldDeliver(File.ReadAllText(TestConfig.StackFile("prod")));

        var snapshot = RuntimeConfig.Snapshot(config, secretKeys, PlatformConfiguration.Schemas);

        Assert.Contains("vsphere:password", secretKeys);
        Assert.DoesNotContain(snapshot.Values, kv => kv.Value?.Contains(Decrypted, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Load_SecretSettingFromANonSecretKey_IsReportedAsPlainText()
    {
        var config = new Dictionary<string, string>
        {
            ["vsphere:server"] = "vc",
            ["vsphere:user"] = "u",
            ["vsphere:password"] = "hunter2",
            ["mlops:environment"] = "dev",
            ["mlops:maturity"] = "level0",
            ["mlops:vsphere"] = """{"datacenter":"dc","computeCluster":"c","datastore":"d","network":"n"}""",
            ["mlops:layers"] = "platform",
            ["mlops:foundationStack"] = "acme/mlops/dev",
        };

        var loaded = PlatformConfiguration.Load(RuntimeConfig.Snapshot(config, new HashSet<string>(), PlatformConfiguration.Schemas));

        Assert.Equal(
            ["vsphere:password is a secret but is stored in plain text in the stack's Pulumi config. Remove it with 'pulumi config rm vsphere:password', then set it with 'pulumi config set --secret vsphere:password <value>'."],
            loaded.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Snapshot_OtherNamespaces_AreIgnored()
    {
        var snapshot = RuntimeConfig.Snapshot(
            new Dictionary<string, string> { ["aws:region"] = "eu-west-1", ["mlops:environment"] = "dev" },
            new HashSet<string>(),
            PlatformConfiguration.Schemas);

        Assert.Equal([KeyValuePair.Create("mlops:environment", (string?)"dev")], snapshot.Values);
    }

    /// <summary>
    /// What the engine hands a program for a stack file: scalars as strings, maps and lists as JSON (YAML numbers
    /// and booleans as JSON numbers and booleans), secure values decrypted and their keys listed as secret.
    /// </summary>
    private static (Dictionary<string, string> Config, HashSet<string> SecretKeys) AsPulumiWouldDeliver(string yaml)
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
            var json = ToJson(value, ref secret);
            config[name] = json is JsonValue v && v.TryGetValue<string>(out var s) ? s : json!.ToJsonString();
            if (secret)
            {
                secrets.Add(name);
            }
        }

        return (config, secrets);
    }

    private static JsonNode? ToJson(YamlNode node, ref bool secret)
    {
        switch (node)
        {
            case YamlMappingNode map when map.Children.Count == 1 && map.Children.ContainsKey(new YamlScalarNode("secure")):
                secret = true;
                return JsonValue.Create(Decrypted);
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map)
                {
                    obj[((YamlScalarNode)k).Value!] = ToJson(v, ref secret);
                }

                return obj;
            case YamlSequenceNode seq:
                var array = new JsonArray();
                foreach (var item in seq)
                {
                    array.Add(ToJson(item, ref secret));
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
