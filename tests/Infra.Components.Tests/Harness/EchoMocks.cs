using System.Collections.Concurrent;
using System.Collections.Immutable;
using Infra.Model.Vsphere;
using Pulumi.Testing;

namespace Infra.Components.Tests.Harness;

/// <summary>
/// The one shared set of mocks. Every resource echoes its inputs as its state with id <c>&lt;name&gt;-id</c>. Every
/// look-up returns its arguments, an id made from them (<see cref="CallId"/>), and the facts vCenter would report
/// for it (<see cref="Facts"/>). It records what was registered and called.
/// </summary>
internal sealed class EchoMocks : IMocks
{
    /// <summary>The vGPU profiles every mocked host offers, unless a test says otherwise.</summary>
    public static readonly ImmutableArray<string> DefaultOfferedProfiles = ["grid_a100d-10c", "grid_a100d-20c", "grid_a100d-40c", "grid_a100d-80c"];

    public ConcurrentBag<MockResourceArgs> Resources { get; } = [];

    public ConcurrentBag<MockCallArgs> Calls { get; } = [];

    /// <summary>The profiles each host offers, by host id; hosts not listed offer <see cref="DefaultOfferedProfiles"/>.</summary>
    public Dictionary<string, ImmutableArray<string>> OfferedProfiles { get; } = [];

    /// <summary>What each referenced stack exports besides its kubeconfig, by stack (a platform's tenancy).</summary>
    public Dictionary<string, ImmutableDictionary<string, object>> ReferencedOutputs { get; } = [];

    /// <summary>The template's firmware and disk size the template look-up reports.</summary>
    public (string Firmware, int DiskGb) Template { get; set; } = ("efi", 60);

    public static string IdOf(string name) => $"{name}-id";

    /// <summary>The id a look-up gets: from its <c>name</c> argument, else its <c>hostId</c> and the function's name.</summary>
    public static string CallId(string token, IReadOnlyDictionary<string, object?> args) =>
        args.TryGetValue("name", out var name) && name is string n ? IdOf(n)
        : args.TryGetValue("hostId", out var host) && host is string h ? $"{h}/{token.Split(':')[^1]}"
        : IdOf(token);

    /// <summary>What a look-up returns for <paramref name="args"/>.</summary>
    public ImmutableDictionary<string, object> Facts(string token, IReadOnlyDictionary<string, object?> args)
    {
        var result = args.Where(a => a.Value is not null).ToImmutableDictionary(a => a.Key, a => a.Value!)
            .SetItem("id", CallId(token, args));
        return token switch
        {
            VsphereTokens.GetComputeCluster => result.SetItem("resourcePoolId", $"{CallId(token, args)}/pool"),
            VsphereTokens.GetVirtualMachine => result
                .SetItem("guestId", "ubuntu64Guest")
                .SetItem("firmware", Template.Firmware)
                .SetItem("disks", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty
                    .Add("label", "disk0").Add("size", Template.DiskGb).Add("thinProvisioned", true).Add("eagerlyScrub", false).Add("unitNumber", 0))),
            VsphereTokens.GetHostPciDevice => result.SetItem("name", "NVIDIA A100 PCIe 80GB"),
            VsphereTokens.GetHostVgpuProfile => result.SetItem("vgpuProfiles", Profiles((string)args["hostId"]!)),
            _ => result,
        };
    }

    /// <summary>The kubeconfig the Supervisor's <c>&lt;cluster&gt;-kubeconfig</c> Secret holds, by Secret name.</summary>
    public static string KubeconfigOf(string secretName) => $"apiVersion: v1\nkind: Config\n# {secretName}\n";

    /// <summary>What a referenced stack exports as <paramref name="output"/>.</summary>
    public static string StackOutputOf(string stack, string output) => $"{output} of {stack}";

    /// <summary>The password a mocked RandomPassword named <paramref name="name"/> generates.</summary>
    public static string PasswordOf(string name) => $"generated-{name}";

    /// <summary>The bcrypt hash a mocked RandomPassword named <paramref name="name"/> gives for its password.</summary>
    public static string BcryptOf(string name) => $"$2a$10$hash-of-{name}";

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Resources.Add(args);
        if (args.Type == "random:index/randomPassword:RandomPassword")
        {
            return Task.FromResult<(string?, object)>((IdOf(args.Name!), args.Inputs.SetItem("result", PasswordOf(args.Name!)).SetItem("bcryptHash", BcryptOf(args.Name!))));
        }

        if (args.Type == "pulumi:pulumi:StackReference")
        {
            // A reference to another stack: it exports the cluster's kubeconfig, as a secret, and what a test gives it.
            var stack = args.Id!;
            return Task.FromResult<(string?, object)>((stack, ImmutableDictionary<string, object>.Empty
                .Add("name", stack)
                .Add("outputs", ReferencedOutputs.GetValueOrDefault(stack, ImmutableDictionary<string, object>.Empty).SetItem("kubeconfig", StackOutputOf(stack, "kubeconfig")))
                .Add("secretOutputNames", ImmutableArray.Create<object>("kubeconfig"))));
        }

        if (args.Id is { Length: > 0 } id && args.Type == "kubernetes:core/v1:Secret")
        {
            // A read of an existing Secret: the workload cluster's kubeconfig.
            var value = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(KubeconfigOf(args.Name!)));
            return Task.FromResult<(string?, object)>((id, ImmutableDictionary<string, object>.Empty.Add("data", ImmutableDictionary<string, object>.Empty.Add("value", value))));
        }

        return Task.FromResult<(string?, object)>((IdOf(args.Name!), args.Inputs));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        Calls.Add(args);
        return Task.FromResult<object>(Facts(args.Token!, args.Args.ToDictionary(a => a.Key, a => (object?)a.Value)));
    }

    private ImmutableArray<object> Profiles(string hostId) =>
        [.. (OfferedProfiles.TryGetValue(hostId, out var offered) ? offered : DefaultOfferedProfiles).Select(p => (object)ImmutableDictionary<string, object>.Empty
            .Add("vgpu", p).Add("diskSnapshotSupported", false).Add("memorySnapshotSupported", false).Add("migrateSupported", true).Add("suspendSupported", true))];
}
