using Infra.Model.Backup;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Backup;

public sealed class RestoreTests
{
    private const string Batch = "kubernetes/v1.35.apis__batch__v1_openapi.json";
    private const string Rbac = "kubernetes/v1.35.apis__rbac.authorization.k8s.io__v1_openapi.json";

    // The shipped prod stack restoring its own backups: a second generation, a point in time, Rails' keys.
    private const string Restore = "    restore:\n      pointInTime: 2026-12-02T23:00:00Z\n      gitlabRailsSecret:\n        secure: v1:cmFpbHM=:kept\n";

    private static Infra.Model.Options.PlatformOptions RestoringProd(string restore = Restore, int generation = 2)
    {
        var yaml = File.ReadAllText(TestConfig.StackFile("prod"))
            .Replace("  mlops:platform:\n", "  mlops:platform:\n" + restore, StringComparison.Ordinal)
            .Replace("    backup:\n", $"    backup:\n      generation: {generation}\n", StringComparison.Ordinal);
        return PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.prod.yaml", "prod", yaml).Snapshot).ValidOptions();
    }

    private static string[] Errors(string platform) => TestConfig.Errors(TestConfig.Production[0], ("mlops:platform", TestConfig.Backup + platform));

    [Fact]
    public void Restore_IntoTheGenerationItReadsFrom_IsRefusedWithTheNextOne()
    {
        Assert.Equal(
            ["mlops:platform.restore.generation is 1, the generation this stack's PostgreSQL archives into: the restored cluster would write its WAL over the archive it recovers from, which CloudNativePG refuses. Start a new generation with 'pulumi config set --path mlops:platform.backup.generation 2'."],
            Errors("\n    restore:\n      pointInTime: 2026-12-02T23:00:00Z"));
        // Another environment's backups, or the previous generation, are read without conflict.
        Assert.Empty(Errors("\n    restore:\n      from: prod"));
        Assert.Empty(Errors("\n      generation: 3\n    restore:\n      generation: 2"));
    }

    [Fact]
    public void Restore_WithBadSettings_NamesEachKeyAndItsFix()
    {
        Assert.Equal(
            [
                "mlops:platform.restore.from 'Prod_1' is not an environment name: write the mlops:environment of the stack whose backups to restore, a lowercase DNS label such as 'prod'. Set it with 'pulumi config set --path mlops:platform.restore.from prod'.",
                "mlops:platform.restore.generation '0' is not a generation: the first is 1. Set the generation the backups were written in (that stack's mlops:platform.backup.generation) with 'pulumi config set --path mlops:platform.restore.generation 1'.",
                "mlops:platform.restore.pointInTime '2026-12-02 23:00' is not a point in time: write RFC 3339 with its offset, such as '2026-12-02T23:00:00Z', or leave it unset to recover to the end of the archived WAL. Set it with 'pulumi config set --path mlops:platform.restore.pointInTime 2026-12-02T23:00:00Z'.",
                "mlops:platform.restore.gitlabBackup 'latest' is not a GitLab backup ID: write the backup file's name before '_gitlab_backup.tar', such as '1796169600_2026_12_02_18.9.1', or leave it unset for the newest. Set it with 'pulumi config set --path mlops:platform.restore.gitlabBackup <id>'.",
                "mlops:platform.backup.generation '0' is not a generation: the first is 1, and each restore into this environment raises it by one. Set it with 'pulumi config set --path mlops:platform.backup.generation 1'.",
            ],
            Errors("\n      generation: 0\n    restore:\n      from: Prod_1\n      generation: 0\n      pointInTime: 2026-12-02 23:00\n      gitlabBackup: latest"));
    }

    [Fact]
    public void Restore_WithoutATarget_OrWithoutRailsKeysWhereGitlabRuns_IsRefused()
    {
        Assert.Equal(
            ["mlops:platform.restore reads the backup target, and none is set: set the target the backups were written to with 'pulumi config set --path mlops:platform.backup.endpoint https://<host>', 'pulumi config set --path mlops:platform.backup.bucket <bucket>', 'pulumi config set --path mlops:platform.backup.accessKey <access key id>' and 'pulumi config set --secret --path mlops:platform.backup.secretKey <secret key>'."],
            TestConfig.Errors(("mlops:platform", "\n    restore:\n      from: prod")));
        Assert.Equal(
            ["mlops:platform.restore.gitlabRailsSecret is required to restore GitLab: the restored database's encrypted columns (CI variables, tokens, two-factor secrets) are read with the keys of the GitLab that wrote them. Set the secrets.yml kept from that environment with 'pulumi config set --secret --path mlops:platform.restore.gitlabRailsSecret < secrets.yml' (docs/restore.md, \"Before you need it\")."],
            TestConfig.Errors(("mlops:maturity", "level2"), TestConfig.GitlabReady[0], ("mlops:platform", TestConfig.GitlabReady[1].Block + TestConfig.Backup + "\n    restore:\n      from: prod")));
    }

    [Theory]
    [InlineData("2026-12-02T23:00:00Z", "2026-12-02 23:00:00.000000+00")]
    [InlineData("2026-12-03T00:30:00.25+01:30", "2026-12-02 23:00:00.250000+00")]
    [InlineData("2026-12-02T23:00:00", null)]
    [InlineData("yesterday", null)]
    public void PointInTime_IsRfc3339WithItsOffset_WrittenForPostgresInUtc(string setting, string? targetTime)
    {
        var time = RestoreSpec.ParseTime(setting);

        Assert.Equal(targetTime, time is null ? null : new RestoreSpec(null!, "prod", 1, time, null).TargetTime);
    }

    [Fact]
    public void Postgres_IsBootstrappedFromTheOriginsBackups_AndArchivesIntoANewGeneration()
    {
        var cluster = Infra.Model.Postgres.PostgresSpec.For(RestoringProd())!.Cluster()["spec"]!;

        Assert.Equal(("origin", "2026-12-02 23:00:00.000000+00"), ((string)cluster["bootstrap"]!["recovery"]!["source"]!, (string)cluster["bootstrap"]!["recovery"]!["recoveryTarget"]!["targetTime"]!));
        Assert.Equal(
            """[{"name":"origin","barmanObjectStore":{"destinationPath":"s3://mlops-backups/prod/postgres/","endpointURL":"https://backup.example.com","s3Credentials":{"accessKeyId":{"name":"postgres-backup-s3","key":"ACCESS_KEY_ID"},"secretAccessKey":{"name":"postgres-backup-s3","key":"ACCESS_SECRET_KEY"},"region":{"name":"postgres-backup-s3","key":"ACCESS_REGION"}},"serverName":"mlops-postgres","wal":{"maxParallel":8}}}]""",
            cluster["externalClusters"]!.ToJsonString());
        Assert.Equal(("s3://mlops-backups/prod/postgres/", "mlops-postgres-g2"), ((string)cluster["backup"]!["barmanObjectStore"]!["destinationPath"]!, (string)cluster["backup"]!["barmanObjectStore"]!["serverName"]!));

        // A rehearsal in another environment reads prod's second generation by its server name.
        var rehearsal = Infra.Model.Postgres.PostgresSpec.For(TestConfig.StackOptions("prod") with
        {
            Environment = "prodr",
            Platform = TestConfig.StackOptions("prod").Platform! with { Restore = new Infra.Model.Options.RestoreOptions { From = "prod", Generation = 2 } },
        })!.Cluster()["spec"]!;
        Assert.Equal(("s3://mlops-backups/prod/postgres/", "mlops-postgres-g2"), ((string)rehearsal["externalClusters"]![0]!["barmanObjectStore"]!["destinationPath"]!, (string)rehearsal["externalClusters"]![0]!["barmanObjectStore"]!["serverName"]!));
        Assert.Equal("""{"recovery":{"source":"origin"}}""", rehearsal["bootstrap"]!.ToJsonString());
        Assert.Null(rehearsal["backup"]!["barmanObjectStore"]!["serverName"]);
    }

    [Fact]
    public void Buckets_AreFilledBackFromTheirMirror_ByTheMirrorsIdentity_WhichWritesOnlyInARestore()
    {
        var minio = Infra.Model.Minio.MinioSpec.For(RestoringProd())!;
        var script = minio.RestoreScript().Split('\n');

        Assert.False(minio.MirrorIdentity!.ReadOnly);
        Assert.True(Infra.Model.Minio.MinioSpec.For(TestConfig.StackOptions("prod"))!.MirrorIdentity!.ReadOnly);
        Assert.Equal("if [ -n \"$(mc ls target/mlops-backups/prod/objects/mlops-prod-mlflow-artifacts/)\" ]; then mc mirror --overwrite target/mlops-backups/prod/objects/mlops-prod-mlflow-artifacts source/mlops-prod-mlflow-artifacts; else echo 'mlops-prod-mlflow-artifacts: nothing in the backup'; fi", script[3]);
        Assert.Equal(minio.Store.Buckets.Length, script.Count(l => l.StartsWith("if [ -n ", StringComparison.Ordinal)));
        Assert.DoesNotContain("--remove", minio.RestoreScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OfARestore_StartsTheServicesAfterTheirBuckets_AndRestoresGitlabAfterItsKeys()
    {
        var plan = StackPlannerFor(RestoringProd());
        string Job(string name) => PlanNode.IdOf(KubernetesTokens.Job, name);
        var policies = Job(Infra.Model.Minio.MinioSpec.For(RestoringProd())!.PolicyJobName());

        Assert.Equal([Job(Infra.Model.Minio.MinioSpec.For(RestoringProd())!.PolicyJobName()), "kubernetes:core/v1:Secret::minio-backup-mirror"], plan[Job("minio-restore")].DependsOn.ToArray());
        Assert.Equal(["kubernetes:helm.sh/v3:Release::gitlab", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::gitlab-restore"], plan[Job("gitlab-restore")].DependsOn.ToArray());

        // Every service that reads the buckets waits for them to be back: GitLab (whose restore reads its backups bucket), MLflow, Feast, Spark, Pipelines.
        var readers = plan.Nodes.Where(n => n.DependsOn.Contains(policies) && n.Id != Job("minio-restore") && n.Type != KubernetesTokens.CronJob).ToArray();
        Assert.All(readers, n => Assert.Contains(Job("minio-restore"), n.DependsOn));
        Assert.Contains(readers, n => n.Id == PlanNode.IdOf(KubernetesTokens.HelmRelease, "gitlab"));
        Assert.Contains(readers, n => n.Id == PlanNode.IdOf(KubernetesTokens.HelmRelease, "mlflow"));

        Assert.DoesNotContain(Job("minio-restore"), TestConfig.StackPlan("prod").Nodes.SelectMany(n => n.DependsOn));
        Assert.Contains("kubernetes:core/v1:Secret::gitlab-rails-secret", plan["kubernetes:helm.sh/v3:Release::gitlab"].DependsOn);
        Assert.Equal("{secrets.yml: [secret mlops:platform.restore.gitlabRailsSecret]}", plan["kubernetes:core/v1:Secret::gitlab-rails-secret"].Inputs["stringData"].ToString());
        // The mirror's identity may write during a restore: its policy changes, and with it the Job that applies the policies.
        Assert.NotEqual(policies, Job(Infra.Model.Minio.MinioSpec.For(TestConfig.StackOptions("prod"))!.PolicyJobName()));
        Assert.Equal(
            [
                "kubernetes:batch/v1:Job::gitlab-restore", policies, "kubernetes:batch/v1:Job::minio-restore", "kubernetes:batch/v1:Job::velero-restore", "kubernetes:core/v1:Secret::gitlab-rails-secret",
                "kubernetes:core/v1:ServiceAccount::gitlab-restore", "kubernetes:core/v1:ServiceAccount::velero-restore", "kubernetes:rbac.authorization.k8s.io/v1:Role::gitlab-restore",
                "kubernetes:rbac.authorization.k8s.io/v1:Role::velero-restore", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::gitlab-restore", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::velero-restore",
            ],
            plan.Nodes.Select(n => n.Id).Except(TestConfig.StackPlan("prod").Nodes.Select(n => n.Id)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GitlabRestore_RunsTheChartsRestoreInTheToolbox_WithTheWebServiceAndSidekiqStopped()
    {
        var gitlab = Infra.Model.Gitlab.GitlabSpec.For(RestoringProd())!;

        Assert.Equal(
            "set -eu\n"
            + "kubectl -n gitlab wait --for=condition=Ready pod -l app=toolbox,release=gitlab --timeout=15m\n"
            + "toolbox=$(kubectl -n gitlab get pods -l app=toolbox,release=gitlab -o jsonpath='{.items[0].metadata.name}')\n"
            + "id=$(kubectl -n gitlab exec \"$toolbox\" -- s3cmd ls s3://mlops-prod-gitlab-backups/ | sed -n 's|.*/\\([0-9]\\{10\\}_.*\\)_gitlab_backup\\.tar$|\\1|p' | sort | tail -n 1)\n"
            + "[ -n \"$id\" ] || { echo 'No GitLab backup in s3://mlops-prod-gitlab-backups/: restore the bucket first.' >&2; exit 1; }\n"
            + "echo \"Restoring GitLab backup $id\"\n"
            + "kubectl -n gitlab scale deployment -l app=webservice,release=gitlab --replicas=0\n"
            + "kubectl -n gitlab scale deployment -l app=sidekiq,release=gitlab --replicas=0\n"
            + "kubectl -n gitlab exec \"$toolbox\" -- env GITLAB_ASSUME_YES=1 backup-utility --restore -t \"$id\"\n"
            + "kubectl -n gitlab scale deployment -l app=webservice,release=gitlab --replicas=3\n"
            + "kubectl -n gitlab scale deployment -l app=sidekiq,release=gitlab --replicas=3\n",
            gitlab.RestoreScript());
        var named = Infra.Model.Gitlab.GitlabSpec.For(RestoringProd(Restore + "      gitlabBackup: 1796169600_2026_12_02_18.9.1\n"))!;
        Assert.Contains("\nid=1796169600_2026_12_02_18.9.1\n", named.RestoreScript(), StringComparison.Ordinal);
        var pod = gitlab.RestoreJobManifest()["spec"]!["template"]!["spec"]!;
        Assert.Equal(("gitlab-restore", "Never", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/kubectl:v18.9.1"), ((string)pod["serviceAccountName"]!, (string)pod["restartPolicy"]!, (string)pod["containers"]![0]!["image"]!));
        Assert.Throws<InvalidOperationException>(Infra.Model.Gitlab.GitlabSpec.For(TestConfig.StackOptions("prod"))!.RestoreScript);
    }

    [UpstreamFact]
    public void RestoreJobsAndTheirRole_MatchTheKubernetesSchemas()
    {
        var options = RestoringProd();
        var role = new System.Text.Json.Nodes.JsonObject { ["rules"] = Infra.Model.Gitlab.GitlabSpec.RestoreRules() };

        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes(Batch, "io.k8s.api.batch.v1.Job"), Infra.Model.Gitlab.GitlabSpec.For(options)!.RestoreJobManifest()));
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes(Batch, "io.k8s.api.batch.v1.Job"), Infra.Model.Minio.MinioSpec.For(options)!.RestoreJobManifest()));
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes(Rbac, "io.k8s.api.rbac.v1.Role"), role));
    }

    private static Plan StackPlannerFor(Infra.Model.Options.PlatformOptions options) => Infra.Model.Stacks.StackPlanner.Plan("prod", options);
}
