using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Vsphere;

namespace Infra.Model.Tests.Stacks;

/// <summary>Stacks cloned from one another share a vCenter: what each creates there under a vCenter-wide name is its own.</summary>
public sealed class VcenterNamesTests
{
    // The resources whose names are unique in a vCenter (or its datacenter), and the input that names each.
    private static readonly Dictionary<string, string> NamedBy = new(StringComparer.Ordinal)
    {
        [VsphereTokens.Folder] = "path",
        [VsphereTokens.VmStoragePolicy] = "name",
        [VsphereTokens.VirtualMachineClass] = "name",
        [VsphereTokens.Namespace] = "name",
        [VsphereTokens.TagCategory] = "name",
        [VsphereTokens.VirtualMachine] = "name",
    };

    [Theory]
    [InlineData("dev", "")]
    [InlineData("prod", "mlops:vsphere.folder, mlops:tanzu.namespace")]
    [InlineData("lab", "")]
    public void TwoEnvironmentsOfOneStack_OwnNoVcenterWideNameInCommon_OnceTheNamesSetInConfigDiffer(string stack, string settingsToChange)
    {
        var text = File.ReadAllText(TestConfig.StackFile(stack)).Replace("    tiers:\n", "    createTags: true\n    tiers:\n", StringComparison.Ordinal);
        var clone = text.Replace($"mlops:environment: {stack}", "mlops:environment: qa", StringComparison.Ordinal);

        // Only the environment changed: what config names outright still clashes, and the clash names its setting.
        var clashes = VcenterNames.Clashes(Plan("qa", clone), Plan(stack, text));
        Assert.Equal(settingsToChange, string.Join(", ", clashes.Select(c => c.Setting).Distinct()));

        // With those set apart as well, nothing is shared; every derived name carries the environment.
        clone = clone.Replace("    folder: mlops/prod\n", "    folder: mlops/qa\n", StringComparison.Ordinal).Replace("    namespace: mlops-prod\n", "    namespace: mlops-qa\n", StringComparison.Ordinal);
        var owned = VcenterNames.Of(Plan(stack, text));
        Assert.NotEmpty(owned);
        Assert.Empty(VcenterNames.Clashes(Plan("qa", clone), Plan(stack, text)));
        Assert.Equal(owned.Count, VcenterNames.Of(Plan("qa", clone)).Count);
        Assert.All(owned.Where(o => o.Setting is "mlops:environment" or "mlops:gpu.vmClass.name" or "mlops:storage.tiers[].tagCategory"), o => Assert.Contains(stack, o.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void ALookedUpTagCategory_IsSharedOnPurposeAndNeverOwned()
    {
        var plan = Plan("dev", File.ReadAllText(TestConfig.StackFile("dev")));

        Assert.Contains(plan.Nodes, n => n.Type == VsphereTokens.GetTagCategory && n.Inputs["name"].ToString() == "mlops-storage-tier");
        Assert.DoesNotContain(plan.Nodes, n => n.Type == VsphereTokens.TagCategory);
        Assert.Equal(["VM folder 'mlops-dev'", "storage policy 'mlops-dev-standard'", "VM class 'mlops-dev-vgpu-a100d-20c'", "vSphere Namespace 'mlops-dev'"], VcenterNames.Of(plan).Select(o => o.ToString()).ToArray());
    }

    private static Plan Plan(string stack, string yaml)
    {
        var loaded = PlatformConfiguration.Load(StackConfigFile.Parse($"Pulumi.{stack}.yaml", stack, yaml).Snapshot);
        return StackPlanner.Plan(stack, loaded.ValidOptions());
    }
}
