using Infra.Model.Planning;
using Infra.Model.Tests.Upstream;
using Infra.Model.Backup;
using Infra.Model.Postgres;

namespace Infra.Model.Tests.Backup;

public sealed class BackupTests
{
    private static string[] Errors(string backup, bool production = true) =>
        TestConfig.Errors(("mlops:production", production ? "true" : "false"), ("mlops:platform", "\n    backup:" + backup));

    [Fact]
    public void Production_WithoutATarget_IsRefusedWithTheCommandsThatSetOne()
    {
        Assert.Equal(
            [
                "mlops:platform.backup is required in production: PostgreSQL's databases are backed up continuously, and a backup kept in the cluster (or its MinIO) is lost with it. "
                + "Point it at an S3 endpoint outside the cluster with 'pulumi config set --path mlops:platform.backup.endpoint https://<host>', 'pulumi config set --path mlops:platform.backup.bucket <bucket>', "
                + "'pulumi config set --path mlops:platform.backup.accessKey <access key id>' and 'pulumi config set --secret --path mlops:platform.backup.secretKey <secret key>'.",
            ],
            TestConfig.Errors(("mlops:production", "true")));
        // Development backs up only where a target is set; a production stack with no database needs none.
        Assert.Empty(TestConfig.Errors(("mlops:production", "false")));
        Assert.Empty(TestConfig.Errors(("mlops:production", "true"), ("mlops:maturity", "level0")));
        Assert.Empty(TestConfig.Errors(TestConfig.Production));
    }

    [Theory]
    [InlineData("http://minio.minio.svc.cluster.local", "the platform's own MinIO")]
    [InlineData("https://s3.backup.svc.cluster.local:9000", "an address inside the cluster")]
    [InlineData("http://minio-hl.minio.svc", "an address inside the cluster")]
    [InlineData("http://backup", "an address inside the cluster")]
    public void Endpoint_InsideTheCluster_IsRefused(string endpoint, string where)
    {
        var errors = Errors($"\n      endpoint: {endpoint}\n      bucket: mlops-backups\n      accessKey: AK\n      secretKey:\n        secure: v1:b");

        Assert.Equal(
            [$"mlops:platform.backup.endpoint '{endpoint}' is {where}: backups kept in the cluster are lost with it. Point it at an S3 endpoint outside the cluster with 'pulumi config set --path mlops:platform.backup.endpoint https://<host>'."],
            errors);
    }

    [Fact]
    public void AnIncompleteTarget_NamesEachMissingOrWrongSetting()
    {
        var errors = Errors("\n      endpoint: backup.example.com\n      bucket: Backups_2026\n      retention: 30 days", production: false);

        Assert.Equal(
            [
                "mlops:platform.backup.endpoint 'backup.example.com' is not an S3 endpoint: write an http:// or https:// URL, such as 'https://backup.example.com'. Set it with 'pulumi config set --path mlops:platform.backup.endpoint <url>'.",
                "mlops:platform.backup.bucket 'Backups_2026' is not a bucket name: use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. Set it with 'pulumi config set --path mlops:platform.backup.bucket <bucket>'.",
                "mlops:platform.backup.accessKey is required: the access key ID of the identity that writes the backups. Set it with 'pulumi config set --path mlops:platform.backup.accessKey <access key id>'.",
                "mlops:platform.backup.secretKey is required: the secret access key of the identity that writes the backups. Set it with 'pulumi config set --secret --path mlops:platform.backup.secretKey <secret key>'.",
                "mlops:platform.backup.retention '30 days' is not a retention: write a count of days, weeks or months, such as '30d', '4w' or '6m'. Set it with 'pulumi config set --path mlops:platform.backup.retention 30d'.",
            ],
            errors);
        Assert.Equal(
            ["mlops:platform.backup.endpoint is required: the S3 endpoint outside the cluster the backups go to. Set it with 'pulumi config set --path mlops:platform.backup.endpoint https://<host>'.",
             "mlops:platform.backup.bucket is required: the bucket on the target the backups go to. Set it with 'pulumi config set --path mlops:platform.backup.bucket <bucket>'."],
            Errors("\n      accessKey: AK\n      secretKey:\n        secure: v1:b"));
    }

    [Fact]
    public void Development_WithATarget_BacksUpUnderItsEnvironmentForAWeek()
    {
        var spec = PostgresSpec.For(TestConfig.Load(("mlops:platform", TestConfig.Backup + "\n      region: eu-central-1")).ValidOptions())!;

        Assert.Equal(new BackupTarget("https://backup.example.com", "eu-central-1", "mlops-backups", "AKBACKUP", spec.Backup!.SecretKey, "7d", "dev"), spec.Backup);
        Assert.Equal(("7d", "s3://mlops-backups/dev/postgres/"), ((string)spec.Cluster()["spec"]!["backup"]!["retentionPolicy"]!, (string)spec.Cluster()["spec"]!["backup"]!["barmanObjectStore"]!["destinationPath"]!));
        Assert.Equal("mlops:platform.backup.secretKey", spec.Backup.SecretKey.FullKey);
        Assert.NotNull(spec.ScheduledBackup());
    }

    [Fact]
    public void TheObjectStore_NoLongerHoldsPostgresBackups()
    {
        var store = Infra.Model.ObjectStore.ObjectStoreSpec.For(TestConfig.StackOptions("prod"));

        Assert.DoesNotContain(store.Buckets, b => b.Name.Contains("postgres", StringComparison.Ordinal));
        Assert.DoesNotContain(store.Identities, i => i.Name == "postgres");
    }
}

public sealed class BucketMirrorTests
{
    private const string Core = "kubernetes/v1.35.api__v1_openapi.json";

    [Fact]
    public void EveryBucket_IsMirroredNightlyToTheTarget_ByAUserThatOnlyReads()
    {
        var options = TestConfig.StackOptions("prod");
        var minio = Infra.Model.Minio.MinioSpec.For(options)!;
        var mirror = minio.MirrorIdentity!;

        Assert.Equal(("backup", true), (mirror.Name, mirror.ReadOnly));
        Assert.Equal(minio.Store.Buckets.Select(b => b.Name), mirror.Buckets);
        Assert.Equal("""[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation","s3:ListBucketMultipartUploads"],"Resource":["arn:aws:s3:::mlops-prod-mlflow-artifacts"]},{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::mlops-prod-mlflow-artifacts/*"]}]""",
            (mirror with { Buckets = ["mlops-prod-mlflow-artifacts"] }).Policy()["Statement"]!.ToJsonString());
        Assert.StartsWith(
            "set -eu\nmc alias set source http://minio.minio.svc.cluster.local \"$SOURCE_ACCESS_KEY\" \"$SOURCE_SECRET_KEY\" >/dev/null\nmc alias set target https://backup.example.com \"$TARGET_ACCESS_KEY\" \"$TARGET_SECRET_KEY\" >/dev/null\n"
            + "mc mirror --overwrite source/mlops-prod-mlflow-artifacts target/mlops-backups/prod/objects/mlops-prod-mlflow-artifacts\n",
            minio.MirrorScript(), StringComparison.Ordinal);
        Assert.Equal(mirror.Buckets.Length, minio.MirrorScript().Split('\n').Count(l => l.StartsWith("mc mirror --overwrite ", StringComparison.Ordinal)));
        Assert.DoesNotContain("--remove", minio.MirrorScript(), StringComparison.Ordinal);

        var plan = TestConfig.StackPlan("prod");
        var cronJob = plan[PlanNode.IdOf(Infra.Model.Kubernetes.KubernetesTokens.CronJob, "minio-backup-mirror")];
        Assert.Equal([PlanNode.IdOf(Infra.Model.Kubernetes.KubernetesTokens.Job, minio.PolicyJobName()), "kubernetes:core/v1:Secret::minio-backup-mirror"], cronJob.DependsOn.ToArray());
        Assert.Equal(
            "{SOURCE_ACCESS_KEY: backup, SOURCE_SECRET_KEY: [secret random:index/randomPassword:RandomPassword::backup-minio-password], TARGET_ACCESS_KEY: AKMLOPSPRODBACKUP, TARGET_SECRET_KEY: [secret mlops:platform.backup.secretKey]}",
            plan["kubernetes:core/v1:Secret::minio-backup-mirror"].Inputs["stringData"].ToString());
        var spec = minio.MirrorCronJob()["spec"]!;
        Assert.Equal(("30 2 * * *", "Forbid"), ((string)spec["schedule"]!, (string)spec["concurrencyPolicy"]!));
        Assert.Equal("harbor.prod.example.com/mirror/quay.io/minio/mc:RELEASE.2025-04-16T18-13-26Z@sha256:aead63c77f9db9107f1696fb08ecb0faeda23729cde94b0f663edf4fe09728e3", (string)spec["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!);
    }

    [UpstreamFact]
    public void CronJob_MatchesTheKubernetesSchema()
    {
        var cronJob = Infra.Model.Minio.MinioSpec.For(TestConfig.StackOptions("prod"))!.MirrorCronJob();

        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes("kubernetes/v1.35.apis__batch__v1_openapi.json", "io.k8s.api.batch.v1.CronJobSpec"), cronJob["spec"]!));
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes(Core, "io.k8s.api.core.v1.PodSpec"), cronJob["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!));
    }

    [Fact]
    public void WithoutATarget_NothingIsMirrored()
    {
        var dev = Infra.Model.Minio.MinioSpec.For(TestConfig.StackOptions("dev"))!;

        Assert.Null(dev.MirrorIdentity);
        Assert.DoesNotContain(TestConfig.StackPlan("dev").Nodes, n => n.Type == Infra.Model.Kubernetes.KubernetesTokens.CronJob && n.Name == Infra.Model.Minio.MinioSpec.MirrorJob);
        Assert.Throws<InvalidOperationException>(dev.MirrorScript);
    }
}
