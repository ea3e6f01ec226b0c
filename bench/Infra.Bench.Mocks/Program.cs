using System.Collections.Immutable;
using Infra.Components.Configuration;
using Infra.Model.Configuration;
using Infra.Stacks;
using Pulumi;
using Pulumi.Testing;

// One run of the Pulumi program under Pulumi's mocks: 'empty' registers nothing, a stack file's path registers its plan.
if (args is not [var what])
{
    Console.Error.WriteLine("usage: Infra.Bench.Mocks empty | <path to Pulumi.<stack>.yaml>");
    return 1;
}

MockedStack.Options = what == "empty" ? null : PlatformConfiguration.Load(StackConfigFile.Load(what).Snapshot).ValidOptions();
var resources = await Deployment.TestAsync<MockedStack>(new EchoMocks(), new TestOptions { ProjectName = "mlops", StackName = "bench", IsPreview = false });
Console.WriteLine($"{resources.Length} resources");
return 0;

/// <summary>The stack: the platform's program for the options, or nothing.</summary>
internal sealed class MockedStack : Stack
{
    public MockedStack()
    {
        Outputs = Output.Create(Options is { } options
            ? StackComposer.Deploy(options, new FixedSecrets()).ToImmutableDictionary()
            : ImmutableDictionary<string, object?>.Empty);
    }

    public static Infra.Model.Options.PlatformOptions? Options { get; set; }

    [Output("outputs")]
    public Output<ImmutableDictionary<string, object?>> Outputs { get; set; }
}

/// <summary>Every resource echoes its inputs; every look-up returns its arguments, an id, and facts that pass the plan's checks.</summary>
internal sealed class EchoMocks : IMocks
{
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args) =>
        Task.FromResult<(string?, object)>((args.Id is { Length: > 0 } id ? id : $"{args.Name}-id", args.Type switch
        {
            "random:index/randomPassword:RandomPassword" => args.Inputs.SetItem("result", "generated").SetItem("bcryptHash", "$2a$10$hash"),
            "pulumi:pulumi:StackReference" => ImmutableDictionary<string, object>.Empty.Add("outputs", ReferencedOutputs()).Add("secretOutputNames", ImmutableArray.Create<object>("kubeconfig")),
            "kubernetes:core/v1:Secret" when args.Id is { Length: > 0 } => ImmutableDictionary<string, object>.Empty.Add("data", ImmutableDictionary<string, object>.Empty.Add("value", "a3ViZWNvbmZpZw==")),
            _ => args.Inputs,
        }));

    // A platform stack exports its kubeconfig, and to a teams stack the tenancy it plans for.
    private static ImmutableDictionary<string, object> ReferencedOutputs() =>
        ImmutableDictionary<string, object>.Empty.Add("kubeconfig", "kubeconfig").AddRange(MockedStack.Options is { IsTeamsStack: true } options
            ? [KeyValuePair.Create("tenancy", (object)Infra.Model.Teams.Tenancy.Of(options).ToImmutableDictionary(p => p.Key, p => (object)p.Value))]
            : []);

    public Task<object> CallAsync(MockCallArgs args) =>
        Task.FromResult<object>(args.Args.SetItem("id", $"{args.Token}-id")
            .SetItem("vgpuProfiles", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add("vgpu", MockedStack.Options?.Gpu?.Profile ?? "none")))
            .SetItem("firmware", "efi"));
}

/// <summary>Every secret setting reads as the same secret.</summary>
internal sealed class FixedSecrets : ISecretSource
{
    public Output<string> Require(SecretSetting setting) => Output.CreateSecret("secret");
}
