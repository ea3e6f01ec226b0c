using System.Text.Json;
using Infra.Model.Configuration;

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
        var (config, secretKeys) = PulumiRuntime.AsPulumiWouldDeliver(File.ReadAllText(TestConfig.StackFile(stack)), _ => Decrypted);

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
        var (config, secretKeys) = PulumiRuntime.AsPulumiWouldDeliver(File.ReadAllText(TestConfig.StackFile("prod")), _ => Decrypted);

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
}
