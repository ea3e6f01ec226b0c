using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

public sealed class StackConfigFileTests
{
    [Fact]
    public void Parse_BrokenYaml_NamesFileLineAndColumn()
    {
        var ex = Assert.Throws<StackFileException>(() =>
            StackConfigFile.Parse("Pulumi.dev.yaml", "dev", "config:\n  mlops:environment: dev\n   bad: [\n"));

        Assert.Equal("Pulumi.dev.yaml:3:7: While scanning a plain scalar value, found invalid mapping.", ex.Message);
    }

    [Fact]
    public void Parse_DuplicateKey_NamesFileLineAndColumn()
    {
        var ex = Assert.Throws<StackFileException>(() =>
            StackConfigFile.Parse("Pulumi.dev.yaml", "dev", "config:\n  mlops:environment: dev\n  mlops:environment: prod\n"));

        Assert.StartsWith("Pulumi.dev.yaml:3:3: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("mlops:environment", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyWithoutNamespace_SaysHowPulumiSpellsKeys()
    {
        var ex = Assert.Throws<StackFileException>(() =>
            StackConfigFile.Parse("Pulumi.dev.yaml", "dev", "config:\n  environment: dev\n"));

        Assert.Equal("Pulumi.dev.yaml:2:3: config key 'environment' has no namespace. Pulumi config keys are '<namespace>:<key>', such as 'mlops:environment'.", ex.Message);
    }

    [Fact]
    public void Parse_ConfigNotAMap_IsReported()
    {
        var ex = Assert.Throws<StackFileException>(() => StackConfigFile.Parse("Pulumi.dev.yaml", "dev", "config:\n  - a\n"));

        Assert.Equal("Pulumi.dev.yaml:2:3: 'config' must be a map of '<namespace>:<key>' settings.", ex.Message);
    }

    [Fact]
    public void Parse_NestedValues_FlattenToConfigurationKeysAndSecureToMarkers()
    {
        var file = StackConfigFile.Parse("Pulumi.dev.yaml", "dev", "encryptionsalt: x\nconfig:\n  vsphere:password:\n    secure: v1:abc\n  mlops:gpu:\n    hosts:\n      - name: esx1\n        gpus: 2\n");

        Assert.Equal(["mlops:gpu:hosts:0:gpus", "mlops:gpu:hosts:0:name", "vsphere:password"], file.Snapshot.Values.Select(kv => kv.Key));
        Assert.Equal("2", file.Snapshot.Value("mlops:gpu:hosts:0:gpus"));
        Assert.DoesNotContain(file.Snapshot.Values, kv => kv.Value == "v1:abc");
    }

    [Fact]
    public void Load_StackName_ComesFromFileName()
    {
        Assert.Equal("prod", StackConfigFile.Load(TestConfig.StackFile("prod")).StackName);
    }
}
