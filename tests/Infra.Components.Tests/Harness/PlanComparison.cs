using System.Collections;
using System.Collections.Immutable;
using Infra.Model.Planning;

namespace Infra.Components.Tests.Harness;

/// <summary>
/// The rule every capability must pass: what a stack registers under the mocks equals the model's plan for the
/// same config: the same components and resources (type, name, parent), the same look-ups (token, arguments),
/// and each resource's key inputs as planned (outputs of other nodes resolved through the mocks).
/// </summary>
internal static class PlanComparison
{
    public static void AssertMatches(Plan plan, StackRun run)
    {
        var planned = plan.Nodes
            .Where(n => n.Kind != PlanNodeKind.DataSource)
            .Select(n => $"{n.Id} parent={n.Parent ?? "-"}")
            .Order(StringComparer.Ordinal);
        var registered = run.Registrations
            .Select(r => $"{r.Id} parent={r.Parent ?? "-"}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(planned, registered);

        var plannedCalls = plan.Nodes
            .Where(n => n.Kind == PlanNodeKind.DataSource)
            .Select(n => $"{n.Type} {Render(n.Inputs.ToDictionary(i => i.Key, i => Literal(plan, i.Value)))}")
            .Order(StringComparer.Ordinal);
        var calls = run.Mocks.Calls
            .Select(c => $"{c.Token} {Render(c.Args.ToDictionary(a => a.Key, a => (object?)a.Value))}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(plannedCalls, calls);

        foreach (var node in plan.Nodes.Where(n => n.Kind == PlanNodeKind.Resource))
        {
            var inputs = run.InputsOf(node.Type, node.Name);
            foreach (var (key, value) in node.Inputs)
            {
                Assert.True(inputs.ContainsKey(key), $"{node.Id} was registered without input '{key}'.");
                if (value is not PlanValue.SecretValue)
                {
                    Assert.Equal(Render(Literal(plan, value)), Render(inputs[key]));
                }
            }
        }
    }

    private static object? Literal(Plan plan, PlanValue value) => value switch
    {
        PlanValue.Literal literal => literal.Value,
        PlanValue.ListValue list => list.Items.Select(i => Literal(plan, i)).ToList(),
        PlanValue.MapValue map => map.Entries.ToDictionary(e => e.Key, e => Literal(plan, e.Value)),
        PlanValue.OutputRef { Property: "id" } output => EchoMocks.IdOf(plan[output.NodeId].Kind == PlanNodeKind.DataSource
            ? (string)((PlanValue.Literal)plan[output.NodeId].Inputs["name"]).Value
            : plan[output.NodeId].Name),
        _ => throw new InvalidOperationException($"No literal for {value}."),
    };

    private static string Render(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IDictionary dictionary => "{" + string.Join(", ", dictionary.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal).Select(k => $"{k}: {Render(dictionary[k])}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Render)) + "]",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
