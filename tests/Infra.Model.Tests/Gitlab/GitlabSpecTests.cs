using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Model.Gitlab;
using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Gitlab;

public sealed class GitlabSpecTests
{
    [Theory]
    [InlineData("0.77.0", "18.0.0")]
    [InlineData("0.85.0", "18.8.0")]
    [InlineData("0.86.1", "18.9.1")]
    public void RunnerVersion_IsTheOneItsChartRuns(string chart, string runner)
    {
        Assert.Equal(runner, Infra.Model.Gitlab.GitlabVersions.RunnerOfChart(chart));
    }

    [Fact]
    public void RunnerHelperImage_IsTheRunnerOfTheSubchartTheGitlabChartShips()
    {
        var values = TestConfig.StackPlan("prod").Nodes.Single(n => n.Name == "gitlab" && n.Type == Infra.Model.Kubernetes.KubernetesTokens.HelmRelease).Inputs["values"].ToString();

        Assert.Equal("0.85.0", Infra.Model.Gitlab.GitlabVersions.RunnerChart);
        Assert.Contains("gitlab-runner-helper:x86_64-v18.8.0", values, StringComparison.Ordinal);
        Assert.DoesNotContain("x86_64-v18.9.0", values, StringComparison.Ordinal);
    }

    private const string Values = "gitlab/gitlab.values.yaml";

    /// <summary>Subcharts whose values the umbrella chart's values.yaml does not carry.</summary>
    private static readonly string[] Subcharts = ["registry", "gitlab.webservice", "gitlab.sidekiq", "gitlab.gitaly", "gitlab.toolbox.backups", "gitlab-runner.image"];

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Values_UseOnlyKeysTheChartHasOrDocuments(string stack)
    {
        var values = GitlabSpec.For(TestConfig.StackOptions(stack))!.Values();
        var unknown = UpstreamSchemas.UnknownValues(Values, values);

        // Keys the defaults do not hold are the chart's documented-but-commented settings, or subcharts' own values.
        var commented = unknown.Except(Subcharts).ToArray();
        Assert.Equal(
            ["global.psql.host", "global.psql.port", "global.psql.database", "global.psql.username", "global.redis.host", "global.redis.port", "global.redis.user", "global.redis.auth.secret", "global.redis.auth.key"],
            commented.Where(k => k != "global.ingress.class").ToArray());
        Assert.All(commented, path => Assert.True(DocumentedInComments(path), $"{path} is neither in the chart's defaults nor documented in its comments"));
        // The runner's image moves only through a registry mirror (production's).
        Assert.Equal(Subcharts.Where(s => stack == "prod" || s != "gitlab-runner.image").Order(StringComparer.Ordinal), unknown.Intersect(Subcharts).Order(StringComparer.Ordinal));
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.ValuesSchema("gitlab/webservice.values.schema.json"), values["gitlab"]!["webservice"]!));
    }

    [Fact]
    public void Values_Prod_WireThePlatformsServicesByReferenceAndTurnTheBundledOnesOff()
    {
        var spec = GitlabSpec.For(TestConfig.StackOptions("prod"))!;
        var values = spec.Values();
        var global = values["global"]!;

        Assert.Equal("https://gitlab.mlops.example.com", spec.Url);
        Assert.Equal("""{"domain":"mlops.example.com","https":true}""", global["hosts"]!.ToJsonString());
        Assert.Equal("""{"configureCertmanager":false,"annotations":{"cert-manager.io/cluster-issuer":"corporate-ca"},"tls":{"enabled":true},"class":"contour"}""", global["ingress"]!.ToJsonString());
        Assert.Equal("""{"host":"mlops-postgres-rw.postgres.svc.cluster.local","port":5432,"database":"gitlabhq_production","username":"gitlab","password":{"useSecret":true,"secret":"gitlab-database","key":"password"}}""", global["psql"]!.ToJsonString());
        Assert.Equal("""{"host":"valkey.redis.svc.cluster.local","port":6379,"user":"gitlab","auth":{"enabled":true,"secret":"gitlab-redis","key":"password"}}""", global["redis"]!.ToJsonString());
        Assert.Equal("""{"secret":"gitlab-initial-root-password","key":"password"}""", global["initialRootPassword"]!.ToJsonString());
        Assert.Equal("""{"enabled":true,"proxy_download":true,"connection":{"secret":"gitlab-object-storage","key":"connection"}}""", global["appConfig"]!["object_store"]!.ToJsonString());
        Assert.Equal("mlops-prod-gitlab-artifacts", (string)global["appConfig"]!["artifacts"]!["bucket"]!);
        Assert.Equal("""{"bucket":"mlops-prod-gitlab-backups","tmpBucket":"mlops-prod-gitlab-tmp"}""", global["appConfig"]!["backups"]!.ToJsonString());
        Assert.Equal("harbor.prod.example.com/mirror/registry.gitlab.com", (string)global["image"]!["registry"]!);
        Assert.Equal(
            (false, false, false, false, false, false),
            ((bool)values["installCertmanager"]!, (bool)values["nginx-ingress"]!["enabled"]!, (bool)values["prometheus"]!["install"]!, (bool)values["redis"]!["install"]!,
             (bool)values["postgresql"]!["install"]!, (bool)global["minio"]!["enabled"]!));
        Assert.Equal("""{"size":"500Gi","storageClass":"gold"}""", values["gitlab"]!["gitaly"]!["persistence"]!.ToJsonString());
        Assert.Equal((3, "16Gi"), ((int)values["gitlab"]!["webservice"]!["minReplicas"]!, (string)values["gitlab"]!["webservice"]!["resources"]!["requests"]!["memory"]!));
    }

    [Fact]
    public void Runner_IsTheChartsKubernetesExecutorInGitlabsNamespaceThroughTheMirror()
    {
        var dev = GitlabSpec.For(TestConfig.StackOptions("dev"))!.Values()["gitlab-runner"]!;
        var prod = GitlabSpec.For(TestConfig.StackOptions("prod"))!.Values()["gitlab-runner"]!;

        Assert.Equal(
            """{"install":true,"rbac":{"create":true},"runners":{"locked":false,"config":"[[runners]]\n  [runners.kubernetes]\n    namespace = \u0022gitlab\u0022\n    image = \u0022docker.io/library/python:3.12-slim\u0022\n    cpu_request = \u0022500m\u0022\n    memory_request = \u00221Gi\u0022\n    memory_limit = \u00224Gi\u0022\n"}}""",
            dev.ToJsonString());
        Assert.Equal(
            "[[runners]]\n  [runners.kubernetes]\n    namespace = \"gitlab\"\n    image = \"harbor.prod.example.com/mirror/docker.io/library/python:3.12-slim\"\n    helper_image = \"harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v18.8.0\"\n    cpu_request = \"500m\"\n    memory_request = \"1Gi\"\n    memory_limit = \"4Gi\"\n",
            (string)prod["runners"]!["config"]!);
        Assert.Equal("harbor.prod.example.com/mirror/registry.gitlab.com", (string)prod["image"]!["registry"]!);
    }

    [Fact]
    public void StorageConfigs_CarryTheIdentityAndTheKeyOnlyInsideTheSecret()
    {
        var spec = GitlabSpec.For(TestConfig.StackOptions("dev"))!;

        Assert.Equal("provider: AWS\nregion: us-east-1\naws_access_key_id: gitlab\naws_secret_access_key: S3CRET\nendpoint: http://minio.minio.svc.cluster.local\npath_style: true\n", spec.StorageConfigFor("connection", "S3CRET"));
        Assert.Equal("s3:\n  accesskey: gitlab\n  secretkey: S3CRET\n  region: us-east-1\n  regionendpoint: http://minio.minio.svc.cluster.local\n  bucket: mlops-dev-gitlab-registry\n  forcepathstyle: true\n", spec.StorageConfigFor("registry", "S3CRET"));
        Assert.Equal("[default]\naccess_key = gitlab\nsecret_key = S3CRET\nhost_base = minio.minio.svc.cluster.local\nhost_bucket = minio.minio.svc.cluster.local\nuse_https = False\nbucket_location = us-east-1\n", spec.StorageConfigFor("s3cfg", "S3CRET"));
        Assert.DoesNotContain("S3CRET", spec.Values().ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TheReleaseWaitsForItsSecretsDatabaseRedisAndIdentityAndIsProtectedInProduction()
    {
        var options = TestConfig.StackOptions("prod");
        var plan = StackPlanner.Plan("prod", options);
        var release = plan[PlanNode.IdOf("kubernetes:helm.sh/v3:Release", "gitlab")];
        var storage = plan[PlanNode.IdOf("kubernetes:core/v1:Secret", "gitlab-object-storage")];

        Assert.True(release.Protect);
        Assert.Equal(
            [
                "kubernetes:core/v1:Secret::gitlab-initial-root-password", "kubernetes:core/v1:Secret::gitlab-database", "kubernetes:core/v1:Secret::gitlab-redis", "kubernetes:core/v1:Secret::gitlab-object-storage",
                "kubernetes:postgresql.cnpg.io/v1:Database::gitlabhq-production", "kubernetes:helm.sh/v3:Release::valkey",
                PlanNode.IdOf("kubernetes:batch/v1:Job", Infra.Model.Minio.MinioSpec.For(options)!.PolicyJobName()), "kubernetes:storage.k8s.io/v1:StorageClass::gold",
            ],
            release.DependsOn.ToArray());
        // Each storage configuration is the spec's text with the identity's generated key as the only secret part.
        var key = PlanValue.Generated("random:index/randomPassword:RandomPassword::gitlab-minio-password");
        var spec = GitlabSpec.For(options)!;
        var files = ((PlanValue.MapValue)storage.Inputs["stringData"]).Entries;
        Assert.Equal(["connection", "registry", "s3cfg"], files.Keys);
        foreach (var (file, text) in files)
        {
            var parts = ((PlanValue.Concat)text).Parts;
            Assert.Equal([key], parts.Where(p => p.IsSecret));
            Assert.Equal(spec.StorageConfigFor(file, "K"), string.Concat(parts.Select(p => p.IsSecret ? "K" : p.ToString())));
        }
        Assert.Contains("helm/gitlab.values.yaml", StackRenderer.Render(plan).Select(f => f.Name));
    }

    [Fact]
    public void Validation_GitlabNeedsADomain()
    {
        var errors = TestConfig.Errors(("mlops:maturity", "level2"));

        Assert.Contains("mlops:platform.ingress.domain is required when GitLab runs: GitLab is served at gitlab.<domain>, the address its clones, CI jobs and runners use. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>', or disable GitLab with 'pulumi config set --path mlops:platform.gitlab.enabled false'.", errors);
        Assert.Empty(TestConfig.Errors([.. TestConfig.GitlabReady, ("mlops:maturity", "level2")]));
    }

    /// <summary>Whether the chart's values.yaml documents <paramref name="path"/> as a commented key inside its parent's block.</summary>
    private static bool DocumentedInComments(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(UpstreamSchemas.Folder, Values));
        var segments = path.Split('.');
        var start = 0;
        var end = lines.Length;
        for (var depth = 0; depth < segments.Length - 1; depth++)
        {
            var indent = new string(' ', depth * 2);
            var at = Array.FindIndex(lines, start, end - start, l => l == $"{indent}{segments[depth]}:" || l.StartsWith($"{indent}{segments[depth]}: ", StringComparison.Ordinal));
            if (at < 0)
            {
                return false;
            }

            start = at + 1;
            var next = Array.FindIndex(lines, start, end - start, l => l.Length > 0 && !l.StartsWith(indent + " ", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'));
            end = next < 0 ? end : next;
        }

        var key = new Regex($"^\\s*#\\s*{Regex.Escape(segments[^1])}:");
        return lines[start..end].Any(key.IsMatch);
    }
}
