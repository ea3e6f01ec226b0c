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

    /// <summary>Values set only to move images through a registry mirror (production's).</summary>
    private static readonly string[] MirrorOnly = ["gitlab-runner.image", "global.communityImages", "gitlab.gitlab-shell", "gitlab.gitlab-exporter"];

    /// <summary>Subcharts' values (and the gitlab subchart's globals) that the umbrella chart's values.yaml does not carry.</summary>
    private static readonly string[] Subcharts = ["registry", "gitlab.webservice", "gitlab.sidekiq", "gitlab.gitaly", "gitlab.toolbox.backups", .. MirrorOnly];

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
        Assert.Equal(Subcharts.Where(s => stack == "prod" || !MirrorOnly.Contains(s)).Order(StringComparer.Ordinal), unknown.Intersect(Subcharts).Order(StringComparer.Ordinal));
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
        Assert.Null(global["image"]);
        Assert.Equal("gitlab-webservice-tls", (string)values["gitlab"]!["webservice"]!["ingress"]!["tls"]!["secretName"]!);
        Assert.Equal("gitlab-registry-tls", (string)values["registry"]!["ingress"]!["tls"]!["secretName"]!);
        Assert.Equal(
            (false, false, false, false, false, false),
            ((bool)values["installCertmanager"]!, (bool)values["nginx-ingress"]!["enabled"]!, (bool)values["prometheus"]!["install"]!, (bool)values["redis"]!["install"]!,
             (bool)values["postgresql"]!["install"]!, (bool)global["minio"]!["enabled"]!));
        Assert.Equal("""{"size":"500Gi","storageClass":"gold"}""", values["gitlab"]!["gitaly"]!["persistence"]!.ToJsonString());
        Assert.Equal((3, "16Gi"), ((int)values["gitlab"]!["webservice"]!["minReplicas"]!, (string)values["gitlab"]!["webservice"]!["resources"]!["requests"]!["memory"]!));
    }

    [Fact]
    public void Values_Prod_PullEveryGitlabImageThroughTheMirror()
    {
        var values = GitlabSpec.For(TestConfig.StackOptions("prod"))!.Values();
        var images = Strings(values).Where(s => s.Text.Contains("registry.gitlab.com", StringComparison.Ordinal)).ToArray();

        Assert.Equal(
            [
                ("global.communityImages.webservice.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-webservice-ce"),
                ("global.communityImages.workhorse.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-workhorse-ce"),
                ("global.communityImages.sidekiq.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-sidekiq-ce"),
                ("global.communityImages.toolbox.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-toolbox-ce"),
                ("global.communityImages.migrations.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-toolbox-ce"),
                ("global.gitlabBase.image.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-base"),
                ("global.kubectl.image.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/kubectl"),
                ("global.certificates.image.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/certificates"),
                ("gitlab-runner.image.registry", "harbor.prod.example.com/mirror/registry.gitlab.com"),
                ("registry.image.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-container-registry"),
                ("gitlab.gitaly.image.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitaly"),
                ("gitlab.gitlab-shell.image.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-shell"),
                ("gitlab.gitlab-exporter.image.repository", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/gitlab-exporter"),
            ],
            images.Where(i => !i.Path.EndsWith(".config", StringComparison.Ordinal)).ToArray());
        // Without a mirror the chart's own repositories stand: nothing is set.
        Assert.DoesNotContain(Strings(GitlabSpec.For(TestConfig.StackOptions("dev"))!.Values()), s => s.Text.StartsWith("registry.gitlab.com", StringComparison.Ordinal));
    }

    [UpstreamFact]
    public void ChartImages_AreEveryImageTheChartsValuesNameForWhatThePlatformRuns()
    {
        var defaults = UpstreamSchemas.Yaml(File.ReadAllText(Path.Combine(UpstreamSchemas.Folder, Values)))!.AsObject();
        var values = GitlabSpec.For(TestConfig.StackOptions("prod"))!.Values();
        var named = Strings(defaults).Where(s => s.Path.Contains(".image.", StringComparison.Ordinal) && (s.Path.EndsWith(".repository", StringComparison.Ordinal) || s.Path.EndsWith(".registry", StringComparison.Ordinal))).ToArray();
        bool Off(string section) =>
            values[section]?["install"]?.GetValue<bool>() == false || values[section]?["enabled"]?.GetValue<bool>() == false
            || (values[section] is null && defaults[section]?["enabled"]?.GetValue<bool>() == false);

        // The umbrella's own images of what runs carry the defaults GitlabVersions.ChartImages starts from ...
        var running = named.Where(n => !Off(n.Path.Split('.')[0]) && !n.Path.StartsWith("shared-secrets.selfsign.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["global.certificates.image.repository", "global.kubectl.image.repository", "global.gitlabBase.image.repository"], running.Select(n => n.Path));
        Assert.All(running, n => Assert.Contains((n.Path, n.Text), GitlabVersions.ChartImages));
        // ... the bundled services' images stay with the services the values turn off ...
        Assert.Equal(["nginx-ingress", "nginx-ingress-geo", "postgresql", "redis"], named.Select(n => n.Path.Split('.')[0]).Where(Off).Distinct().Order(StringComparer.Ordinal));
        // ... and the self-signed job, whose image is the one left, does not run: every enabled Ingress names its Secret.
        Assert.Equal(["shared-secrets.selfsign.image.repository"], named.Select(n => n.Path).Except(running.Select(r => r.Path)).Where(p => !Off(p.Split('.')[0])));
        Assert.NotNull(values["gitlab"]!["webservice"]!["ingress"]!["tls"]!["secretName"]);
        Assert.NotNull(values["registry"]!["ingress"]!["tls"]!["secretName"]);
    }

    [Fact]
    public void Backups_RunNightlyWhereTheStackHasABackupTarget_BeforeTheBucketsLeaveForIt()
    {
        var prod = GitlabSpec.For(TestConfig.StackOptions("prod"))!.Values()["gitlab"]!["toolbox"]!["backups"]!;
        var dev = GitlabSpec.For(TestConfig.StackOptions("dev"))!.Values()["gitlab"]!["toolbox"]!["backups"]!;

        Assert.Equal(
            """{"objectStorage":{"config":{"secret":"gitlab-object-storage","key":"s3cfg"}},"cron":{"enabled":true,"schedule":"0 1 * * *","persistence":{"enabled":true,"size":"500Gi","storageClass":"gold"}}}""",
            prod.ToJsonString());
        Assert.Equal("""{"objectStorage":{"config":{"secret":"gitlab-object-storage","key":"s3cfg"}}}""", dev.ToJsonString());
        // The backup lands in the gitlab-backups bucket at 01:00; MinIO's mirror takes the buckets to the target at 02:30.
        Assert.Equal(("0 1 * * *", "30 2 * * *"), (GitlabSpec.BackupSchedule, Infra.Model.Minio.MinioSpec.MirrorSchedule));
        Assert.Contains("mlops-prod-gitlab-backups", Infra.Model.Minio.MinioSpec.For(TestConfig.StackOptions("prod"))!.MirrorIdentity!.Buckets);
    }

    [Fact]
    public void Tls_WithoutAnIssuerIsOffAndNamesNoSecret()
    {
        var values = GitlabSpec.For(TestConfig.StackOptions("dev"))!.Values();

        Assert.False((bool)values["global"]!["ingress"]!["tls"]!["enabled"]!);
        Assert.Null(values["gitlab"]!["webservice"]!["ingress"]);
        Assert.Null(values["registry"]!["ingress"]);
    }

    /// <summary>Every string in <paramref name="node"/> with its dotted path, in document order.</summary>
    private static IEnumerable<(string Path, string Text)> Strings(JsonNode? node, string path = "") => node switch
    {
        JsonObject map => map.SelectMany(p => Strings(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
        JsonArray list => list.SelectMany((v, i) => Strings(v, $"{path}.{i}")),
        JsonValue value when value.TryGetValue<string>(out var text) => [(path, text)],
        _ => [],
    };

    [Fact]
    public void Runner_IsTheChartsKubernetesExecutorInGitlabsNamespaceThroughTheMirror()
    {
        var dev = GitlabSpec.For(TestConfig.StackOptions("dev"))!.Values()["gitlab-runner"]!;
        var prod = GitlabSpec.For(TestConfig.StackOptions("prod"))!.Values()["gitlab-runner"]!;

        Assert.Equal(
            """{"install":true,"rbac":{"create":true},"runners":{"locked":false,"config":"[[runners]]\n  [runners.kubernetes]\n    namespace = \u0022gitlab\u0022\n    image = \u0022docker.io/library/python:3.12.14-slim@sha256:7a8b475003c4fe15a2cd4e55e5cfc2f3560bdc9333d624f24cdd6d4340fd7a17\u0022\n    cpu_request = \u0022500m\u0022\n    memory_request = \u00221Gi\u0022\n    memory_limit = \u00224Gi\u0022\n"}}""",
            dev.ToJsonString());
        Assert.Equal(
            "[[runners]]\n  [runners.kubernetes]\n    namespace = \"gitlab\"\n    image = \"harbor.prod.example.com/mirror/docker.io/library/python:3.12.14-slim@sha256:7a8b475003c4fe15a2cd4e55e5cfc2f3560bdc9333d624f24cdd6d4340fd7a17\"\n    helper_image = \"harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v18.8.0\"\n    cpu_request = \"500m\"\n    memory_request = \"1Gi\"\n    memory_limit = \"4Gi\"\n",
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
                PlanNode.IdOf("kubernetes:batch/v1:Job", Infra.Model.Minio.MinioSpec.For(options)!.PolicyJobName()), "kubernetes:core/v1:Secret::gitlab-oidc-provider", "kubernetes:storage.k8s.io/v1:StorageClass::gold",
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
