using Infra.Model.Kubernetes;
using Infra.Model.Planning;

namespace Infra.Model.Tests.Network;

public sealed class PodSecurityTests
{
    private const string Heading = "### Pod Security";

    [Fact]
    public void Readme_NamesEachPlatformNamespacesStandard_AsTheProductionPlanEnforcesIt()
    {
        var plan = TestConfig.StackPlan("prod");
        var planned = plan.Nodes.Where(n => n.Type == KubernetesTokens.Namespace && !n.Name.StartsWith("team-", StringComparison.Ordinal))
            .Select(n => (Metadata: (PlanValue.MapValue)n.Inputs["metadata"], n.Name))
            .Select(n => $"`{n.Metadata.Entries["name"]}` | {(n.Metadata.Entries.TryGetValue("labels", out var labels) && ((PlanValue.MapValue)labels).Entries.TryGetValue(PodSecurity.Enforce, out var level) ? level.ToString() : "none")}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(planned, ReadmeRows().Select(r => $"{r[0]} | {r[1]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BelowRestricted_TheRestrictedStandardIsStillWarnedAboutAndAudited_AndEveryExceptionSaysWhy()
    {
        var plan = TestConfig.StackPlan("prod");
        var rows = ReadmeRows();

        Assert.All(rows, r => Assert.True(r[1] == "restricted" ? r[2].Length == 0 : r[2].Length > 0, $"{r[0]}: {r[1]} with '{r[2]}'"));
        Assert.Equal(
            "{labels: {pod-security.kubernetes.io/audit: restricted, pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted}, name: gitlab}",
            plan["kubernetes:core/v1:Namespace::gitlab"].Inputs["metadata"].ToString());
    }

    [Fact]
    public void WhatTheChartsLeaveOut_ThePlatformSets_SoThatTheirPodsMeetRestricted()
    {
        var options = TestConfig.StackOptions("prod");

        Assert.Equal("""{"seccompProfile":{"type":"RuntimeDefault"}}""", Model.Mlflow.MlflowSpec.For(options)!.Values()["podSecurityContext"]!.ToJsonString());
        Assert.Equal("""{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"runAsNonRoot":true}""", Model.Redis.RedisSpec.For(options)!.Values()["metrics"]!["exporter"]!["securityContext"]!.ToJsonString());
        var pod = Model.Spark.SparkSpec.For(options)!.HistoryServerDeployment()!["spec"]!["template"]!["spec"]!;
        Assert.Equal("""{"runAsNonRoot":true,"runAsUser":185,"fsGroup":185,"seccompProfile":{"type":"RuntimeDefault"}}""", pod["securityContext"]!.ToJsonString());
        Assert.All([pod["initContainers"]![0]!, pod["containers"]![0]!], c => Assert.Equal("""{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]}}""", c["securityContext"]!.ToJsonString()));
    }

    private static string[][] ReadmeRows()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "README.md"));
        var start = Array.IndexOf(lines, Heading);
        Assert.True(start >= 0, $"README has no '{Heading}' section");
        var table = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        return [.. table.Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }
}
