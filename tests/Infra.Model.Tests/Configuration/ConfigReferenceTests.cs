using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

public sealed class ConfigReferenceTests
{
    [Fact]
    public void Readme_DocumentsEverySetting()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "README.md"));

        var undocumented = PlatformConfiguration.Schemas
            .SelectMany(s => s.Keys())
            .Where(key => !readme.Contains($"| `{key}` |", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Keys_SpellListsAndNestingAsTheReferenceDoes()
    {
        var keys = PlatformConfiguration.PlatformSchema.Keys().ToArray();

        Assert.Contains("mlops:gpu.hosts[].gpus", keys);
        Assert.Contains("mlops:tanzu.controlPlane.replicas", keys);
        Assert.Contains("mlops:platform.mlflow.enabled", keys);
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
