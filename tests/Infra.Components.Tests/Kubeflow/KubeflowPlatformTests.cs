using Infra.Components.Tests.Harness;
using Infra.Model.Configuration;
using Infra.Model.Kubeflow;
using Infra.Model.Stacks;
using Infra.Stacks;
using Pulumi;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Kubeflow;

public sealed class KubeflowPlatformTests
{
    [Fact]
    public async Task SignIn_GetsTheGeneratedHashesPasswordsAndClientSecretOnly()
    {
        IDictionary<string, object?>? outputs = null;

        var run = await StackRun.RunAsync(() => outputs = StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var hashes = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", KubeflowSpec.PasswordHashesSecret)["stringData"], exactMatch: false);
        var users = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", KubeflowSpec.UserPasswordsSecret)["stringData"], exactMatch: false);
        var proxy = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", KubeflowSpec.ProxySecret)["stringData"], exactMatch: false);
        var admin = KubeflowSpec.PasswordName("admin@mlops-dev.example.com");
        Assert.Equal(EchoMocks.BcryptOf(admin), hashes["DEX_USER_0_HASH"]);
        Assert.Equal(EchoMocks.PasswordOf(admin), users["admin_at_mlops-dev.example.com"]);
        Assert.Equal(EchoMocks.PasswordOf(KubeflowPlanner.ClientSecretPassword), proxy["client-secret"]);
        Assert.Equal(EchoMocks.PasswordOf(KubeflowPlanner.CookieSecretPassword), proxy["cookie-secret"]);
        Assert.Equal("http://kubeflow.mlops-dev.example.com", await OutputUtilities.GetValueAsync((Output<string>)outputs!["kubeflowUrl"]!));
        Assert.Equal("kubeflow/dex", run.InputsOf("kubernetes:kustomize/v2:Directory", "dex")["directory"]);
        Assert.Equal("http://ml-pipeline.kubeflow.svc.cluster.local:8888", await OutputUtilities.GetValueAsync((Output<string>)outputs["kubeflowPipelinesUrl"]!));
        Assert.Equal("metadata-grpc-service.kubeflow.svc.cluster.local:8080", await OutputUtilities.GetValueAsync((Output<string>)outputs["mlMetadataEndpoint"]!));
        var database = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", PipelinesStores.ApiDatabaseSecret)["stringData"], exactMatch: false);
        var keys = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", PipelinesStores.StoreSecret)["stringData"], exactMatch: false);
        Assert.Equal(("kubeflow_pipelines", EchoMocks.PasswordOf("kubeflow-pipelines-postgres-password")), (database["username"], database["password"]));
        Assert.Equal(("kubeflow-pipelines", EchoMocks.PasswordOf("kubeflow-pipelines-minio-password")), (keys["accesskey"], keys["secretkey"]));
    }

    [Fact]
    public async Task SignIn_ThroughGitlab_GivesDexTheApplicationsSecretFromConfigAndRegistersAsPlanned()
    {
        var yaml = File.ReadAllText(StackFiles.PathOf("dev")).Replace(
            "    gitlab:\n      memory: 8Gi\n",
            "    gitlab:\n      memory: 8Gi\n    kubeflow:\n      gitlabSignIn:\n        clientId: 4f1c0a\n        clientSecret:\n          secure: v1:g\n        caCertificate: |\n          -----BEGIN CERTIFICATE-----\n          MIIBszCCAVmgAwIBAgIUQ2E=\n          -----END CERTIFICATE-----\n",
            StringComparison.Ordinal);
        var options = PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.dev.yaml", "dev", yaml).Snapshot).ValidOptions();

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object));

        var client = Assert.IsType<IDictionary<string, object>>(run.InputsOf("kubernetes:core/v1:Secret", KubeflowSpec.OidcClientSecret)["stringData"], exactMatch: false);
        Assert.Equal(TestSecrets.ValueOf("mlops:platform.kubeflow.gitlabSignIn.clientSecret"), client[GitlabSignIn.SecretVariable]);
        Assert.Contains("    clientID: 4f1c0a\n", KubeflowSpec.For(options)!.DexConfig(), StringComparison.Ordinal);
        Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2E=\n-----END CERTIFICATE-----\n", ((IDictionary<string, object>)run.InputsOf("kubernetes:core/v1:ConfigMap", GitlabSignIn.CaConfigMap)["data"])["ca.crt"]);
        PlanComparison.AssertMatches(StackPlanner.Plan("dev", options), run, options);
    }
}
