using System.Text.Json;
using Infra.Components.Configuration;
using Infra.Components.Tests.Harness;
using Infra.Model.Configuration;
using Infra.Stacks;
using Pulumi;

namespace Infra.Components.Tests.Configuration;

public sealed class PulumiConfigReaderTests : IDisposable
{
    public void Dispose()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", null);
    }

    [Fact]
    public async Task Load_RuntimeConfig_BindsTheSameOptionsAsTheStackFile()
    {
        SetConfig(DevConfig(), ["vsphere:password", "mlops:gpu", "mlops:tanzu"]);
        LoadedConfig? loaded = null;

        await StackRun.RunAsync(() =>
        {
            loaded = PulumiConfigReader.Load();
            return StackComposer.Deploy(loaded.ValidOptions(), new PulumiConfigSecrets());
        });

        Assert.NotNull(loaded);
        Assert.Empty(loaded.Errors);
        Assert.Equal(JsonSerializer.Serialize(StackFiles.Options("dev")), JsonSerializer.Serialize(loaded.Options));
        Assert.Equal(new SecretSetting("vsphere:password", string.Empty), loaded.Connection.Password);
        Assert.Equal(new SecretSetting("mlops:tanzu", "supervisorKubeconfig"), loaded.Options.Tanzu!.SupervisorKubeconfig);
        Assert.Equal(new SecretSetting("mlops:gpu", "operator.licenseToken"), loaded.Options.Gpu!.Operator!.LicenseToken);
    }

    [Fact]
    public async Task LoadValid_InvalidConfig_FailsTheUpdateWithEveryMessageAndRegistersNothing()
    {
        var config = DevConfig();
        config["mlops:maturity"] = "level7";
        config.Remove("mlops:environment");
        SetConfig(config, ["vsphere:password", "mlops:gpu", "mlops:tanzu"]);
        var mocks = new EchoMocks();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => Deployment.TestAsync(mocks, new Pulumi.Testing.TestOptions { ProjectName = "mlops", StackName = "dev" }, () => StackComposer.Deploy(PulumiConfigReader.LoadValid().Options, new PulumiConfigSecrets())));

        var text = ex is AggregateException aggregate ? string.Join("\n", aggregate.InnerExceptions.Select(e => e.Message)) : ex.Message;
        Assert.Contains("mlops:maturity 'level7' is not one of level0, level1, level2.", text, StringComparison.Ordinal);
        Assert.Contains("mlops:environment is required but not set", text, StringComparison.Ordinal);
        Assert.Empty(mocks.Resources);
    }

    [Fact]
    public async Task RequireSecret_NestedSecret_IsASecretOutputOfThePathsValue()
    {
        SetConfig(new Dictionary<string, string> { ["mlops:tanzu"] = """{"supervisor":{"kubeconfig":"apiVersion: v1"}}""" }, ["mlops:tanzu"]);
        string? value = null;
        Task<bool>? secret = null;

        await StackRun.RunAsync(() =>
        {
            var output = PulumiConfigReader.RequireSecret(new SecretSetting("mlops:tanzu", "supervisor.kubeconfig"));
            output.Apply(v => value = v);
            secret = Output.IsSecretAsync(output);
            return new Dictionary<string, object?>();
        });

        Assert.Equal("apiVersion: v1", value);
        Assert.True(await secret!);
    }

    /// <summary>Pulumi.dev.yaml as the engine hands it to the program: structured values as JSON, secrets decrypted.</summary>
    private static Dictionary<string, string> DevConfig() => new()
    {
        ["vsphere:server"] = "vcenter.lab.example.com",
        ["vsphere:user"] = "svc-pulumi@vsphere.local",
        ["vsphere:password"] = "decrypted",
        ["vsphere:allowUnverifiedSsl"] = "true",
        ["mlops:environment"] = "dev",
        ["mlops:maturity"] = "level2",
        ["mlops:production"] = "false",
        ["mlops:vsphere"] = """{"datacenter":"dc-lab","computeCluster":"gpu-cluster","datastore":"vsan-lab","network":"vm-ml-dev","template":"ubuntu-2204-cloudimg"}""",
        ["mlops:gpu"] = """{"mode":"vgpu","model":"a100-80gb","profile":"grid_a100d-20c","hosts":[{"name":"esx-gpu-01.lab.example.com","gpus":2}],"operator":{"driverRepository":"nvcr.io/nvaie","driverVersion":"580.82.07","pullSecret":"{\"auths\":{}}","licenseToken":"decrypted-token"}}""",
        ["mlops:storage"] = """{"tiers":[{"name":"standard"}],"defaultTier":"standard"}""",
        ["mlops:tanzu"] = """{"supervisorId":"domain-c8","supervisorKubeconfig":"apiVersion: v1","controlPlane":{"replicas":1},"nodePools":[{"name":"cpu","replicas":2},{"name":"gpu","replicas":1,"gpu":true}]}""",
        ["mlops:platform"] = """{"ingress":{"domain":"mlops-dev.example.com"},"minio":{"storage":"100Gi"},"gitlab":{"memory":"8Gi"}}""",
        ["mlops:teams"] = """[{"name":"data-science","owner":"ds-lead@example.com","gpuQuota":1}]""",
    };

    private static void SetConfig(Dictionary<string, string> config, string[] secretKeys)
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", JsonSerializer.Serialize(secretKeys));
    }
}
