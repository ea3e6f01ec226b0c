using System.Collections;
using Infra.Components.Tests.Harness;
using Infra.Model.Kubernetes;
using Infra.Stacks;

namespace Infra.Components.Tests.Secrets;

public sealed class GeneratedSecretsTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task GeneratedPasswords_ReachOnlySecrets(string stack)
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(StackFiles.Options(stack), TestSecrets.Create().Object), stack);

        var passwords = run.Mocks.Resources.Where(r => r.Type == KubernetesTokens.RandomPassword).Select(r => EchoMocks.PasswordOf(r.Name!)).ToArray();
        Assert.True(passwords.Length >= 8, $"only {passwords.Length} generated passwords");
        var holders = run.Mocks.Resources
            .Where(r => Strings(r.Inputs).Any(s => passwords.Any(p => s.Contains(p, StringComparison.Ordinal))))
            .Select(r => r.Type!)
            .Distinct()
            .ToArray();

        // Every generated password is used, and only Secrets (and the generator itself) hold one.
        Assert.Equal([KubernetesTokens.Secret], holders.ToArray());
        Assert.All(passwords, p => Assert.Contains(run.Mocks.Resources, r => r.Type == KubernetesTokens.Secret && Strings(r.Inputs).Any(s => s.Contains(p, StringComparison.Ordinal))));
    }

    private static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => [s],
        IDictionary map => map.Values.Cast<object?>().SelectMany(Strings),
        IEnumerable list => list.Cast<object?>().SelectMany(Strings),
        _ => [],
    };
}
