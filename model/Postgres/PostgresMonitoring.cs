using Infra.Model.Monitoring;

namespace Infra.Model.Postgres;

/// <summary>What Prometheus scrapes of the shared PostgreSQL, and its alerts.</summary>
public static class PostgresMonitoring
{
    /// <summary>The monitor's name and the <c>job</c> of its series.</summary>
    public const string Job = "postgres";

    /// <summary>
    /// Each instance's exporter: CloudNativePG's instance manager serves <c>/metrics</c> on its <c>metrics</c> port
    /// (9187). The operator's own PodMonitor switch is deprecated in 1.30, so the PodMonitor is written here, as its
    /// documentation says, selecting the cluster's instances only.
    /// </summary>
    public static IEnumerable<ScrapeTarget> Targets(PostgresSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ScrapeTarget.Pods(Job, [PostgresSpec.Namespace],
            new Dictionary<string, string> { ["cnpg.io/cluster"] = PostgresSpec.ClusterName, ["cnpg.io/podRole"] = "instance" },
            "metrics", "cloudnative-pg/cloudnative-pg@v1.30.0:docs/src/monitoring.md (Creating a PodMonitor), pkg/specs/podmonitor.go");
    }

    /// <summary>The alerts: an instance down, replicas behind, and, with backups, WAL archiving stuck and base backups failed or old.</summary>
    public static IEnumerable<AlertRule> Rules(PostgresSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new AlertRule("PostgresInstanceDown", $"up{{job=\"{Job}\"}} == 0 or cnpg_collector_up{{job=\"{Job}\"}} == 0", "5m", AlertSeverity.Critical,
            "PostgreSQL instance {{ $labels.pod }} is down.",
            "Check the pod: 'kubectl -n postgres get pods -l cnpg.io/cluster=mlops-postgres', then its log. With replicas, CloudNativePG fails over to one; without, every service on the database is down until the instance is back.");
        if (spec.Instances > 1)
        {
            yield return new AlertRule("PostgresReplicationLagHigh", $"max by (pod) (cnpg_pg_replication_lag{{job=\"{Job}\"}}) > 30", "5m", AlertSeverity.Warning,
                "PostgreSQL replica {{ $labels.pod }} is {{ $value }}s behind the primary.",
                "A failover now would lose those seconds of writes. Check the replica's volume and CPU and the network to the primary; 'kubectl cnpg status mlops-postgres -n postgres' shows each replica's state.");
        }

        if (spec.Backup is null)
        {
            yield break;
        }

        yield return new AlertRule("PostgresWalArchivingStuck", $"max(cnpg_pg_stat_archiver_seconds_since_last_archival{{job=\"{Job}\"}}) > 900", "10m", AlertSeverity.Critical,
            "PostgreSQL has archived no WAL for {{ $value }}s: point-in-time recovery stops there.",
            "The primary switches WAL at least every 5 minutes, so a longer gap means archiving fails. Check the backup target's reachability and credentials (Secret postgres-backup-s3) and the primary's log for barman-cloud-wal-archive errors.");
        yield return new AlertRule("PostgresBackupFailed", $"max(cnpg_collector_last_failed_backup_timestamp{{job=\"{Job}\"}}) > max(cnpg_collector_last_available_backup_timestamp{{job=\"{Job}\"}})", "5m", AlertSeverity.Critical,
            "The last PostgreSQL base backup failed.",
            "List the backups with 'kubectl -n postgres get backups', read the failed one's status, fix the target, and start one by hand with 'kubectl cnpg backup mlops-postgres -n postgres'.");
        yield return new AlertRule("PostgresBackupTooOld", $"time() - max(cnpg_collector_last_available_backup_timestamp{{job=\"{Job}\"}}) > 26 * 3600", "30m", AlertSeverity.Warning,
            "The newest PostgreSQL base backup is {{ $value | humanizeDuration }} old (the schedule takes one a day).",
            "Check the ScheduledBackup mlops-postgres-daily ('kubectl -n postgres get scheduledbackups') and the latest Backup's status.");
    }
}
