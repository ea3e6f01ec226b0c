using System.Text.Json.Nodes;
using Infra.Model.Planning;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Planning;

public sealed class PlanDiffTests
{
    private static Plan Dev(params (string Key, string? Block)[] overrides) => StackPlanner.Plan("dev", TestConfig.Load(overrides).ValidOptions());

    [Fact]
    public void SameConfig_HasNoChanges()
    {
        var diff = PlanDiff.Of(Dev(), Dev());

        Assert.False(diff.HasChanges);
        Assert.Equal("Plan diff for stack dev: a -> b: no changes.\n", PlanDiffRenderer.Text(diff, "a", "b"));
    }

    [Fact]
    public void ChangedFolderAndAddedTier_ShowTheChangedInputAndTheNewNodes()
    {
        var before = Dev();
        var after = Dev(
            ("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1\n    folder: ml/dev"),
            ("mlops:storage", "\n    tiers:\n      - name: standard\n      - name: fast"));

        var diff = PlanDiff.Of(before, after);

        Assert.Equal(
            """
            Plan diff for stack dev: main -> working tree: 3 to add, 0 to remove, 2 to change.
            + vsphere:index/getTag:getTag::tag-fast
            + vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-fast
            + kubernetes:storage.k8s.io/v1:StorageClass::fast
            ~ vsphere:index/folder:Folder::vm-folder
                path: mlops-dev -> ml/dev
            ~ vsphere:index/namespace:Namespace::mlops-dev
                storagePolicies: [<vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-standard.id>] -> [<vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-standard.id>, <vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-fast.id>]

            """.ReplaceLineEndings("\n"),
            PlanDiffRenderer.Text(diff, "main", "working tree"));
    }

    [Fact]
    public void ProtectChange_IsAnOptionChange()
    {
        var diff = PlanDiff.Of(Dev(("mlops:platform", TestConfig.Backup)), Dev(TestConfig.Production));

        var cluster = Assert.Single(diff.Changed, c => c.Id == "kubernetes:cluster.x-k8s.io/v1beta1:Cluster::mlops-dev");
        Assert.Contains(("protect", "false", "true"), cluster.Options);
        Assert.Contains(cluster.Inputs, i => i.Name == "spec");
    }

    [Fact]
    public void Json_ListsSummaryAndChangesWithBeforeAndAfter()
    {
        var diff = PlanDiff.Of(Dev(), Dev(("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1\n    folder: ml/dev")));

        var json = JsonNode.Parse(PlanDiffRenderer.Json(diff, "main", "working tree"))!;

        Assert.Equal("""{"added":0,"removed":0,"changed":1,"dataLoss":0}""", json["summary"]!.ToJsonString());
        Assert.Equal(
            """[{"id":"vsphere:index/folder:Folder::vm-folder","inputs":[{"name":"path","before":"mlops-dev","after":"ml/dev"}],"options":[]}]""",
            json["changed"]!.ToJsonString());
    }

    [Fact]
    public void Markdown_ValuesOverSeveralLines_AreCollapsibleDiffsOfTheirChangedLines_NotTableCells()
    {
        var diff = PlanDiff.Of(TestConfig.StackPlan("dev"), TestConfig.StackPlan("prod"));

        var markdown = PlanDiffRenderer.Markdown(diff, "dev", "prod");

        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ~ |", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.EndsWith(" |", row, StringComparison.Ordinal));
        Assert.Contains("| ~ | `dex` | `kubernetes:core/v1:ConfigMap` | data: changed, see below |", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary><code>dex</code> data</summary>\n\n```diff\n@@ -", markdown, StringComparison.Ordinal);
        Assert.Contains("\n-- email: admin@mlops-dev.example.com\n+- email: admin@mlops.example.com\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(65_000)]
    [InlineData(20_000)]
    [InlineData(2_000)]
    public void Markdown_WithALimit_StaysWithinItAndSaysWhatItLeftOut(int limit)
    {
        var diff = PlanDiff.Of(TestConfig.StackPlan("dev"), TestConfig.StackPlan("prod"));
        var whole = PlanDiffRenderer.Markdown(diff, "dev", "prod");

        var comment = PlanDiffRenderer.Markdown(diff, "dev", "prod", limit, "diff-prod.full.md");

        Assert.True(whole.Length > 65_000, $"the whole diff is {whole.Length} characters");
        Assert.InRange(comment.Length, 1, limit);
        Assert.Matches($"\n> \\*\\*Shortened to {limit:N0} characters, the comment limit:\\*\\* left out the deployment graph(, [0-9]+ of [0-9]+ value diffs)?(, [0-9]+ of [0-9]+ changes)?\\. All of it is in `diff-prod.full.md` \\(the job's artifact\\)\\.\n$", comment);
        Assert.StartsWith(whole[..whole.IndexOf("\n| | name", StringComparison.Ordinal)], comment, StringComparison.Ordinal);
        Assert.Equal(whole, PlanDiffRenderer.Markdown(diff, "dev", "prod", whole.Length, "x"));
    }

    [Fact]
    public void Markdown_HasSummaryTableChangesAndAMermaidGraphOfWhatChanges()
    {
        var diff = PlanDiff.Of(Dev(), Dev(("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1\n    folder: ml/dev")));

        var markdown = PlanDiffRenderer.Markdown(diff, "main", "feature");

        Assert.StartsWith(
            "<!-- infractl-diff:dev -->\n### Infrastructure plan: stack `dev`\n\nComparing `main` with `feature`: 0 to add, 0 to remove, 1 to change.\n\n| change | count |\n| --- | ---: |\n| to add | 0 |\n| to remove | 0 |\n| to change | 1 |\n",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("| ~ | `vm-folder` | `vsphere:index/folder:Folder` | path: mlops-dev -> ml/dev |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart TB\n", markdown, StringComparison.Ordinal);
        Assert.Contains("[\"Folder<br/>vm-folder\"]", markdown, StringComparison.Ordinal);
        Assert.Contains("[\"look-up getDatacenter<br/>datacenter\"]", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("getHost", markdown, StringComparison.Ordinal);
        Assert.Contains("  class ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingAWrittenPlan_GivesTheSamePlan()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));

        var read = PlanJson.Read(PlanJson.Write(plan));

        Assert.False(PlanDiff.Of(plan, read).HasChanges);
        Assert.Equal(PlanJson.Write(plan), PlanJson.Write(read));
    }

    [Fact]
    public void Graph_GroupsByWaveAndDrawsDependencies()
    {
        var plan = Dev();

        var mermaid = PlanGraphText.Mermaid(plan);
        var dot = PlanGraphText.Dot(plan);

        Assert.StartsWith("flowchart TB\n  subgraph wave1[\"wave 1\"]\n", mermaid, StringComparison.Ordinal);
        Assert.Equal(plan.Graph.EdgeCount, mermaid.Split('\n').Count(l => l.Contains(" --> ", StringComparison.Ordinal)));
        Assert.Equal(plan.WaveCount, dot.Split('\n').Count(l => l.StartsWith("  subgraph cluster_wave", StringComparison.Ordinal)));
        Assert.DoesNotContain("infra:stacks", mermaid, StringComparison.Ordinal);
    }
}
