using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace Infra.Components.Tests.Harness;

/// <summary>
/// The one shared set of mocks: every resource echoes its inputs as its state with id <c>&lt;name&gt;-id</c>, and
/// every look-up returns its arguments with id <c>&lt;args.name&gt;-id</c>. It records what was registered and called.
/// </summary>
internal sealed class EchoMocks : IMocks
{
    public ConcurrentBag<MockResourceArgs> Resources { get; } = [];

    public ConcurrentBag<MockCallArgs> Calls { get; } = [];

    public static string IdOf(string name) => $"{name}-id";

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        Resources.Add(args);
        return Task.FromResult<(string?, object)>((IdOf(args.Name!), args.Inputs));
    }

    public Task<object> CallAsync(MockCallArgs args)
    {
        Calls.Add(args);
        var name = args.Args.TryGetValue("name", out var n) ? n as string : null;
        var result = args.Args.SetItem("id", IdOf(name ?? args.Token!));
        return Task.FromResult<object>(result);
    }
}
