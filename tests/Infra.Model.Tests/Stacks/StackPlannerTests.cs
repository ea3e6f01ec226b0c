using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Stacks;

public sealed class StackPlannerTests
{
    [Fact]
    public void Plan_DevStack_RegistersFoundationWithDatacenterAndFolderAndThePlatform()
    {
        var plan = StackPlanner.Plan("dev", PlatformConfiguration.Load(StackConfigFile.Load(TestConfig.StackFile("dev")).Snapshot).ValidOptions());

        Assert.Equal(
        [
            "component infra:stacks:Foundation::foundation parent=-",
            "component infra:stacks:Platform::platform parent=-",
            "dataSource vsphere:index/getDatacenter:getDatacenter::datacenter parent=infra:stacks:Foundation::foundation",
            "resource vsphere:index/folder:Folder::vm-folder parent=infra:stacks:Foundation::foundation",
        ], plan.Nodes.Select(n => $"{Kind(n.Kind)} {n.Id} parent={n.Parent ?? "-"}").Order(StringComparer.Ordinal));
        var folder = plan["vsphere:index/folder:Folder::vm-folder"];
        Assert.Equal(PlanValue.Of("mlops-dev"), folder.Inputs["path"]);
        Assert.Equal(PlanValue.Of("vm"), folder.Inputs["type"]);
        Assert.Equal(PlanValue.Output("vsphere:index/getDatacenter:getDatacenter::datacenter", "id"), folder.Inputs["datacenterId"]);
        Assert.Equal(PlanValue.Of("dc-lab"), plan["vsphere:index/getDatacenter:getDatacenter::datacenter"].Inputs["name"]);
        Assert.Equal(2, plan.WaveCount);
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
