using Infra.Components.Tests.Harness;
using Infra.Model.Configuration;
using Infra.Model.Stacks;
using Infra.Stacks;

namespace Infra.Components.Tests.Stacks;

public sealed class StackComposerTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task ShippedStack_RegistersExactlyThePlan(string stack)
    {
        var options = StackFiles.Options(stack);

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), stack);

        PlanComparison.AssertMatches(StackPlanner.Plan(stack, options), run, options);
    }

    [Fact]
    public async Task RestoringStack_RegistersExactlyThePlan_WithGitlabsKeysAsASecret()
    {
        var prod = StackFiles.Options("prod");
        var options = prod with
        {
            Platform = prod.Platform! with
            {
                Backup = prod.Platform.Backup! with { Generation = 2 },
                Restore = new Model.Options.RestoreOptions { PointInTime = "2026-12-02T23:00:00Z", GitlabRailsSecret = SecretSetting.Parse("mlops:platform.restore.gitlabRailsSecret") },
            },
        };

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "prod");

        PlanComparison.AssertMatches(StackPlanner.Plan("prod", options), run, options);
        Assert.Contains(run.Registrations, r => r.Id == "kubernetes:batch/v1:Job::gitlab-restore");
        Assert.Contains(run.Registrations, r => r.Id == "kubernetes:rbac.authorization.k8s.io/v1:Role::gitlab-restore");
    }

    [Fact]
    public async Task OfflineStack_RegistersExactlyThePlan_ChartsAndUnitsFromTheSitesMirrors()
    {
        var prod = StackFiles.Options("prod");
        var options = prod with
        {
            Platform = prod.Platform! with
            {
                Mirrors = new Model.Options.MirrorsOptions { Charts = "oci://harbor.prod.example.com/charts", KubeflowManifests = "https://git.prod.example.com/mirror/kubeflow-manifests", Maven = "https://nexus.prod.example.com/maven" },
            },
        };

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "prod");

        PlanComparison.AssertMatches(StackPlanner.Plan("prod", options), run, options);
        Assert.Contains(run.Registrations, r => r.Id == "kubernetes:helm.sh/v3:Release::gitlab");
    }

    [Fact]
    public async Task PassthroughStack_RegistersExactlyThePlan()
    {
        var options = StackFiles.Lab();

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "lab");

        PlanComparison.AssertMatches(StackPlanner.Plan("lab", options), run, options);
    }

    [Fact]
    public async Task PlatformOnlyStack_RegistersExactlyThePlan()
    {
        var options = StackFiles.Options("dev") with { Layers = Model.Options.DeploymentLayers.Platform, FoundationStack = "acme/mlops/dev" };

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "team");

        PlanComparison.AssertMatches(StackPlanner.Plan("team", options), run, options);
        Assert.Equal(
            ["infra:stacks:Platform::platform", "kubernetes:core/v1:Namespace::team-data-science", "kubernetes:core/v1:Secret::team-s3-data-science", "pulumi:providers:kubernetes::workload-cluster", "pulumi:pulumi:StackReference::acme/mlops/dev"],
            run.Registrations.Where(r => r.Parent is null || r.Parent == "infra:stacks:Platform::platform" && !r.Type.StartsWith("infra:ml:", StringComparison.Ordinal)).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(run.Registrations.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)), r => Assert.Equal("pulumi:providers:kubernetes::workload-cluster", r.Provider));
        Assert.Equal(EchoMocks.StackOutputOf("acme/mlops/dev", "kubeconfig"), run.InputsOf("pulumi:providers:kubernetes", "workload-cluster")["kubeconfig"]);
    }

    [Fact]
    public async Task Foundation_FolderGetsTheDatacenterIdFromTheLookUp()
    {
        var options = StackFiles.Options("dev");

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object));

        var folder = run.InputsOf("vsphere:index/folder:Folder", "vm-folder");
        Assert.Equal("dc-lab-id", folder["datacenterId"]);
        Assert.Equal("mlops-dev", folder["path"]);
        Assert.Equal("vm", folder["type"]);
        var datacenter = Assert.Single(run.Mocks.Calls, c => c.Token == "vsphere:index/getDatacenter:getDatacenter");
        Assert.Equal("dc-lab", datacenter.Args["name"]);
    }

    [Fact]
    public async Task Harness_ResourceTheModelDidNotPlan_FailsTheComparison()
    {
        var options = StackFiles.Options("dev");
        var run = await StackRun.RunAsync(() =>
        {
            var outputs = StackComposer.Deploy(options, TestSecrets.Create().Object);
            _ = new Pulumi.VSphere.Folder("stray", new Pulumi.VSphere.FolderArgs { Path = "x", Type = "vm" });
            return outputs;
        });

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PlanComparison.AssertMatches(StackPlanner.Plan("dev", options), run, options));
    }
}
