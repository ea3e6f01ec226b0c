using System.Reflection;
using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Gpu;
using Infra.Model.Stacks;
using Infra.Model.Teams;

namespace Infra.Model.Tests.Configuration;

public sealed partial class ErrorCodeTests
{
    [Fact]
    public void Codes_AreUniqueWellFormedAndStateTheirRule()
    {
        var codes = ErrorCode.All;
        Assert.True(codes.Length > 100, $"only {codes.Length} codes were found");
        Assert.Equal(codes.Length, codes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c =>
        {
            Assert.Matches(CodePattern(), c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.Key), c.Code);
            Assert.EndsWith(".", c.Rule, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void EveryCatalogue_HoldsOnlyCodes()
    {
        var catalogues = typeof(ErrorCode).Assembly.GetCustomAttributes<ErrorCatalogueAttribute>().Select(a => a.Type).ToArray();
        Assert.Equal(
            ["BackupErrors", "CommonErrors", "FeastErrors", "GpuErrors", "KubeflowErrors", "KubernetesErrors", "MirrorErrors", "MonitoringErrors", "NetworkErrors", "ObjectStoreErrors", "PostgresErrors", "RedisErrors", "ServingErrors", "StackErrors", "StackFileErrors", "StorageErrors", "TanzuErrors", "TeamErrors", "VeleroErrors", "VsphereErrors"],
            catalogues.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(catalogues.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)), f => Assert.Equal(typeof(ErrorCode), f.FieldType));
        var declared = typeof(ErrorCode).Assembly.GetTypes().Where(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Any(f => f.FieldType == typeof(ErrorCode)));
        Assert.Equal(declared.Select(t => t.Name).Order(StringComparer.Ordinal), catalogues.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnError_CarriesItsRulesCode_AndPrintsIt()
    {
        var error = Assert.Single(TestConfig.Load(("mlops:gpu", "\n    mode: passthrough\n    model: h100\n    hosts:\n      - name: esx-gpu-01.example.com\n        gpus: 2")).Errors);

        Assert.Same(GpuErrors.UnknownModel, error.Code);
        Assert.StartsWith("MLOPS0310 mlops:gpu.model 'h100' is not a known GPU model.", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void BindingAndFileErrors_HaveCodesToo()
    {
        Assert.Same(CommonErrors.UnknownKey, Assert.Single(TestConfig.Load(("mlops:gpuz", "1")).Errors).Code);
        var file = Assert.Throws<StackFileException>(() => StackConfigFile.Parse("Pulumi.x.yaml", "x", "config:\n  mlops:a: 1\n---\nconfig: {}\n"));
        Assert.Same(StackFileErrors.SecondDocument, file.Code);
        Assert.StartsWith("MLOPS0037 Pulumi.x.yaml:", file.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TakesAnyCase_AndUnknownIsNull()
    {
        Assert.Same(TeamErrors.Owner, ErrorCode.Find(" mlops1502 "));
        Assert.Null(ErrorCode.Find("MLOPS9999"));
    }

    [Fact]
    public void TheCatalogueDocument_IsDocsErrorsMd()
    {
        var path = Path.Combine(Golden.GoldenTests.RepositoryRoot(), "docs", "errors.md");
        var expected = ErrorCode.Markdown();
        if (Environment.GetEnvironmentVariable(Golden.GoldenTests.UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected, "docs/errors.md is not the model's error catalogue. Run tests/update-golden.sh and commit it.");
        Assert.Contains("| MLOPS0310 | `mlops:gpu.model` | The GPU model is one the catalog knows. |", expected, StringComparison.Ordinal);
    }

    [GeneratedRegex("\\AMLOPS[0-9]{4}\\z")]
    private static partial Regex CodePattern();
}
