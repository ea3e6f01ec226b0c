using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

namespace Infra.Model.Backup;

/// <summary>The rules of the backup target.</summary>
public static partial class BackupValidator
{
    private const string Path = "mlops:platform:backup";

    private const string SetAll =
        "'pulumi config set --path mlops:platform.backup.endpoint https://<host>', 'pulumi config set --path mlops:platform.backup.bucket <bucket>', "
        + "'pulumi config set --path mlops:platform.backup.accessKey <access key id>' and 'pulumi config set --secret --path mlops:platform.backup.secretKey <secret key>'";

    /// <summary>Whether the stack's services keep data a backup must carry: PostgreSQL's databases.</summary>
    public static bool KeepsData(PlatformOptions options) => Postgres.PostgresSpec.UsersFor(options).Length > 0;

    /// <summary>Checks the target, and that a production stack that keeps data has one.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        ValidateRestore(options, errors);
        if (options.Platform?.Backup is not { } backup)
        {
            if (options.IsProduction && options.DeploysPlatform && KeepsData(options))
            {
                errors.Fail(BackupErrors.Required, Path, $"is required in production: PostgreSQL's databases are backed up continuously, and a backup kept in the cluster (or its MinIO) is lost with it. Point it at an S3 endpoint outside the cluster with {SetAll}.");
            }

            return;
        }

        if (backup.Endpoint is not { Length: > 0 } endpoint)
        {
            errors.Fail(BackupErrors.EndpointRequired, $"{Path}:endpoint", "is required: the S3 endpoint outside the cluster the backups go to. Set it with 'pulumi config set --path mlops:platform.backup.endpoint https://<host>'.");
        }
        else if (!ValueRules.IsHttpUrl(endpoint, allowQuery: false))
        {
            errors.Fail(BackupErrors.Endpoint, $"{Path}:endpoint", $"'{endpoint}' is not an S3 endpoint: write an http:// or https:// URL, such as 'https://backup.example.com'. Set it with 'pulumi config set --path mlops:platform.backup.endpoint <url>'.");
        }
        else if (InsideTheCluster(new Uri(endpoint).Host) is { } where)
        {
            errors.Fail(BackupErrors.InCluster, $"{Path}:endpoint", $"'{endpoint}' is {where}: backups kept in the cluster are lost with it. Point it at an S3 endpoint outside the cluster with 'pulumi config set --path mlops:platform.backup.endpoint https://<host>'.");
        }

        if (backup.Bucket is not { Length: > 0 } bucket)
        {
            errors.Fail(BackupErrors.Bucket, $"{Path}:bucket", "is required: the bucket on the target the backups go to. Set it with 'pulumi config set --path mlops:platform.backup.bucket <bucket>'.");
        }
        else if (!BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            errors.Fail(BackupErrors.Bucket, $"{Path}:bucket", $"'{bucket}' is not a bucket name: use 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. Set it with 'pulumi config set --path mlops:platform.backup.bucket <bucket>'.");
        }

        if (backup.AccessKey is not { Length: > 0 })
        {
            errors.Fail(BackupErrors.AccessKeyRequired, $"{Path}:accessKey", "is required: the access key ID of the identity that writes the backups. Set it with 'pulumi config set --path mlops:platform.backup.accessKey <access key id>'.");
        }

        if (backup.SecretKey is null)
        {
            errors.Fail(BackupErrors.SecretKeyRequired, $"{Path}:secretKey", "is required: the secret access key of the identity that writes the backups. Set it with 'pulumi config set --secret --path mlops:platform.backup.secretKey <secret key>'.");
        }

        if (backup.Retention is { } retention && !RetentionPattern().IsMatch(retention))
        {
            errors.Fail(BackupErrors.Retention, $"{Path}:retention", $"'{retention}' is not a retention: write a count of days, weeks or months, such as '30d', '4w' or '6m'. Set it with 'pulumi config set --path mlops:platform.backup.retention 30d'.");
        }

        if (backup.Generation is < 1 and var generation)
        {
            errors.Fail(BackupErrors.Generation, $"{Path}:generation", $"'{generation}' is not a generation: the first is 1, and each restore into this environment raises it by one. Set it with 'pulumi config set --path mlops:platform.backup.generation 1'.");
        }
    }

    private static void ValidateRestore(PlatformOptions options, ConfigErrors errors)
    {
        if (options.Platform?.Restore is not { } restore)
        {
            return;
        }

        const string restorePath = "mlops:platform:restore";
        if (options.Platform.Backup is null)
        {
            errors.Fail(BackupErrors.RestoreTarget, restorePath, $"reads the backup target, and none is set: set the target the backups were written to with {SetAll}.");
        }

        if (restore.From is { } from && !ValueRules.IsDnsLabel(from, Stacks.StackValidator.MaxEnvironmentLength))
        {
            errors.Fail(BackupErrors.RestoreFrom, $"{restorePath}:from", $"'{from}' is not an environment name: write the mlops:environment of the stack whose backups to restore, a lowercase DNS label such as 'prod'. Set it with 'pulumi config set --path mlops:platform.restore.from prod'.");
        }

        var generation = restore.Generation ?? 1;
        var own = options.Platform.Backup?.Generation ?? 1;
        if (generation < 1)
        {
            errors.Fail(BackupErrors.RestoreGeneration, $"{restorePath}:generation", $"'{generation}' is not a generation: the first is 1. Set the generation the backups were written in (that stack's mlops:platform.backup.generation) with 'pulumi config set --path mlops:platform.restore.generation 1'.");
        }
        else if ((restore.From ?? options.Environment) == options.Environment && generation == own)
        {
            errors.Fail(BackupErrors.RestoreGeneration, $"{restorePath}:generation", $"is {generation}, the generation this stack's PostgreSQL archives into: the restored cluster would write its WAL over the archive it recovers from, which CloudNativePG refuses. Start a new generation with 'pulumi config set --path mlops:platform.backup.generation {generation + 1}'.");
        }

        if (restore.PointInTime is { } time && RestoreSpec.ParseTime(time) is null)
        {
            errors.Fail(BackupErrors.PointInTime, $"{restorePath}:pointInTime", $"'{time}' is not a point in time: write RFC 3339 with its offset, such as '2026-12-02T23:00:00Z', or leave it unset to recover to the end of the archived WAL. Set it with 'pulumi config set --path mlops:platform.restore.pointInTime 2026-12-02T23:00:00Z'.");
        }

        if (restore.GitlabRailsSecret is null && options.IsEnabled(Gitlab.GitlabTechnology.Service))
        {
            errors.Fail(BackupErrors.GitlabRailsSecret, $"{restorePath}:gitlabRailsSecret", "is required to restore GitLab: the restored database's encrypted columns (CI variables, tokens, two-factor secrets) are read with the keys of the GitLab that wrote them. Set the secrets.yml kept from that environment with 'pulumi config set --secret --path mlops:platform.restore.gitlabRailsSecret < secrets.yml' (docs/restore.md, \"Before you need it\").");
        }

        if (restore.GitlabBackup is { } id && !GitlabBackupId().IsMatch(id))
        {
            errors.Fail(BackupErrors.GitlabBackup, $"{restorePath}:gitlabBackup", $"'{id}' is not a GitLab backup ID: write the backup file's name before '_gitlab_backup.tar', such as '1796169600_2026_12_02_18.9.1', or leave it unset for the newest. Set it with 'pulumi config set --path mlops:platform.restore.gitlabBackup <id>'.");
        }
    }

    /// <summary>Where <paramref name="host"/> is inside the cluster, said for a message, or null for a host outside it.</summary>
    public static string? InsideTheCluster(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.ToLowerInvariant();
        if (name == new Uri(Minio.MinioSpec.Endpoint).Host)
        {
            return "the platform's own MinIO";
        }

        return name.EndsWith(".svc", StringComparison.Ordinal) || name.EndsWith(".cluster.local", StringComparison.Ordinal) || name == "localhost" || !name.Contains('.', StringComparison.Ordinal)
            ? "an address inside the cluster"
            : null;
    }

    // Kubernetes' retention form for CloudNativePG's backups (its Cluster CRD: ^[1-9][0-9]*[dwm]$).
    [GeneratedRegex("^[1-9][0-9]*[dwm]$")]
    private static partial Regex RetentionPattern();

    // backup-utility's IDs: <unix time>_<yyyy>_<mm>_<dd>_<version>[-ee] (gitlab charts doc/backup-restore/backup.md).
    [GeneratedRegex(@"^[0-9]{10}_[0-9]{4}_[0-9]{2}_[0-9]{2}_[0-9]+\.[0-9]+\.[0-9]+(-ee)?$")]
    private static partial Regex GitlabBackupId();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
