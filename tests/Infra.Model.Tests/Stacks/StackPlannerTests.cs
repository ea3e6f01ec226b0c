using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Stacks;

public sealed class StackPlannerTests
{
    [Fact]
    public void Plan_DevStack_LooksUpThePlacementAndCreatesFolderAndVgpuClass()
    {
        var plan = StackPlanner.Plan("dev", PlatformConfiguration.Load(StackConfigFile.Load(TestConfig.StackFile("dev")).Snapshot).ValidOptions());

        const string Foundation = "infra:stacks:Foundation::foundation";
        const string VmClass = "infra:vsphere:GpuVmClass::vgpu-a100d-20c";
        Assert.Equal(
        [
            "component infra:stacks:Foundation::foundation parent=-",
            "component infra:stacks:Platform::platform parent=-",
            $"component {VmClass} parent={Foundation}",
            $"dataSource vsphere:index/getComputeCluster:getComputeCluster::compute-cluster parent={Foundation}",
            $"dataSource vsphere:index/getDatacenter:getDatacenter::datacenter parent={Foundation}",
            $"dataSource vsphere:index/getDatastore:getDatastore::datastore parent={Foundation}",
            $"dataSource vsphere:index/getHost:getHost::host-esx-gpu-01.lab.example.com parent={Foundation}",
            $"dataSource vsphere:index/getHostVgpuProfile:getHostVgpuProfile::vgpu-profiles-esx-gpu-01.lab.example.com parent={VmClass}",
            $"dataSource vsphere:index/getNetwork:getNetwork::network parent={Foundation}",
            $"dataSource vsphere:index/getVirtualMachine:getVirtualMachine::template parent={Foundation}",
            $"resource vsphere:index/folder:Folder::vm-folder parent={Foundation}",
            $"resource vsphere:index/virtualMachineClass:VirtualMachineClass::vgpu-a100d-20c parent={VmClass}",
        ], plan.Nodes.Select(n => $"{Kind(n.Kind)} {n.Id} parent={n.Parent ?? "-"}").Order(StringComparer.Ordinal));
        var folder = plan["vsphere:index/folder:Folder::vm-folder"];
        Assert.Equal(PlanValue.Of("mlops-dev"), folder.Inputs["path"]);
        Assert.Equal(PlanValue.Of("vm"), folder.Inputs["type"]);
        Assert.Equal(PlanValue.Output("vsphere:index/getDatacenter:getDatacenter::datacenter", "id"), folder.Inputs["datacenterId"]);
        Assert.Equal(PlanValue.Of("dc-lab"), plan["vsphere:index/getDatacenter:getDatacenter::datacenter"].Inputs["name"]);
        Assert.Equal(4, plan.WaveCount);
    }

    [Fact]
    public void Plan_ConfiguredFolder_IsUsedAsIs()
    {
        var plan = StackPlanner.Plan("prod", PlatformConfiguration.Load(StackConfigFile.Load(TestConfig.StackFile("prod")).Snapshot).ValidOptions());

        Assert.Equal(PlanValue.Of("mlops/prod"), plan["vsphere:index/folder:Folder::vm-folder"].Inputs["path"]);
    }

    [Fact]
    public void Plan_PlatformOnlyStack_HasNoFoundation()
    {
        var options = TestConfig.Load(("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/dev")).ValidOptions();

        Assert.Equal(["infra:stacks:Platform::platform"], StackPlanner.Plan("team", options).Nodes.Select(n => n.Id));
    }

    [Fact]
    public void Plan_FoundationOnlyStack_HasNoPlatform()
    {
        var options = TestConfig.Load(("mlops:layers", "foundation")).ValidOptions();

        Assert.DoesNotContain(StackPlanner.Plan("infra", options).Nodes, n => n.Type == StackTokens.Platform);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Plan_SameConfigTwice_GivesIdenticalJson(string stack)
    {
        string Render() => PlanJson.Write(StackPlanner.Plan(stack, PlatformConfiguration.Load(StackConfigFile.Load(TestConfig.StackFile(stack)).Snapshot).ValidOptions()));

        Assert.Equal(Render(), Render());
    }

    private static string Kind(PlanNodeKind kind) => kind switch
    {
        PlanNodeKind.Component => "component",
        PlanNodeKind.DataSource => "dataSource",
        _ => "resource",
    };
}
