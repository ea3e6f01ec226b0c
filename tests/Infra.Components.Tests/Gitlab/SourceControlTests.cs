using Infra.Components.Tests.Harness;
using Infra.Model.Gitlab;
using Infra.Stacks;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Gitlab;

public sealed class SourceControlTests
{
    [Fact]
    public async Task Outputs_AreTheUrlAndTheGeneratedRootPasswordAsASecret()
    {
        IDictionary<string, object?>? outputs = null;

        var run = await StackRun.RunAsync(() => outputs = StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        Assert.Equal("http://gitlab.mlops-dev.example.com", await OutputUtilities.GetValueAsync((Output<string>)outputs!["gitlabUrl"]!));
        var password = (Output<string>)outputs["gitlabRootPassword"]!;
        Assert.True(await Output.IsSecretAsync(password));
        Assert.Equal(EchoMocks.PasswordOf("gitlab-root-password"), await OutputUtilities.GetValueAsync(password));
        var root = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", GitlabSpec.RootPasswordSecret)["stringData"], exactMatch: false);
        Assert.Equal(EchoMocks.PasswordOf("gitlab-root-password"), root["password"]);
    }

    [Fact]
    public async Task StorageSecret_HoldsTheConfigurationsWithGitlabsGeneratedKey()
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var storage = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", GitlabSpec.StorageSecret)["stringData"], exactMatch: false);
        var key = EchoMocks.PasswordOf("gitlab-minio-password");
        Assert.Equal(["connection", "registry", "s3cfg"], storage.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains($"aws_secret_access_key: {key}\n", (string)storage["connection"], StringComparison.Ordinal);
        Assert.Contains($"  secretkey: {key}\n", (string)storage["registry"], StringComparison.Ordinal);
        Assert.Contains($"secret_key = {key}\n", (string)storage["s3cfg"], StringComparison.Ordinal);
    }
}
