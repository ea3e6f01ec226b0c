using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Infra.Model.Rendering;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Rendering;

/// <summary>The render of a shipped stack's plan, for tests that check rendered files against upstream contracts.</summary>
internal static class Rendered
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> ByStack = new(StringComparer.Ordinal);

    /// <summary>The files <c>infractl render</c> writes for <paramref name="stack"/> (dev, prod, lab), by path.</summary>
    public static IReadOnlyDictionary<string, string> Files(string stack) =>
        ByStack.GetOrAdd(stack, s => StackRenderer.Render(TestConfig.StackPlan(s)).ToDictionary(f => f.Name, f => f.Content, StringComparer.Ordinal));

    /// <summary>The rendered file at <paramref name="path"/> of <paramref name="stack"/>, read as YAML (its comments left out).</summary>
    public static JsonObject Yaml(string stack, string path) => UpstreamSchemas.Yaml(Files(stack)[path])!.AsObject();
}
