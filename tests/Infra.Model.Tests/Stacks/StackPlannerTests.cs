using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Stacks;

public sealed class StackPlannerTests
{
    [Fact]
    public void Plan_DevStack_RegistersFoundationClusterAndGpuOperatorWithTheirProviders()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));

        const string Foundation = "infra:stacks:Foundation::foundation";
        const string Cluster = "infra:tanzu:WorkloadCluster::mlops-dev";
        const string Operator = "infra:gpu:GpuOperator::gpu-operator";
        const string Supervisor = "pulumi:providers:kubernetes::supervisor";
        const string Workload = "pulumi:providers:kubernetes::workload-cluster";
        Assert.Equal(
        [
            $"component infra:gpu:GpuOperator::gpu-operator parent={Foundation} provider=-",
            "component infra:stacks:Foundation::foundation parent=- provider=-",
            "component infra:stacks:Platform::platform parent=- provider=-",
            $"component infra:tanzu:WorkloadCluster::mlops-dev parent={Foundation} provider=-",
            $"component infra:vsphere:GpuVmClass::mlops-dev-vgpu-a100d-20c parent={Foundation} provider=-",
            $"dataSource vsphere:index/getComputeCluster:getComputeCluster::compute-cluster parent={Foundation} provider=default",
            $"dataSource vsphere:index/getDatacenter:getDatacenter::datacenter parent={Foundation} provider=default",
            $"dataSource vsphere:index/getDatastore:getDatastore::datastore parent={Foundation} provider=default",
            $"dataSource vsphere:index/getHost:getHost::host-esx-gpu-01.lab.example.com parent={Foundation} provider=default",
            "dataSource vsphere:index/getHostVgpuProfile:getHostVgpuProfile::vgpu-profiles-esx-gpu-01.lab.example.com parent=infra:vsphere:GpuVmClass::mlops-dev-vgpu-a100d-20c provider=default",
            $"dataSource vsphere:index/getNetwork:getNetwork::network parent={Foundation} provider=default",
            $"dataSource vsphere:index/getTag:getTag::tag-standard parent={Foundation} provider=default",
            $"dataSource vsphere:index/getTagCategory:getTagCategory::tag-category-mlops-storage-tier parent={Foundation} provider=default",
            $"dataSource vsphere:index/getVirtualMachine:getVirtualMachine::template parent={Foundation} provider=default",
            $"read kubernetes:core/v1:Secret::mlops-dev-kubeconfig parent={Cluster} provider={Supervisor}",
            $"resource kubernetes:cluster.x-k8s.io/v1beta1:Cluster::mlops-dev parent={Cluster} provider={Supervisor}",
            $"resource kubernetes:core/v1:Namespace::gpu-operator parent={Operator} provider={Workload}",
            $"resource kubernetes:core/v1:Namespace::team-data-science parent=infra:stacks:Platform::platform provider={Workload}",
            $"resource kubernetes:core/v1:Secret::gpu-operator-licensing parent={Operator} provider={Workload}",
            $"resource kubernetes:core/v1:Secret::nvidia-registry parent={Operator} provider={Workload}",
            $"resource kubernetes:core/v1:Secret::team-s3-data-science parent=infra:stacks:Platform::platform provider={Workload}",
            $"resource kubernetes:helm.sh/v3:Release::gpu-operator parent={Operator} provider={Workload}",
            $"resource kubernetes:storage.k8s.io/v1:StorageClass::standard parent={Cluster} provider={Workload}",
            $"resource pulumi:providers:kubernetes::supervisor parent={Cluster} provider=-",
            $"resource pulumi:providers:kubernetes::workload-cluster parent={Cluster} provider=-",
            $"resource vsphere:index/folder:Folder::vm-folder parent={Foundation} provider=default",
            $"resource vsphere:index/namespace:Namespace::mlops-dev parent={Cluster} provider=default",
            "resource vsphere:index/virtualMachineClass:VirtualMachineClass::mlops-dev-vgpu-a100d-20c parent=infra:vsphere:GpuVmClass::mlops-dev-vgpu-a100d-20c provider=default",
            $"resource vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-standard parent={Foundation} provider=default",
        ], plan.Nodes.Where(n => !IsUnderPlatformService(plan, n)).Select(n => $"{Kind(n.Kind)} {n.Id} parent={n.Parent ?? "-"} provider={n.Provider ?? "-"}").Order(StringComparer.Ordinal));
        var folder = plan["vsphere:index/folder:Folder::vm-folder"];
        Assert.Equal(PlanValue.Of("mlops-dev"), folder.Inputs["path"]);
        Assert.Equal(PlanValue.Of("vm"), folder.Inputs["type"]);
        Assert.Equal(PlanValue.Output("vsphere:index/getDatacenter:getDatacenter::datacenter", "id"), folder.Inputs["datacenterId"]);
        Assert.Equal(PlanValue.Of("dc-lab"), plan["vsphere:index/getDatacenter:getDatacenter::datacenter"].Inputs["name"]);
        Assert.Equal(14, plan.WaveCount);
    }

    [Fact]
    public void Plan_ConfiguredFolder_IsUsedAsIs()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));

        Assert.Equal(PlanValue.Of("mlops/prod"), plan["vsphere:index/folder:Folder::vm-folder"].Inputs["path"]);
    }

    [Fact]
    public void Plan_PlatformOnlyStack_ReadsTheClusterFromItsFoundationStack()
    {
        var options = TestConfig.Load(("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/dev")).ValidOptions();

        var plan = StackPlanner.Plan("team", options);

        Assert.Equal(
            ["infra:stacks:Platform::platform", "pulumi:providers:kubernetes::workload-cluster", "pulumi:pulumi:StackReference::acme/mlops/dev"],
            plan.Nodes.Where(n => !IsUnderPlatformService(plan, n)).Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(PlanValue.StackOutput("pulumi:pulumi:StackReference::acme/mlops/dev", "kubeconfig"), plan["pulumi:providers:kubernetes::workload-cluster"].Inputs["kubeconfig"]);
        Assert.Equal(PlanNodeKind.Read, plan["pulumi:pulumi:StackReference::acme/mlops/dev"].Kind);
    }

    [Fact]
    public void Plan_FoundationOnlyStack_HasNoPlatform()
    {
        var options = TestConfig.Load(("mlops:layers", "foundation")).ValidOptions();

        Assert.DoesNotContain(StackPlanner.Plan("infra", options).Nodes, n => n.Type == StackTokens.Platform);
    }

    [Fact]
    public void Plan_DevStack_HandsFeastsClientConfigurationAndASparkSampleToTheTeams()
    {
        var options = TestConfig.StackOptions("dev");

        var plan = StackPlanner.Plan("dev", options);

        Assert.Equal(["feast/feature_store.yaml", "spark/spark-pi.yaml"], plan.Handoffs.Select(h => h.Path));
        Assert.Equal(Infra.Model.Feast.FeastSpec.For(options)!.ClientConfig(), plan.Handoffs[0].Content);
        Assert.StartsWith("apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: spark-pi\n  namespace: spark-jobs\n", plan.Handoffs[1].Content, StringComparison.Ordinal);
        Assert.All(plan.Handoffs, h => Assert.StartsWith("For the teams: ", h.Purpose, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_FoundationOnlyStack_HandsNothingOff()
    {
        var options = TestConfig.Load(("mlops:layers", "foundation")).ValidOptions();

        Assert.Empty(StackPlanner.Plan("infra", options).Handoffs);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Plan_SameConfigTwice_GivesIdenticalJson(string stack)
    {
        string Render() => PlanJson.Write(StackPlanner.Plan(stack, TestConfig.StackOptions(stack)));

        Assert.Equal(Render(), Render());
    }

    // Platform services (infra:ml:*) have tests of their own.
    private static bool IsUnderPlatformService(Plan plan, PlanNode node) =>
        node.Type.StartsWith("infra:ml:", StringComparison.Ordinal) || (node.Parent is { } parent && IsUnderPlatformService(plan, plan[parent]));

    private static string Kind(PlanNodeKind kind) => kind switch
    {
        PlanNodeKind.Component => "component",
        PlanNodeKind.DataSource => "dataSource",
        PlanNodeKind.Read => "read",
        _ => "resource",
    };
}
