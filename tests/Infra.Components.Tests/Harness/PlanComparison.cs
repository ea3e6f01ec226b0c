using System.Collections;
using System.Globalization;
using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Components.Tests.Harness;

/// <summary>
/// The rule every capability must pass: what a stack registers under the mocks equals the model's plan for the
/// same config: the same components and resources (type, name, parent, protect), the same look-ups (token,
/// arguments), and each resource's planned inputs, with other nodes' outputs resolved as the mocks answer them and
/// secrets as the test secret source gives them.
/// </summary>
internal static class PlanComparison
{
    public static void AssertMatches(Plan plan, StackRun run, PlatformOptions options)
    {
        var planned = plan.Nodes
            .Where(n => n.Kind != PlanNodeKind.DataSource)
            .Select(n => $"{n.Id} parent={n.Parent ?? "-"} protect={n.Protect} provider={(n.Provider is null or PlanNode.DefaultProvider ? "-" : n.Provider)}")
            .Order(StringComparer.Ordinal);
        var registered = run.Registrations
            .Select(r => $"{r.Id} parent={r.Parent ?? "-"} protect={r.Protect} provider={r.Provider ?? "-"}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(planned, registered);

        // The ordering edges of the cluster's resources: each waits explicitly for what the plan says it waits for,
        // except where an input already carries the dependency (another node's output, or a generated password), as
        // the engine tracks those. (The vSphere resources carry theirs through inputs the plan spells as literals.)
        foreach (var registration in run.Registrations.Where(r => plan[r.Id].Kind == PlanNodeKind.Resource && r.Type.StartsWith("kubernetes:", StringComparison.Ordinal)))
        {
            var node = plan[registration.Id];
            var waitsFor = node.DependsOn.Where(d => plan[d].Kind is PlanNodeKind.Resource or PlanNodeKind.Component).ToHashSet(StringComparer.Ordinal);
            var throughInputs = node.Inputs.Values.SelectMany(v => v.References().Concat(SecretSources(v))).ToHashSet(StringComparer.Ordinal);
            var explicitly = run.Dependencies[registration.Id];
            Assert.True(
                explicitly.All(waitsFor.Contains) && waitsFor.All(d => explicitly.Contains(d) || throughInputs.Contains(d)),
                $"{node.Id} waits for [{string.Join(", ", explicitly.Order(StringComparer.Ordinal))}]; the plan says [{string.Join(", ", waitsFor.Order(StringComparer.Ordinal))}].");
        }

        var resolver = new Resolver(plan, run.Mocks);
        var plannedCalls = plan.Nodes
            .Where(n => n.Kind == PlanNodeKind.DataSource)
            .Select(n => $"{n.Type} {Render(resolver.Inputs(n))}")
            .Order(StringComparer.Ordinal);
        var calls = run.Mocks.Calls
            .Select(c => $"{c.Token} {Render(c.Args.ToDictionary(a => a.Key, a => (object?)a.Value))}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(plannedCalls, calls);

        foreach (var node in plan.Nodes.Where(n => n.Kind == PlanNodeKind.Read))
        {
            var read = run.Mocks.Resources.Single(r => r.Type == node.Type && r.Name == node.Name && !string.IsNullOrEmpty(r.Id));
            Assert.Equal(Render(resolver.Value(node.Inputs["id"])), Render(read.Id));
        }

        foreach (var node in plan.Nodes.Where(n => n.Kind == PlanNodeKind.Resource))
        {
            var inputs = run.InputsOf(node.Type, node.Name);
            foreach (var (key, value) in node.Inputs)
            {
                Assert.True(inputs.ContainsKey(key), $"{node.Id} was registered without input '{key}'.");
                Assert.Equal($"{node.Id}.{key} = {Render(resolver.Value(value))}", $"{node.Id}.{key} = {Render(inputs[key])}");
            }
        }
    }

    private static IEnumerable<string> SecretSources(PlanValue value) => value switch
    {
        PlanValue.GeneratedPassword generated => [generated.NodeId],
        PlanValue.ListValue list => list.Items.SelectMany(SecretSources),
        PlanValue.MapValue map => map.Entries.Values.SelectMany(SecretSources),
        PlanValue.Concat concat => concat.Parts.SelectMany(SecretSources),
        _ => [],
    };

    public static string Render(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal).Select(k => $"{k}: {Render(dictionary[k])}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Render)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Turns planned values into what the engine would see, asking the mocks for other nodes' outputs.</summary>
    private sealed class Resolver(Plan plan, EchoMocks mocks)
    {
        public Dictionary<string, object?> Inputs(PlanNode node) => node.Inputs.ToDictionary(i => i.Key, i => Value(i.Value));

        public object? Value(PlanValue value) => value switch
        {
            PlanValue.Literal literal => literal.Value,
            PlanValue.ListValue list => list.Items.Select(Value).ToList(),
            PlanValue.MapValue map => map.Entries.ToDictionary(e => e.Key, e => Value(e.Value)),
            PlanValue.OutputRef output => Output(plan[output.NodeId], output.Property),

            // A config secret resolves through the test secret source; a generated password to what the mocked
            // RandomPassword generates; a stack output and a Secret's key to what the mocks export and hold.
            PlanValue.ConfigSecret config => TestSecrets.ValueOf(config.Setting.FullKey),
            PlanValue.GeneratedPassword generated => EchoMocks.PasswordOf(plan[generated.NodeId].Name),
            PlanValue.StackOutputSecret stackOutput => EchoMocks.StackOutputOf(plan[stackOutput.NodeId].Name, stackOutput.OutputName),
            PlanValue.SecretDataKey data => EchoMocks.KubeconfigOf(plan[data.NodeId].Name),
            PlanValue.Concat concat => string.Concat(concat.Parts.Select(p => Value(p))),
            _ => throw new InvalidOperationException($"No value for {value}."),
        };

        private object? Output(PlanNode node, string property)
        {
            if (node.Kind == PlanNodeKind.DataSource)
            {
                return Navigate(mocks.Facts(node.Type, Inputs(node)), property);
            }

            return property switch
            {
                "id" => EchoMocks.IdOf(node.Name),
                "bcryptHash" when node.Type == Model.Kubernetes.KubernetesTokens.RandomPassword => EchoMocks.BcryptOf(node.Name),
                _ => Value(node.Inputs[property]),
            };
        }

        private static object? Navigate(object? value, string path)
        {
            foreach (var segment in path.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.'))
            {
                value = int.TryParse(segment, CultureInfo.InvariantCulture, out var index)
                    ? ((IList)value!)[index]
                    : ((IDictionary)value!)[segment];
            }

            return value;
        }
    }
}
