using System.Reflection;
using Infra.Components.Planning;
using Infra.Components.Tests.Harness;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Vsphere;
using Infra.Stacks;

namespace Infra.Components.Tests.Planning;

public sealed class PlanRegistrarTests
{
    private static readonly string[] StackNames = ["dev", "prod", "lab"];

    /// <summary>The stack shapes the shipped files and fixtures cover, by stack name.</summary>
    public static TheoryData<string> Stacks => [.. StackNames];

    [Fact]
    public void EveryTokenThePlanCanContain_IsOneTheRegistrarMaps()
    {
        var tokens = typeof(KubernetesTokens).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Tokens", StringComparison.Ordinal) || t.Name.EndsWith("Planner", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.Count(c => c == ':') >= 2 && !v.Contains(' ', StringComparison.Ordinal))
            .Concat(StackNames.SelectMany(s => StackPlanner.Plan(s, StackFiles.Options(s)).Nodes.Select(n => n.Type)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var unmapped = tokens.Where(t => !t.StartsWith("infra:", StringComparison.Ordinal)
            && SdkCatalog.Resource(t) is null && SdkCatalog.Function(t) is null && !SdkCatalog.IsCustomResource(t));

        Assert.Empty(unmapped);
        Assert.Contains(VsphereTokens.GetHostVgpuProfile, tokens);
        Assert.Equal(typeof(Pulumi.VSphere.GetHostVgpuProfile).GetMethod("Invoke", [typeof(Pulumi.VSphere.GetHostVgpuProfileInvokeArgs), typeof(Pulumi.InvokeOptions)]), SdkCatalog.Function(VsphereTokens.GetHostVgpuProfile));
        Assert.Equal(typeof(Pulumi.Kubernetes.Kustomize.V2.Directory), SdkCatalog.Resource(KubernetesTokens.KustomizeDirectory));
        Assert.Equal(typeof(Pulumi.Random.RandomPassword), SdkCatalog.Resource(KubernetesTokens.RandomPassword));
        Assert.True(SdkCatalog.IsCustomResource("kubernetes:postgresql.cnpg.io/v1:Cluster"));
        Assert.False(SdkCatalog.IsCustomResource(KubernetesTokens.Secret));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void EveryPlannedInput_IsAnInputOfTheSdksArguments(string stack)
    {
        var plan = StackPlanner.Plan(stack, StackFiles.Options(stack));

        var unknown = plan.Nodes.Where(n => n.Kind is PlanNodeKind.Resource or PlanNodeKind.DataSource && !SdkCatalog.IsCustomResource(n.Type))
            .SelectMany(n => n.Inputs.Keys.Except(SdkCatalog.InputNames(n.Type), StringComparer.Ordinal).Select(k => $"{n.Id}.{k}"));

        Assert.Empty(unknown);
    }

    [Fact]
    public async Task BrokenPlanValue_ChangesTheRegistrationAndFailsTheComparison()
    {
        var options = StackFiles.Options("dev");
        var plan = StackPlanner.Plan("dev", options);
        var folder = plan["vsphere:index/folder:Folder::vm-folder"];
        var broken = new Plan("dev", plan.Nodes.Select(n => n.Id == folder.Id ? n with { Inputs = n.Inputs.SetItem("path", PlanValue.Of("elsewhere")) } : n), plan.GpuCapacity, plan.Outputs);

        var run = await StackRun.RunAsync(() => new PlanRegistrar(TestSecrets.Create().Object).Register(broken));

        Assert.Equal("elsewhere", run.InputsOf(VsphereTokens.Folder, "vm-folder")["path"]);
        var failure = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => PlanComparison.AssertMatches(plan, run, options));
        Assert.Contains("mlops-dev", failure.Message, StringComparison.Ordinal);
        Assert.Contains("elsewhere", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedStackWithAHundredTeams_RegistersExactlyThePlan()
    {
        var dev = StackFiles.Options("dev");
        var options = dev with
        {
            Teams = [.. Enumerable.Range(1, 100).Select(i => new TeamOptions { Name = $"team-{i:000}", Owner = $"lead-{i:000}@example.com", GpuQuota = i % 3, CpuQuota = "8", MemoryQuota = "32Gi" })],
        };
        var plan = StackPlanner.Plan("dev", options);

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object));

        PlanComparison.AssertMatches(plan, run, options);
        Assert.Equal(100, run.Registrations.Count(r => r.Type == KubernetesTokens.Namespace && r.Name.StartsWith("team-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FailingCheck_FailsTheResourceWithTheModelsMessage()
    {
        var options = StackFiles.Options("prod");
        var mocks = new EchoMocks();
        mocks.OfferedProfiles["esx-gpu-02.prod.example.com-id"] = ["grid_a100d-10c"];

        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "prod", mocks));

        Assert.Contains("mlops:gpu.profile 'grid_a100d-40c' is not offered by every GPU host: esx-gpu-02.prod.example.com offers grid_a100d-10c.", error.ToString(), StringComparison.Ordinal);
    }
}
