using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Tests.Configuration;

public sealed class PlatformConfigurationTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Load_ShippedStackFiles_AreValid(string stack)
    {
        var loaded = PlatformConfiguration.Load(StackConfigFile.Load(TestConfig.StackFile(stack)).Snapshot);

        Assert.Empty(loaded.Errors);
        Assert.Equal(stack, loaded.Options.Environment);
        Assert.Equal(MaturityLevel.Level2, loaded.Options.Maturity);
    }

    [Fact]
    public void Load_ProdStackFile_BindsEveryBlock()
    {
        var options = TestConfig.StackOptions("prod");

        Assert.True(options.IsProduction);
        Assert.Equal("ml-prod-dsc", options.Vsphere!.DatastoreCluster);
        Assert.Equal(GpuMode.Vgpu, options.Gpu!.Mode);
        Assert.Equal(["esx-gpu-01.prod.example.com", "esx-gpu-02.prod.example.com", "esx-gpu-03.prod.example.com", "esx-gpu-04.prod.example.com"], options.Gpu.Hosts!.Select(h => h.Name));
        Assert.All(options.Gpu.Hosts!, h => Assert.Equal(4, h.Gpus));
        Assert.Equal(3, options.Tanzu!.ControlPlane!.Replicas);
        Assert.Equal(["cpu", "gpu"], options.Tanzu.NodePools!.Select(p => p.Name));
        Assert.True(options.Tanzu.NodePools![1].Gpu);
        Assert.Equal("2Ti", options.Platform!.Minio!.Storage);
        Assert.Equal(["fraud-detection", "recommendations"], options.Teams!.Select(t => t.Name));
    }

    [Fact]
    public void Load_MisspelledKeyWrongTypeAndMissingValue_ReportsAllThreeAtOnce()
    {
        var errors = TestConfig.Errors(
            ("mlops:vsphere", "\n    datacentre: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1"),
            ("mlops:gpu", "\n    mode: passthrough\n    model: a100-80gb\n    hosts:\n      - name: esx1\n        gpus: four"),
            ("mlops:environment", null));

        Assert.Equal(
        [
            "mlops:gpu.hosts[0].gpus 'four' is not a whole number. Set it with 'pulumi config set --path \"mlops:gpu.hosts[0].gpus\" <number>'.",
            "mlops:vsphere.datacentre is not a known setting. Did you mean 'mlops:vsphere.datacenter'? Known settings in mlops:vsphere: datacenter, computeCluster, datastore, datastoreCluster, network, resourcePool, folder, template, templateGuestId, contentLibrary. Remove it with 'pulumi config rm --path mlops:vsphere.datacentre'.",
            "mlops:vsphere.datacenter is required but not set: the vSphere datacenter to deploy into. Set it with 'pulumi config set --path mlops:vsphere.datacenter <value>'.",
            "mlops:environment is required but not set: the environment's name, a DNS label such as 'dev' or 'prod'. Set it with 'pulumi config set mlops:environment <value>'.",
        ], errors);
    }

    [Fact]
    public void Load_UnknownTopLevelKey_SuggestsClosestAndListsNamespace()
    {
        var errors = TestConfig.Errors(("mlops:maturty", "level1"));

        Assert.Equal(
            ["mlops:maturty is not a known setting. Did you mean 'mlops:maturity'? Known settings in namespace mlops: mlops:environment, mlops:maturity, mlops:production, mlops:deploy, mlops:layers, mlops:foundationStack, mlops:platformStack, mlops:teamStacks, mlops:vsphere, mlops:gpu, mlops:storage, mlops:tanzu, mlops:platform, mlops:teams. Remove it with 'pulumi config rm mlops:maturty'."],
            errors);
    }

    [Fact]
    public void Load_UnknownKeyWithNothingClose_HasNoSuggestion()
    {
        var errors = TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + "\n    flavour: large"));

        Assert.Equal(
            ["mlops:tanzu.flavour is not a known setting. Known settings in mlops:tanzu: supervisorId, supervisorKubeconfig, supervisor, clusterName, api, podCidr, serviceCidr, vmClasses, limits, namespace, release, controlPlane, nodePools. Remove it with 'pulumi config rm --path mlops:tanzu.flavour'."],
            errors);
    }

    [Fact]
    public void Load_OtherVsphereProviderKeys_AreLeftToTheProvider()
    {
        Assert.Empty(TestConfig.Errors(("vsphere:vimKeepAlive", "10")));
    }

    [Fact]
    public void Load_EnumOutOfRange_ListsChoices()
    {
        Assert.Equal(
            ["mlops:maturity 'level3' is not one of level0, level1, level2. Set it with 'pulumi config set mlops:maturity level0|level1|level2'."],
            TestConfig.Errors(("mlops:maturity", "level3")));
    }

    [Fact]
    public void Load_BooleanNotTrueOrFalse_IsReported()
    {
        Assert.Equal(
            ["mlops:production 'yes please' is not true or false. Set it with 'pulumi config set mlops:production true|false'."],
            TestConfig.Errors(("mlops:production", "yes please")));
    }

    [Fact]
    public void Load_MapWhereValueExpected_IsReported()
    {
        Assert.Equal(
            ["mlops:environment must be a single value, not a map or a list. Set it with 'pulumi config set mlops:environment <value>'."],
            TestConfig.Errors(("mlops:environment", "\n    name: dev")));
    }

    [Fact]
    public void Load_ValueWhereMapExpected_IsReported()
    {
        Assert.Equal(
            ["mlops:gpu 'vgpu' must be a map of settings (mode, model, profile, hosts, vms, vmClass, operator). See the configuration reference in README.md."],
            TestConfig.Errors(("mlops:gpu", "vgpu")));
    }

    [Fact]
    public void Load_MapWhereListExpected_IsReported()
    {
        Assert.Equal(
            ["mlops:teams must be a list, not a map. Write its entries as YAML list items ('- ...')."],
            TestConfig.Errors(("mlops:teams", "\n    fraud:\n      owner: a@example.com")));
    }

    [Theory]
    [InlineData("mlops:teams", "")]
    [InlineData("mlops:gpu", "\n    hosts:")]
    [InlineData("mlops:platform", "\n    mlflow:")]
    [InlineData("mlops:tanzu", TestConfig.Supervisor + "\n    vmClasses:")]
    public void Load_EmptyValues_MeanNotSet(string key, string block)
    {
        Assert.Empty(TestConfig.Errors((key, block)));
    }

    [Fact]
    public void Load_SecretInPlainText_IsReportedWithoutTheValue()
    {
        var errors = TestConfig.Errors(("vsphere:password", "hunter2"));

        Assert.Equal(
            ["vsphere:password is a secret but is stored in plain text in Pulumi.test.yaml. Remove it with 'pulumi config rm vsphere:password', then set it with 'pulumi config set --secret vsphere:password <value>'."],
            errors);
        Assert.DoesNotContain(errors, e => e.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EncryptedNonSecretSetting_CannotBePlannedOffline()
    {
        Assert.Equal(
            ["mlops:environment is encrypted, but it is not a secret setting, so it cannot be checked or planned offline. Set it in plain text with 'pulumi config set mlops:environment <value>'."],
            TestConfig.Errors(("mlops:environment", "\n    secure: v1:xyz")));
    }

    [Fact]
    public void Load_SecureValue_BindsAsSecretSettingAndNeverAsItsCiphertext()
    {
        var loaded = TestConfig.Load();

        Assert.Equal(new SecretSetting("vsphere:password", string.Empty), loaded.Connection.Password);
        Assert.DoesNotContain(TestConfig.Snapshot().Values, kv => kv.Value?.Contains("v1:abc", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ValidOptions_InvalidConfig_ThrowsWithEveryError()
    {
        var loaded = TestConfig.Load(("mlops:environment", "Dev"), ("mlops:maturity", "level9"));

        var ex = Assert.Throws<ConfigValidationException>(loaded.ValidOptions);
        Assert.Equal(2, ex.Errors.Length);
        Assert.StartsWith("The stack configuration has 2 errors:", ex.Message, StringComparison.Ordinal);
    }
}
