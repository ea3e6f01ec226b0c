using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// Where the platform's backups go (<c>mlops:platform.backup</c>): an S3 endpoint outside the cluster, a bucket on
/// it and an identity that may write there. Required in production; a development stack backs up where it is set.
/// </summary>
public sealed record BackupTargetOptions
{
    /// <summary>The S3 endpoint URL, outside the cluster, e.g. <c>https://backup.example.com</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The region requests are signed for. Default: <c>us-east-1</c>.</summary>
    public string? Region { get; init; }

    /// <summary>The bucket; each stack writes under its environment's prefix.</summary>
    public string? Bucket { get; init; }

    /// <summary>The access key ID of the identity that writes the backups.</summary>
    public string? AccessKey { get; init; }

    /// <summary>Its secret access key, set with <c>pulumi config set --secret</c>.</summary>
    public SecretSetting? SecretKey { get; init; }

    /// <summary>How long backups are kept, as <c>&lt;n&gt;d</c>, <c>&lt;n&gt;w</c> or <c>&lt;n&gt;m</c>. Default: 30d in production, 7d otherwise.</summary>
    public string? Retention { get; init; }

    /// <summary>
    /// The generation of this stack's PostgreSQL backups: a database cluster restored from a backup starts a new
    /// archive (CloudNativePG refuses to archive into one that holds another cluster's WAL), so a restore into the
    /// stack's own environment raises it by one, and it stays raised. Default: 1.
    /// </summary>
    public int? Generation { get; init; }

    /// <summary>The volumes' backups, by Velero: on wherever the target is set and a volume needs one.</summary>
    public VolumeBackupOptions? Volumes { get; init; }
}
