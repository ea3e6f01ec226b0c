using Infra.Components.Tests.Harness;
using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Stacks;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Components.Tests.ObjectStore;

public sealed class ExternalObjectStoreTests
{
    [Fact]
    public async Task ExternalStore_RegistersExactlyThePlanWithTheConfiguredKeysAsSecrets()
    {
        var dev = StackFiles.Options("dev");
        var identities = ObjectStoreSpec.For(dev).Identities.Select((identity, i) => new ObjectStoreIdentityOptions
        {
            Name = identity.Name,
            AccessKey = $"AK-{identity.Name}",
            SecretKey = new SecretSetting("mlops:platform", $"objectStore.identities[{i}].secretKey"),
        }).ToArray();
        var options = dev with { Platform = dev.Platform! with { ObjectStore = new ExternalObjectStoreOptions { Endpoint = "https://s3.example.com", Identities = identities } } };
        IDictionary<string, object?>? outputs = null;

        var run = await StackRun.RunAsync(() => outputs = StackComposer.Deploy(options, TestSecrets.Create().Object));

        PlanComparison.AssertMatches(StackPlanner.Plan("dev", options), run, options);
        Assert.DoesNotContain(run.Registrations, r => r.Type == "infra:ml:ObjectStore");
        var mlflow = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", "mlflow-s3")["stringData"], exactMatch: false);
        Assert.Equal("AK-mlflow", mlflow["AWS_ACCESS_KEY_ID"]);
        Assert.Equal(TestSecrets.ValueOf("mlops:platform.objectStore.identities[0].secretKey"), mlflow["AWS_SECRET_ACCESS_KEY"]);
        Assert.Equal("https://s3.example.com", await OutputUtilities.GetValueAsync((Output<string>)outputs!["objectStoreEndpoint"]!));
        Assert.False(outputs.ContainsKey("objectStoreConsole"));
    }
}
