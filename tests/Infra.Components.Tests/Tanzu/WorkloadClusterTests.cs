using Infra.Components.Tests.Harness;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Stacks;
using Pulumi;

namespace Infra.Components.Tests.Tanzu;

public sealed class WorkloadClusterTests
{
    [Fact]
    public async Task TanzuKubernetesClusterWithCreatedTags_RegistersExactlyThePlan()
    {
        var dev = StackFiles.Options("dev");
        var options = dev with
        {
            Tanzu = dev.Tanzu! with { Api = TanzuClusterApi.TanzuKubernetesCluster, Limits = new NamespaceLimitsOptions { Cpu = "16" } },
            Storage = dev.Storage! with { CreateTags = true },
        };

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object));

        PlanComparison.AssertMatches(StackPlanner.Plan("dev", options), run, options);
        Assert.Contains(run.Registrations, r => r.Type == "kubernetes:run.tanzu.vmware.com/v1alpha3:TanzuKubernetesCluster");
        Assert.Contains(run.Registrations, r => r.Type == "vsphere:index/tag:Tag" && r.Name == "tag-standard");
    }

    [Fact]
    public async Task WorkloadProvider_IsBuiltFromTheKubeconfigReadBackFromTheSupervisor()
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var read = Assert.Single(run.Mocks.Resources, r => !string.IsNullOrEmpty(r.Id));
        Assert.Equal(("kubernetes:core/v1:Secret", "mlops-dev-kubeconfig", "mlops-dev/mlops-dev-kubeconfig"), (read.Type, read.Name, read.Id));
        Assert.Equal("pulumi:providers:kubernetes::supervisor", Assert.Single(run.Registrations, r => r.Name == "mlops-dev-kubeconfig").Provider);
        Assert.Equal(EchoMocks.KubeconfigOf("mlops-dev-kubeconfig"), run.InputsOf("pulumi:providers:kubernetes", "workload-cluster")["kubeconfig"]);
        Assert.Equal(TestSecrets.ValueOf("mlops:tanzu.supervisorKubeconfig"), run.InputsOf("pulumi:providers:kubernetes", "supervisor")["kubeconfig"]);
        Assert.All(run.Registrations.Where(r => r.Type.StartsWith("kubernetes:storage.k8s.io", StringComparison.Ordinal) || r.Parent == "infra:gpu:GpuOperator::gpu-operator"),
            r => Assert.Equal("pulumi:providers:kubernetes::workload-cluster", r.Provider));
    }

    [Fact]
    public async Task Kubeconfig_IsExportedOnlyAsASecret()
    {
        IDictionary<string, object?>? outputs = null;

        await StackRun.RunAsync(() => outputs = StackComposer.Deploy(StackFiles.Options("dev"), TestSecrets.Create().Object));

        var kubeconfig = (Output<string>)outputs!["kubeconfig"]!;
        Assert.True(await Output.IsSecretAsync(kubeconfig));
    }

    [Fact]
    public async Task Secrets_AreReadOnceEachFromTheSecretSource()
    {
        var secrets = TestSecrets.Create();

        await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("dev"), secrets.Object));

        secrets.Verify(s => s.Require(new Model.Configuration.SecretSetting("mlops:tanzu", "supervisorKubeconfig")), Moq.Times.Once());
        secrets.Verify(s => s.Require(new Model.Configuration.SecretSetting("mlops:gpu", "operator.licenseToken")), Moq.Times.Once());
        secrets.Verify(s => s.Require(new Model.Configuration.SecretSetting("mlops:gpu", "operator.pullSecret")), Moq.Times.Once());
        secrets.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProdCluster_AndNamespace_AreProtected()
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options("prod"), TestSecrets.Create().Object), "prod");

        Assert.True(Assert.Single(run.Registrations, r => r.Type == "kubernetes:cluster.x-k8s.io/v1beta1:Cluster").Protect);
        Assert.True(Assert.Single(run.Registrations, r => r.Type == "vsphere:index/namespace:Namespace").Protect);
        Assert.False(Assert.Single(run.Registrations, r => r.Id == "kubernetes:helm.sh/v3:Release::gpu-operator").Protect);
        Assert.True(Assert.Single(run.Registrations, r => r.Id == "kubernetes:helm.sh/v3:Release::minio-tenant").Protect);
    }
}
