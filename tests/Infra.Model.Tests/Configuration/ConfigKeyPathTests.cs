using CsCheck;
using Infra.Model.Configuration;

namespace Infra.Model.Tests.Configuration;

public sealed class ConfigKeyPathTests
{
    [Theory]
    [InlineData("mlops:environment", "mlops:environment")]
    [InlineData("mlops:gpu:hosts:0:name", "mlops:gpu.hosts[0].name")]
    [InlineData("mlops:tanzu:nodePools:12:containerdVolume", "mlops:tanzu.nodePools[12].containerdVolume")]
    public void ToPulumi_SpellsPathsAsPulumiConfigSetPathTakesThem(string configurationPath, string expected)
    {
        Assert.Equal(expected, ConfigKeyPath.ToPulumi(configurationPath));
    }

    [Fact]
    public void SetCommand_QuotesBracketsAndAddsPathAndSecretFlags()
    {
        Assert.Equal("pulumi config set --secret --path \"mlops:teams[0].token\" <value>", ConfigKeyPath.SetCommand("mlops:teams:0:token", "<value>", secret: true));
        Assert.Equal("pulumi config set mlops:environment dev", ConfigKeyPath.SetCommand("mlops:environment", "dev"));
    }

    [Fact]
    public void Distance_IsAMetricThatCountsASwapAsOneEdit()
    {
        Assert.Equal(1, Suggestions.Distance("datacentre", "datacenter"));
        Gen.String[Gen.Char['a', 'e'], 0, 8].Select(Gen.String[Gen.Char['a', 'e'], 0, 8]).Sample((a, b) =>
            Suggestions.Distance(a, b) == Suggestions.Distance(b, a)
            && (Suggestions.Distance(a, b) == 0) == (a == b)
            && Suggestions.Distance(a, b) <= Math.Max(a.Length, b.Length));
    }

    [Fact]
    public void Closest_FarFromEverything_SuggestsNothing()
    {
        Assert.Null(Suggestions.Closest("flavour", ["namespace", "release", "controlPlane", "nodePools"]));
        Assert.Equal("computeCluster", Suggestions.Closest("computecluser", ["datacenter", "computeCluster"]));
    }

    [Theory]
    [InlineData("mlops:gpu.hosts[0].gpus", "mlops:gpu:hosts:0:gpus")]
    [InlineData("mlops:environment", "mlops:environment")]
    [InlineData("vsphere:password", "vsphere:password")]
    public void FromPulumi_IsToPulumisInverse(string key, string path)
    {
        Assert.Equal(path, ConfigKeyPath.FromPulumi(key));
        Assert.Equal(key, ConfigKeyPath.ToPulumi(path));
    }

    [Fact]
    public void ForStack_NamesTheStackInEveryFixCommandOnce()
    {
        Assert.Equal(
            "x 'y'. Set it with 'pulumi config set --stack qa --path mlops:a.b 1', or 'pulumi config rm --stack qa mlops:c'; 'pulumi config set --stack prod mlops:d 2'.",
            ConfigKeyPath.ForStack("x 'y'. Set it with 'pulumi config set --path mlops:a.b 1', or 'pulumi config rm mlops:c'; 'pulumi config set --stack prod mlops:d 2'.", "qa"));
    }
}
