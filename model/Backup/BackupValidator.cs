using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Options;

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
        if (options.Platform?.Backup is not { } backup)
        {
            if (options.IsProduction && KeepsData(options))
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

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
