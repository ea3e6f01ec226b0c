using Infra.Components.Tests.Harness;
using Infra.Stacks;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Mlflow;

public sealed class ModelRegistryTests
{
    [Fact]
    public async Task Outputs_AreTheTrackingUrlAndTheAdminPasswordAsASecret()
    {
        IDictionary<string, object?>? outputs = null;

        var run = await StackRun.RunAsync(() => outputs = StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        Assert.Equal("http://mlflow.mlops-dev.example.com", await OutputUtilities.GetValueAsync((Output<string>)outputs!["mlflowUrl"]!));
        var password = (Output<string>)outputs["mlflowAdminPassword"]!;
        Assert.True(await Output.IsSecretAsync(password));
        var generated = await OutputUtilities.GetValueAsync(password);
        Assert.Equal(EchoMocks.PasswordOf("mlflow-admin-password"), generated);
        var data = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", "mlflow-admin")["stringData"], exactMatch: false);
        Assert.Equal(generated, data["password"]);
    }

    [Fact]
    public async Task StackOutputs_NameEveryServiceEndpointAndOnlyPasswordsAreSecret()
    {
        IDictionary<string, object?>? outputs = null;

        await StackRun.RunAsync(() => outputs = StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        Assert.Equal("http://minio.minio.svc.cluster.local", await OutputUtilities.GetValueAsync((Output<string>)outputs!["objectStoreEndpoint"]!));
        Assert.Equal("http://mlops-console.minio.svc.cluster.local:9090", await OutputUtilities.GetValueAsync((Output<string>)outputs["objectStoreConsole"]!));
        Assert.False(await Output.IsSecretAsync((Output<string>)outputs["objectStoreConsole"]!));
        Assert.False(await Output.IsSecretAsync((Output<string>)outputs["mlflowUrl"]!));
        Assert.Equal("mlops-postgres-rw.postgres.svc.cluster.local", await OutputUtilities.GetValueAsync((Output<string>)outputs["postgresHost"]!));
        Assert.Equal("valkey.redis.svc.cluster.local:6379", await OutputUtilities.GetValueAsync((Output<string>)outputs["redisAddress"]!));
        var root = (Output<string>)outputs["objectStoreRootPassword"]!;
        Assert.True(await Output.IsSecretAsync(root));
        Assert.Equal(EchoMocks.PasswordOf("minio-root-password"), await OutputUtilities.GetValueAsync(root));
    }

    [Fact]
    public async Task TeamUsers_GetTheirGeneratedPasswordInTheirNamespaceAndInTheJobsSecretOnly()
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var team = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", "team-mlflow-data-science")["stringData"], exactMatch: false);
        var passwords = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", Model.Mlflow.MlflowTeamUsers.PasswordsSecret)["stringData"], exactMatch: false);
        var generated = EchoMocks.PasswordOf("mlflow-team-data-science-password");
        Assert.Equal(("team-data-science", generated), (team["MLFLOW_TRACKING_USERNAME"], team["MLFLOW_TRACKING_PASSWORD"]));
        Assert.Equal(generated, passwords["data-science"]);
        Assert.Equal("data-science", ((IDictionary<string, object>)run.InputsOf("kubernetes:core/v1:Secret", "team-mlflow-data-science")["metadata"])["namespace"]);
    }
}
