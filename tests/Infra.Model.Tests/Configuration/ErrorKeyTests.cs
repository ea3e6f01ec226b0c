namespace Infra.Model.Tests.Configuration;

public sealed class ErrorKeyTests
{
    [Theory]
    [InlineData("mlops:gpu.hosts[0].gpus", true)]
    [InlineData("mlops:teams[1].owner", true)]
    [InlineData("mlops:platform.kubeflow.gitlabSignIn.clientSecret", true)]
    [InlineData("vsphere:password", true)]
    [InlineData("mlops:gpu.hosts[0].gpuz", false)]
    [InlineData("mlops:team[1].owner", false)]
    public void SchemaKnows_APulumiSpelledKey_OnlyWhereItIsASetting(string key, bool known)
    {
        Assert.Equal(known, TestConfig.KnownKey(key));
    }

    [Fact]
    public void Errors_OfAConfigWithManyMistakes_NameOnlyKeysTheSchemaKnows()
    {
        // TestConfig.Load asserts it of every error; this config makes errors in several sections at once.
        var errors = TestConfig.Load(
            ("mlops:environment", "Dev_1"),
            ("mlops:teams", "\n    - name: a\n      owner: nobody\n      gpuQuota: -1\n    - owner: b@example.com"),
            ("mlops:gpu", "\n    mode: vgpu\n    hosts:\n      - name: esx1\n        gpus: -1")).Errors;

        Assert.True(errors.Length >= 5, string.Join("\n", errors.Select(e => e.Message)));
    }
}
