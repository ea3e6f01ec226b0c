using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// A restore (<c>mlops:platform.restore</c>): the stack's stateful services come back from the backup target as it
/// is deployed, PostgreSQL into a new cluster at a point in time, the buckets from their mirror, GitLab from
/// its backup and the teams' volumes from Velero's. Remove the block once the restore is checked; the next update changes nothing that holds data.
/// </summary>
public sealed record RestoreOptions
{
    /// <summary>The environment whose backups are read (its prefix on the backup target). Default: the stack's own.</summary>
    public string? From { get; init; }

    /// <summary>The generation of that environment's PostgreSQL backups to recover from (its <c>mlops:platform.backup.generation</c>). Default: 1.</summary>
    public int? Generation { get; init; }

    /// <summary>The time PostgreSQL is recovered to, RFC 3339 with its offset (<c>2026-12-02T23:00:00Z</c>). Default: the end of the archived WAL.</summary>
    public string? PointInTime { get; init; }

    /// <summary>The GitLab backup to restore, by its ID (<c>1796169600_2026_12_02_18.9.1</c>). Default: the newest in the restored backups bucket.</summary>
    public string? GitlabBackup { get; init; }

    /// <summary>
    /// GitLab's <c>secrets.yml</c> from the environment restored (its <c>gitlab-rails-secret</c>), set with
    /// <c>pulumi config set --secret</c>: without it the restored database's encrypted columns cannot be read.
    /// Required where GitLab runs.
    /// </summary>
    public SecretSetting? GitlabRailsSecret { get; init; }
}
