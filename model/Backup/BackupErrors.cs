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
}
