using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Backup.BackupErrors))]

namespace Infra.Model.Backup;

/// <summary>The rules of the backup target: outside the cluster, complete, and set in production.</summary>
public static class BackupErrors
{
    /// <summary>A production stack that keeps data without a backup target.</summary>
    public static readonly ErrorCode Required = new("MLOPS1301", "mlops:platform.backup", "A production stack whose services keep data backs them up to a target outside the cluster.");

    /// <summary>No endpoint.</summary>
    public static readonly ErrorCode EndpointRequired = new("MLOPS1302", "mlops:platform.backup.endpoint", "A backup target has its endpoint.");

    /// <summary>A malformed endpoint.</summary>
    public static readonly ErrorCode Endpoint = new("MLOPS1303", "mlops:platform.backup.endpoint", "The endpoint is an http:// or https:// URL with no query.");

    /// <summary>An endpoint inside the cluster.</summary>
    public static readonly ErrorCode InCluster = new("MLOPS1304", "mlops:platform.backup.endpoint", "Backups leave the cluster they protect: the endpoint is neither the platform's MinIO nor any other address inside the cluster.");

    /// <summary>No bucket, or not a bucket name.</summary>
    public static readonly ErrorCode Bucket = new("MLOPS1305", "mlops:platform.backup.bucket", "The target names its bucket: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.");

    /// <summary>No access key ID.</summary>
    public static readonly ErrorCode AccessKeyRequired = new("MLOPS1306", "mlops:platform.backup.accessKey", "The target has the access key ID of the identity that writes the backups.");

    /// <summary>No secret key.</summary>
    public static readonly ErrorCode SecretKeyRequired = new("MLOPS1307", "mlops:platform.backup.secretKey", "The target has that identity's secret access key, as a secret.");

    /// <summary>A retention that is not one.</summary>
    public static readonly ErrorCode Retention = new("MLOPS1308", "mlops:platform.backup.retention", "The retention is a count of days, weeks or months: <n>d, <n>w or <n>m.");

    /// <summary>A generation below 1.</summary>
    public static readonly ErrorCode Generation = new("MLOPS1309", "mlops:platform.backup.generation", "The generation of the PostgreSQL backups is a whole number from 1.");

    /// <summary>A restore without a target to read from.</summary>
    public static readonly ErrorCode RestoreTarget = new("MLOPS1310", "mlops:platform.restore", "A restore reads the backup target: mlops:platform.backup is set with it.");

    /// <summary>A source environment that is not one.</summary>
    public static readonly ErrorCode RestoreFrom = new("MLOPS1311", "mlops:platform.restore.from", "The environment restored from is an environment name: a lowercase DNS label of at most 20 characters.");

    /// <summary>A source generation below 1, or the one the restored cluster would archive into.</summary>
    public static readonly ErrorCode RestoreGeneration = new("MLOPS1312", "mlops:platform.restore.generation", "The generation restored from is a whole number from 1, and not the one the restored cluster archives into.");

    /// <summary>A point in time that is not RFC 3339 with its offset.</summary>
    public static readonly ErrorCode PointInTime = new("MLOPS1313", "mlops:platform.restore.pointInTime", "The point in time is RFC 3339 with its offset, such as 2026-12-02T23:00:00Z.");

    /// <summary>A GitLab backup ID that is not one.</summary>
    public static readonly ErrorCode GitlabBackup = new("MLOPS1314", "mlops:platform.restore.gitlabBackup", "The GitLab backup is named by its ID: <unix time>_<yyyy>_<mm>_<dd>_<GitLab version>, the file name before _gitlab_backup.tar.");

    /// <summary>A GitLab restore without the rails secret.</summary>
    public static readonly ErrorCode GitlabRailsSecret = new("MLOPS1315", "mlops:platform.restore.gitlabRailsSecret", "A restore where GitLab runs has GitLab's secrets.yml from the environment restored, as a secret.");
}
