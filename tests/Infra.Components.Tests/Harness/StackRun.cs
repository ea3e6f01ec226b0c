using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi;
using Pulumi.Testing;
using Pulumi.Utilities;

namespace Infra.Components.Tests.Harness;

/// <summary>
/// Runs a Pulumi program under the mocks and records every registration with its parent, through a stack
/// transformation (the engine's own view of the resource tree).
/// </summary>
internal sealed class StackRun
{
    private static readonly ConcurrentBag<Registration> Recorded = [];
    private static readonly ConcurrentDictionary<string, InputList<Resource>> RecordedDependencies = new(StringComparer.Ordinal);
    private static Func<IDictionary<string, object?>>? _program;

    public required ImmutableArray<Registration> Registrations { get; init; }

    public required EchoMocks Mocks { get; init; }

    public required ImmutableArray<Resource> Resources { get; init; }

    public static async Task<StackRun> RunAsync(Func<IDictionary<string, object?>> program, string stack = "dev", EchoMocks? mocks = null)
    {
        Recorded.Clear();
        RecordedDependencies.Clear();
        _program = program;
        mocks ??= new EchoMocks();
        var resources = await Deployment.TestAsync<HarnessStack>(mocks, new TestOptions { ProjectName = "mlops", StackName = stack, IsPreview = false });
        var dependencies = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (id, list) in RecordedDependencies)
        {
            var resolved = await OutputUtilities.GetValueAsync(((Input<ImmutableArray<Resource>>)list).ToOutput());
            dependencies[id] = [.. resolved.Select(r => $"{r.GetResourceType()}::{r.GetResourceName()}")];
        }

        return new StackRun { Registrations = [.. Recorded], Mocks = mocks, Resources = resources, Dependencies = dependencies };
    }

    /// <summary>Each registration's explicit dependencies (<c>dependsOn</c>), by id (type::name).</summary>
    public required IReadOnlyDictionary<string, ImmutableArray<string>> Dependencies { get; init; }

    /// <summary>The state the mocks gave the resource of type <paramref name="type"/> named <paramref name="name"/>.</summary>
    public ImmutableDictionary<string, object> InputsOf(string type, string name) =>
        Mocks.Resources.Single(r => r.Type == type && r.Name == name && string.IsNullOrEmpty(r.Id)).Inputs;

    private static ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        if (args.Resource is Stack)
        {
            return null;
        }

        var parent = args.Options.Parent;
        var parentId = parent is null || parent is Stack ? null : $"{parent.GetResourceType()}::{parent.GetResourceName()}";
        // A custom resource's explicit provider; for a component of remote objects (a manifest bundle), the one provider its objects get.
        var explicitProvider = args.Options switch
        {
            CustomResourceOptions custom => custom.Provider,
            ComponentResourceOptions component => component.Providers.SingleOrDefault(),
            _ => null,
        };
        var provider = explicitProvider is { } p ? $"{p.GetResourceType()}::{p.GetResourceName()}" : null;
        RecordedDependencies[$"{args.Resource.GetResourceType()}::{args.Resource.GetResourceName()}"] = args.Options.DependsOn;
        Recorded.Add(new Registration(args.Resource.GetResourceType(), args.Resource.GetResourceName(), parentId, args.Options.Protect ?? false, provider));
        return null;
    }

    private sealed class HarnessStack : Stack
    {
        public HarnessStack()
            : base(new StackOptions { ResourceTransformations = { Record } })
        {
            Outputs = Output.Create(ImmutableDictionary.CreateRange(_program!()));
        }

        [Output("outputs")]
        public Output<ImmutableDictionary<string, object?>> Outputs { get; set; }
    }
}
