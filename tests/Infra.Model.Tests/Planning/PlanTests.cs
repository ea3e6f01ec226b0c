using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CsCheck;
using Infra.Model.Planning;
using Json.Schema;

namespace Infra.Model.Tests.Planning;

public sealed class PlanTests
{
    [Fact]
    public void Plan_NodeWithMissingDependency_IsAModelDefect()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Plan("dev", [Resource("a", dependsOn: ["x::b"])]));

        Assert.Equal("Plan node 'x::a' refers to 'x::b', which is not in the plan.", ex.Message);
    }

    [Fact]
    public void Plan_DuplicateId_IsAModelDefect()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Plan("dev", [Resource("a"), Resource("a")]));

        Assert.Equal("The plan has two nodes with id 'x::a'.", ex.Message);
    }

    [Fact]
    public void Plan_Cycle_IsAModelDefect()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Plan("dev", [Resource("a", dependsOn: ["x::b"]), Resource("b", dependsOn: ["x::a"])]));

        Assert.Equal("The plan for stack 'dev' has a dependency cycle.", ex.Message);
    }

    [Fact]
    public void Waves_DependencyOnComponent_WaitsForItsWholeSubtree()
    {
        var component = new PlanNode { Kind = PlanNodeKind.Component, Type = "infra:x:C", Name = "c" };
        var plan = new Plan("dev",
        [
            component,
            Resource("a", parent: component.Id),
            Resource("b", parent: component.Id, dependsOn: ["x::a"]),
            Resource("d", dependsOn: [component.Id]),
        ]);

        Assert.Equal(new Dictionary<string, int> { ["x::a"] = 1, ["x::b"] = 2, ["x::d"] = 3 }, plan.Waves);
        Assert.Equal(["x::a", "x::b"], plan.Graph.OutEdges("x::d").Select(e => e.Target));
        Assert.Equal(3, plan.WaveCount);
    }

    [Fact]
    public void Waves_AnyAcyclicGraph_PutEveryNodeAfterWhatItWaitsForAndAsEarlyAsPossible()
    {
        // Random DAGs: node i may depend only on nodes before it.
        var dags = Gen.Int[1, 25].SelectMany(n => Gen.Int[0, 1_000_000].Array[n].Select(seeds => (n, seeds)));
        dags.Sample(dag =>
        {
            var nodes = Enumerable.Range(0, dag.n).Select(i =>
            {
                var random = new Random(dag.seeds[i]);
                var deps = Enumerable.Range(0, i).Where(_ => random.Next(4) == 0).Select(j => $"x::n{j}").ToArray();
                return Resource($"n{i}", dependsOn: deps);
            }).ToList();
            var plan = new Plan("dev", nodes);
            return nodes.All(n =>
            {
                var wave = plan.Waves[n.Id];
                var deps = n.DependsOn.Select(d => plan.Waves[d]).ToList();
                return deps.All(d => d < wave) && wave == 1 + deps.DefaultIfEmpty(0).Max();
            });
        });
    }

    [Fact]
    public void Json_SameNodesInAnyOrder_GivesTheSameBytes()
    {
        var nodes = new[]
        {
            Resource("b", dependsOn: ["x::a"]),
            Resource("a", inputs: [("secret", PlanValue.Config(new Infra.Model.Configuration.SecretSetting("vsphere:password", string.Empty))), ("list", PlanValue.List([PlanValue.Of(1), PlanValue.Of(true)]))]),
            Resource("c"),
        };

        var first = PlanJson.Write(new Plan("dev", nodes));
        var second = PlanJson.Write(new Plan("dev", nodes.Reverse()));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Json_ValidatesAgainstTheDocumentedSchema()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "plan.schema.json")));
        var component = new PlanNode { Kind = PlanNodeKind.Component, Type = "infra:x:C", Name = "c" };
        var plan = new Plan("dev",
        [
            component,
            Resource("a", parent: component.Id, inputs: [
                ("secret", PlanValue.Config(new Infra.Model.Configuration.SecretSetting("vsphere:password", string.Empty))),
                ("ref", PlanValue.Output("x::b", "id")),
                ("map", PlanValue.Map([KeyValuePair.Create("k", PlanValue.List([PlanValue.Of("v"), PlanValue.Of(3)]))]))]),
            Resource("b"),
        ]);

        var result = schema.Evaluate(JsonNode.Parse(PlanJson.Write(plan)), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("dev", 1)]
    [InlineData("prod", 4)]
    public void Json_ShippedStackPlans_ValidateAgainstTheDocumentedSchema(string stack, int gpuHosts)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "plan.schema.json")));
        var options = TestConfig.StackOptions(stack);
        var json = JsonNode.Parse(PlanJson.Write(Infra.Model.Stacks.StackPlanner.Plan(stack, options)));

        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        Assert.Equal(gpuHosts, json!["gpuCapacity"]!.AsArray().Count);
    }

    [Fact]
    public void Plan_TwoHandoffsAtOnePath_IsAModelDefect()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Plan("dev", [], handoffs: [new PlanHandoff("a/b.txt", "p", "1"), new PlanHandoff("a/b.txt", "q", "2")]));

        Assert.Equal("The plan has two hand-offs at 'a/b.txt'.", ex.Message);
    }

    [Fact]
    public void Json_Handoffs_AreWrittenByPathValidAndReadBack()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "plan.schema.json")));
        var plan = new Plan("dev", [Resource("a")], handoffs: [new PlanHandoff("z/policy.json", "For them.", "{}\n"), new PlanHandoff("a/list.txt", "For us.", "x\ny\n")]);

        var json = PlanJson.Write(plan);
        var read = PlanJson.Read(json);

        Assert.Equal(["a/list.txt", "z/policy.json"], JsonNode.Parse(json)!["handoffs"]!.AsArray().Select(h => (string)h!["path"]!));
        Assert.True(schema.Evaluate(JsonNode.Parse(json)).IsValid);
        Assert.Equal(plan.Handoffs.ToArray(), read.Handoffs.ToArray());
        Assert.Empty(PlanJson.Read(json.Replace("\"handoffs\"", "\"unread\"", StringComparison.Ordinal)).Handoffs);
    }

    [Theory]
    [InlineData("../up.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b")]
    [InlineData("a b")]
    public void Json_HandoffPathLeavingItsFolder_FailsTheSchema(string path)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "plan.schema.json")));

        Assert.False(schema.Evaluate(JsonNode.Parse(PlanJson.Write(new Plan("dev", [], handoffs: [new PlanHandoff(path, "p", "c")])))).IsValid);
    }

    [Fact]
    public void Json_SecretInput_ShowsItsSourceNeverAValue()
    {
        var json = PlanJson.Write(new Plan("dev", [Resource("a", inputs: [("password", PlanValue.Config(new Infra.Model.Configuration.SecretSetting("vsphere:password", string.Empty)))])]));

        Assert.Contains("\"password\": {\n          \"$secret\": \"config\",\n          \"key\": \"vsphere:password\",\n          \"path\": \"\"\n        }", json, StringComparison.Ordinal);
    }

    private static PlanNode Resource(string name, string? parent = null, string[]? dependsOn = null, (string Key, PlanValue Value)[]? inputs = null) => new()
    {
        Kind = PlanNodeKind.Resource,
        Type = "x",
        Name = name,
        Parent = parent,
        Provider = "default",
        DependsOn = [.. dependsOn ?? []],
        Inputs = (inputs ?? []).ToDictionary(i => i.Key, i => i.Value).ToImmutableSortedDictionary(StringComparer.Ordinal),
    };
}
