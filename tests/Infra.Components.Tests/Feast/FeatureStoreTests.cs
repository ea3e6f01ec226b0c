using Infra.Components.Tests.Harness;
using Infra.Stacks;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Feast;

public sealed class FeatureStoreTests
{
    [Fact]
    public async Task Outputs_AreTheOnlineServerAndTheRegistryWithoutCredentials()
    {
        IDictionary<string, object?>? outputs = null;

        await StackRun.RunAsync(() => outputs = StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var online = (Output<string>)outputs!["feastOnlineUrl"]!;
        var registry = (Output<string>)outputs["feastRegistry"]!;
        Assert.Equal("http://feast-mlops-online.feast.svc.cluster.local", await OutputUtilities.GetValueAsync(online));
        Assert.Equal("postgresql://mlops-postgres-rw.postgres.svc.cluster.local:5432/feast_registry", await OutputUtilities.GetValueAsync(registry));
        Assert.False(await Output.IsSecretAsync(online));
        Assert.False(await Output.IsSecretAsync(registry));
    }

    [Fact]
    public async Task Credentials_AreTheDatabaseRedisAndObjectStorePasswordsGeneratedForFeast()
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var credentials = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", "feast-credentials")["stringData"], exactMatch: false);
        var users = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", "valkey-users")["stringData"], exactMatch: false);
        var role = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", "feast-postgres")["stringData"], exactMatch: false);
        Assert.Equal(EchoMocks.PasswordOf("feast-postgres-password"), credentials["POSTGRES_PASSWORD"]);
        Assert.Equal(role["password"], credentials["POSTGRES_PASSWORD"]);
        Assert.Equal(EchoMocks.PasswordOf("redis-feast-password"), credentials["REDIS_PASSWORD"]);
        Assert.Equal(users["feast"], credentials["REDIS_PASSWORD"]);
        Assert.Equal(EchoMocks.PasswordOf("feast-minio-password"), credentials["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("feast", credentials["AWS_ACCESS_KEY_ID"]);
        Assert.Equal(["default", "feast", "gitlab"], users.Keys.Order(StringComparer.Ordinal).ToArray());
    }
}
