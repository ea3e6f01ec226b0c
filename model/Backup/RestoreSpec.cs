using System.Globalization;
using Infra.Model.Options;

namespace Infra.Model.Backup;

/// <summary>
/// A restore the stack performs as it is deployed (<c>mlops:platform.restore</c>): which environment's backups,
/// which generation of its PostgreSQL archive and which point in time, and which GitLab backup.
/// </summary>
/// <param name="Target">The backup target the backups are read from.</param>
/// <param name="From">The environment whose backups are read.</param>
/// <param name="Generation">The generation of that environment's PostgreSQL archive.</param>
/// <param name="PointInTime">The time PostgreSQL is recovered to, or null for the end of the archived WAL.</param>
/// <param name="GitlabBackup">The GitLab backup's ID, or null for the newest.</param>
/// <param name="GitlabRailsSecret">GitLab's secrets.yml from the environment restored, or null where GitLab does not run.</param>
public sealed record RestoreSpec(BackupTarget Target, string From, int Generation, DateTimeOffset? PointInTime, string? GitlabBackup, Configuration.SecretSetting? GitlabRailsSecret = null)
{
    /// <summary>The restore for valid <paramref name="options"/>, or null where none is asked for (or no target is set, which validation reports).</summary>
    public static RestoreSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static RestoreSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Platform?.Restore is { } restore && BackupTarget.For(options) is { } target
            ? new RestoreSpec(
                target,
                restore.From ?? target.Environment,
                restore.Generation ?? 1,
                restore.PointInTime is { } time ? ParseTime(time) : null,
                restore.GitlabBackup,
                restore.GitlabRailsSecret)
            : null;
    }

    /// <summary>Whether the backups are the stack's own environment's, so that the restored services write where they read.</summary>
    public bool InPlace => From == Target.Environment;

    /// <summary>A point in time as the setting writes it: RFC 3339 with its offset, or null for anything else.</summary>
    public static DateTimeOffset? ParseTime(string value) =>
        DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            && (value.EndsWith('Z') || value[^6] is '+' or '-')
            ? time
            : null;

    /// <summary>The point in time as PostgreSQL's <c>recovery_target_time</c> reads it, in UTC.</summary>
    public string? TargetTime => PointInTime?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff+00", CultureInfo.InvariantCulture);
}
