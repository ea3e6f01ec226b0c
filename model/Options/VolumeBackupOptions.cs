using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// The volumes' backups (<c>mlops:platform.backup.volumes</c>): Velero snapshots the teams' workspaces and
/// Gitaly's repositories through the CSI driver every night and moves each snapshot's data to the backup target.
/// </summary>
public sealed record VolumeBackupOptions
{
    /// <summary>Whether the volumes are backed up. Default: true wherever a backup target is set and a team or GitLab keeps a volume.</summary>
    public bool? Enabled { get; init; }

    /// <summary>
    /// The key Velero encrypts the volumes' data on the target with (its <c>velero-repo-credentials</c>), set with
    /// <c>pulumi config set --secret</c>. An environment restored from another reads that one's data with that
    /// one's key, so the environments that restore one another share it. Required while volumes are backed up.
    /// </summary>
    public SecretSetting? RepositoryKey { get; init; }
}
