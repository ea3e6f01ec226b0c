using System.Collections.Immutable;
using Infra.Components.Tests.Harness;
using Infra.Model.Stacks;
using Infra.Model.Teams;
using Infra.Stacks;

namespace Infra.Components.Tests.Teams;

/// <summary>A teams stack registered under the mocks, on a mocked platform stack that exports (or not) its tenancy.</summary>
public sealed class TeamsStackTests
{
    private const string Platform = "acme/mlops/prod";

    [Fact]
    public async Task TeamsStack_OnItsPlatform_RegistersExactlyThePlan()
    {
        var options = StackFiles.Options("prod-teams");
        var mocks = PlatformExporting(Tenancy.Of(StackFiles.Options("prod")));

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "prod-teams", mocks);

        PlanComparison.AssertMatches(StackPlanner.Plan("prod-teams", options), run, options);
        Assert.Equal(EchoMocks.StackOutputOf(Platform, "kubeconfig"), run.InputsOf("pulumi:providers:kubernetes", "workload-cluster")["kubeconfig"]);
        Assert.Equal(
            ["infra:teams:Team::payments", "infra:teams:Team::search"],
            run.Registrations.Where(r => r.Type == TeamsPlanner.TeamType).Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(run.Registrations.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)), r => Assert.Equal("pulumi:providers:kubernetes::workload-cluster", r.Provider));
        Assert.Equal("payments", ((ImmutableDictionary<string, object>)run.InputsOf("kubernetes:core/v1:Namespace", "team-payments")["metadata"])["name"]);
    }

    [Fact]
    public async Task TeamsStack_OnAPlatformThatDiffers_RegistersNoKubernetesResourceAndNamesTheDifference()
    {
        var options = StackFiles.Options("prod-teams");
        var mocks = PlatformExporting(Tenancy.Of(StackFiles.Options("prod")).SetItem("environment", "staging"));

        var messages = await FailureMessages(options, mocks);
        Assert.Contains("mlops:platformStack 'acme/mlops/prod' is not the platform this teams stack plans for: environment is 'staging' there and 'prod' here.", messages, StringComparison.Ordinal);
        Assert.DoesNotContain(mocks.Resources, r => r.Type is { } type && type.StartsWith("kubernetes:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsStack_OnAPlatformThatAcceptsNoTeamsStacks_FailsNamingTheSettingToTurnOn()
    {
        var options = StackFiles.Options("prod-teams");

        var messages = await FailureMessages(options, new EchoMocks());
        Assert.Contains("mlops:platformStack 'acme/mlops/prod' does not accept teams stacks: it exports no 'tenancy'. Set 'pulumi config set mlops:teamStacks true' on that stack and run 'pulumi up' there first.", messages, StringComparison.Ordinal);
    }

    // What the run that must fail reports, every message of it.
    private static async Task<string> FailureMessages(Model.Options.PlatformOptions options, EchoMocks mocks)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object), "prod-teams", mocks));
        return ex is AggregateException aggregate ? string.Join("\n", aggregate.Flatten().InnerExceptions.Select(e => e.Message)) : ex.Message;
    }

    private static EchoMocks PlatformExporting(ImmutableSortedDictionary<string, string> tenancy)
    {
        var mocks = new EchoMocks();
        mocks.ReferencedOutputs[Platform] = ImmutableDictionary<string, object>.Empty.Add("tenancy", tenancy.ToImmutableDictionary(p => p.Key, p => (object)p.Value));
        return mocks;
    }
}
