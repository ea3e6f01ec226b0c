using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Images;

/// <summary>A site with no internet: with the registry and the chart, manifest and Maven mirrors set, the stack names no public source.</summary>
public sealed partial class OfflineTests
{
    private const string Mirrors = "    mirrors:\n      charts: oci://harbor.prod.example.com/charts\n      kubeflowManifests: https://git.prod.example.com/mirror/kubeflow-manifests\n      maven: https://nexus.prod.example.com/repository/maven-central\n";

    private static readonly string[] PublicHosts =
    [
        "github.com", "githubusercontent.com", "github.io", "maven.org", "docker.io", "quay.io", "ghcr.io", "gcr.io", "registry.k8s.io", "nvcr.io", "ngc.nvidia.com",
        "registry.gitlab.com", "charts.gitlab.io", "public.ecr.aws", "operator.min.io", "valkey.io",
    ];

    private static PlatformOptions Offline()
    {
        var yaml = File.ReadAllText(TestConfig.StackFile("prod"))
            .Replace("  mlops:platform:\n", "  mlops:platform:\n" + Mirrors, StringComparison.Ordinal)
            .Replace("    feast:\n", "    feast:\n      operatorBundle: https://git.prod.example.com/mirror/feast/v0.66.0/install.yaml\n", StringComparison.Ordinal);
        return PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.prod.yaml", "prod", yaml).Snapshot).ValidOptions();
    }

    /// <summary>Each public source <paramref name="text"/> names: a URL on a public host, or an image whose registry is one (not a path under the mirror).</summary>
    private static IEnumerable<string> PublicSources(string text) =>
        PublicReference().Matches(text).Select(m => m.Value).Where(v => PublicHosts.Any(h => Host(v) == h || Host(v).EndsWith("." + h, StringComparison.Ordinal)));

    private static string Host(string reference)
    {
        var rest = reference.Contains("://", StringComparison.Ordinal) ? reference[(reference.IndexOf("://", StringComparison.Ordinal) + 3)..] : reference;
        return rest.Split('/', ':')[0];
    }

    /// <summary>
    /// The strings of a JSON or YAML tree as references: where a map names an image by <c>registry</c> and
    /// <c>repository</c> apart (the charts' image maps), the two as one.
    /// </summary>
    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        // What a named-images transform rewrites is what it lists, not a source.
        System.Text.Json.Nodes.JsonObject map when map["rule"] is System.Text.Json.Nodes.JsonValue rule && (string?)rule == "mirrorNamedImages" => [],
        System.Text.Json.Nodes.JsonObject map when map["registry"] is System.Text.Json.Nodes.JsonValue registry && map["repository"] is System.Text.Json.Nodes.JsonValue repository =>
            map.Where(e => e.Key is not ("registry" or "repository")).SelectMany(e => Strings(e.Value)).Append($"{registry}/{repository}"),
        System.Text.Json.Nodes.JsonObject map => map.SelectMany(e => Strings(e.Value)),
        System.Text.Json.Nodes.JsonArray items => items.SelectMany(Strings),
        System.Text.Json.Nodes.JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static IEnumerable<string> FileStrings(RenderedFile file) =>
        file.Name.EndsWith(".yaml", StringComparison.Ordinal) || file.Name.EndsWith(".yml", StringComparison.Ordinal)
            ? Strings(Upstream.UpstreamSchemas.Yaml(file.Content))
            : [file.Content];

    [Fact]
    public void WithEveryMirrorSet_NothingInThePlanOrTheRenderNamesAPublicSource()
    {
        var plan = StackPlanner.Plan("prod", Offline());
        var found = Strings(System.Text.Json.Nodes.JsonNode.Parse(PlanJson.Write(plan))).SelectMany(PublicSources).Select(s => $"plan: {s}")
            .Concat(StackRenderer.Render(plan).SelectMany(f => FileStrings(f).SelectMany(PublicSources).Select(s => $"{f.Name}: {s}")))
            .Distinct(StringComparer.Ordinal).ToArray();

        Assert.True(found.Length == 0, string.Join("\n", found));
    }

    [Fact]
    public void WithoutTheMirrors_TheSameCheckFindsThePublicSources()
    {
        var plan = TestConfig.StackPlan("prod");
        var found = PublicSources(PlanJson.Write(plan)).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("https://charts.gitlab.io", found);
        Assert.Contains("https://github.com/kubeflow/manifests//common/cert-manager/base?ref=v1.10.2", found);
        Assert.Contains("https://raw.githubusercontent.com/feast-dev/feast/v0.66.0/infra/feast-operator/dist/install.yaml", found);
    }

    [Fact]
    public void TheMirrors_InstallEachChartAndBuildEachUnitFromTheSitesCopies()
    {
        var plan = StackPlanner.Plan("prod", Offline());
        var gitlab = plan["kubernetes:helm.sh/v3:Release::gitlab"];
        var unit = plan["kubernetes:kustomize/v2:Directory::cert-manager"];

        Assert.Equal(("oci://harbor.prod.example.com/charts/gitlab", "9.9.1", false), (gitlab.Inputs["chart"].ToString(), gitlab.Inputs["version"].ToString(), gitlab.Inputs.ContainsKey("repositoryOpts")));
        Assert.Equal("https://git.prod.example.com/mirror/kubeflow-manifests//common/cert-manager/base?ref=v1.10.2", unit.Inputs["directory"].ToString());
        var folder = StackPlanner.Plan("prod", PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.prod.yaml", "prod",
            File.ReadAllText(TestConfig.StackFile("prod")).Replace("  mlops:platform:\n", "  mlops:platform:\n    mirrors:\n      charts: /srv/charts\n      kubeflowManifests: /srv/kubeflow-manifests\n", StringComparison.Ordinal)).Snapshot).ValidOptions());
        Assert.Equal(("/srv/charts/gitlab-9.9.1.tgz", false), (folder["kubernetes:helm.sh/v3:Release::gitlab"].Inputs["chart"].ToString(), folder["kubernetes:helm.sh/v3:Release::gitlab"].Inputs.ContainsKey("version")));
        Assert.Equal("/srv/kubeflow-manifests/common/cert-manager/base", folder["kubernetes:kustomize/v2:Directory::cert-manager"].Inputs["directory"].ToString());
    }

    [Fact]
    public void APythonIndex_ReachesTheCiJobsAndTheTeamsPods_AsPipsIndexUrl()
    {
        var options = TestConfig.Load(TestConfig.GitlabReady[0], ("mlops:maturity", "level2"), ("mlops:teams", "\n    - name: ds\n      owner: ds@example.com"),
            ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com\n    mirrors:\n      python: https://nexus.example.com/repository/pypi/simple")).ValidOptions();

        Assert.StartsWith("[[runners]]\n  environment = [\"PIP_INDEX_URL=https://nexus.example.com/repository/pypi/simple\"]\n  [runners.kubernetes]\n", Model.Gitlab.GitlabSpec.For(options)!.RunnerConfig(), StringComparison.Ordinal);
        Assert.Contains("""{"name":"PIP_INDEX_URL","value":"https://nexus.example.com/repository/pypi/simple"}""", Model.Kubeflow.KubeflowSpec.For(options)!.Services!.PodDefault("ds").ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("python: nexus.example.com/pypi", "MLOPS1704 mlops:platform.mirrors.python 'nexus.example.com/pypi' is not an http:// or https:// URL: pip reads a simple index from PIP_INDEX_URL. Set it with 'pulumi config set --path mlops:platform.mirrors.python https://nexus.example.com/repository/pypi/simple'.")]
    [InlineData("charts: https://charts.example.com", "MLOPS1701 mlops:platform.mirrors.charts 'https://charts.example.com' is neither an OCI registry path nor an absolute folder: Helm installs from oci://<registry>/<path>/<chart> or from <folder>/<chart>-<version>.tgz. Set it with 'pulumi config set --path mlops:platform.mirrors.charts oci://harbor.example.com/charts'.")]
    [InlineData("kubeflowManifests: manifests", "MLOPS1702 mlops:platform.mirrors.kubeflowManifests 'manifests' is neither a git URL nor an absolute folder: kustomize builds each unit from <git URL>//<path>?ref=v1.10.2 or <folder>/<path>. Set it with 'pulumi config set --path mlops:platform.mirrors.kubeflowManifests https://git.example.com/mirror/kubeflow-manifests'.")]
    [InlineData("maven: ftp://nexus.example.com", "MLOPS1703 mlops:platform.mirrors.maven 'ftp://nexus.example.com' is not an http:// or https:// URL: the jars are fetched from <mirror>/<group path>/<artifact>/<version>/. Set it with 'pulumi config set --path mlops:platform.mirrors.maven https://nexus.example.com/repository/maven-central'.")]
    public void ABadMirror_IsRefused_NamingTheKeyTheValueTheRuleAndTheFix(string setting, string error)
    {
        Assert.Equal([error], TestConfig.Load(("mlops:platform", $"\n    mirrors:\n      {setting}")).Errors.Select(e => e.Text));
    }

    // A URL, or a bare reference that starts a token (an image's registry, not a path segment under the mirror).
    [GeneratedRegex("(?:[a-z]+://|(?<![\\w./@:-]))[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?::[0-9]+)?(?:/[^\\s\"'`,;)\\]}]*)?")]
    private static partial Regex PublicReference();
}
