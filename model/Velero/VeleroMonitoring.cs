using Infra.Model.Monitoring;

namespace Infra.Model.Velero;

/// <summary>What Prometheus scrapes of Velero, and its alerts on the volumes' backups.</summary>
public static class VeleroMonitoring
{
    /// <summary>The monitor's name and the <c>job</c> of its series.</summary>
    public const string Job = "velero";

    /// <summary>The server's metrics Service (the chart's <c>metrics.enabled</c>, port <c>http-monitoring</c>, 8085).</summary>
    public static IEnumerable<ScrapeTarget> Targets(VeleroSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ScrapeTarget.Service(Job, VeleroSpec.Namespace,
            new Dictionary<string, string> { ["app.kubernetes.io/name"] = "velero", ["app.kubernetes.io/instance"] = VeleroSpec.Release },
            "http-monitoring", "vmware-tanzu/helm-charts@velero-11.4.0:charts/velero/templates/service.yaml");
    }

    /// <summary>The alerts: a schedule's last backup failed, a schedule's newest backup is old, the target unreachable.</summary>
    public static IEnumerable<AlertRule> Rules(VeleroSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var schedules = string.Join("|", Schedules(spec));
        yield return new AlertRule("VolumeBackupFailed", $"velero_backup_last_status{{job=\"{Job}\", schedule=~\"{schedules}\"}} == 0", "5m", AlertSeverity.Critical,
            "The last volume backup of schedule {{ $labels.schedule }} failed.",
            "List its backups with 'velero backup get --selector velero.io/schedule-name={{ $labels.schedule }}' and read the failed one with 'velero backup describe <name> --details' and 'velero backup logs <name>'; a data upload that failed shows in 'kubectl -n velero get datauploads'. Start one by hand with 'velero backup create --from-schedule {{ $labels.schedule }}'.");
        yield return new AlertRule("VolumeBackupTooOld", $"time() - max by (schedule) (velero_backup_last_successful_timestamp{{job=\"{Job}\", schedule=~\"{schedules}\"}}) > 26 * 3600", "30m", AlertSeverity.Warning,
            "The newest volume backup of schedule {{ $labels.schedule }} is {{ $value | humanizeDuration }} old (it takes one a day).",
            "Check the schedule with 'velero schedule describe {{ $labels.schedule }}' (paused? its last backup?) and the backup location with 'velero backup-location get'.");
        yield return new AlertRule("VolumeBackupLocationUnavailable", $"velero_backup_location_status_gauge{{job=\"{Job}\"}} == 0", "15m", AlertSeverity.Critical,
            "Velero cannot reach backup location {{ $labels.backup_location_name }}.",
            "No volume backup is written or read while it is. Check the target's endpoint and the identity in Secret velero/velero-backup-s3 ('velero backup-location get' shows the error).");
    }

    /// <summary>The stack's schedules, as the chart names them.</summary>
    public static IEnumerable<string> Schedules(VeleroSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!spec.Teams.IsEmpty)
        {
            yield return spec.TeamsSchedule;
        }

        if (spec.Gitaly)
        {
            yield return spec.GitalySchedule;
        }
    }
}
