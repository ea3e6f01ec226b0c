using Infra.Model.Options;

namespace Infra.Model.Monitoring;

/// <summary>The platform's dashboards, each where what it draws runs.</summary>
public static class Dashboards
{
    /// <summary>The dashboards for <paramref name="options"/>, given what Prometheus scrapes.</summary>
    public static IReadOnlyList<Dashboard> For(PlatformOptions options, IReadOnlyList<ScrapeTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(targets);
        var jobs = string.Join("|", targets.Select(t => t.Name));
        List<Dashboard> dashboards =
        [
            new("mlops-services", "MLOps / Services", [
                new("Targets down", PanelKind.Stat, $"count(up{{job=~\"{jobs}\"}} == 0) or vector(0)", "down", "none"),
                new("Share of targets up, by service", PanelKind.Table, $"avg by (job) (up{{job=~\"{jobs}\"}})", "{{job}}", "percentunit"),
                new("Targets up, by service", PanelKind.TimeSeries, $"sum by (job) (up{{job=~\"{jobs}\"}})", "{{job}}", "none"),
                new("Scrape duration, by service", PanelKind.TimeSeries, $"max by (job) (scrape_duration_seconds{{job=~\"{jobs}\"}})", "{{job}}", "s"),
            ]),
        ];

        if (Backups(options) is { } backups)
        {
            dashboards.Add(backups);
        }

        dashboards.AddRange(Technologies().SelectMany(t => t(options)));
        return dashboards;
    }

    // The age of every backup the stack takes: PostgreSQL's base backups and WAL, the CronJobs that copy
    // MinIO's buckets and GitLab to the target, and Velero's schedules of the volumes.
    private static Dashboard? Backups(PlatformOptions options)
    {
        if (Backup.BackupTarget.For(options) is null)
        {
            return null;
        }

        List<Panel> panels = [];
        if (Postgres.PostgresSpec.For(options) is { Backup: not null })
        {
            panels.Add(new("PostgreSQL: newest base backup", PanelKind.Stat, $"time() - max(cnpg_collector_last_available_backup_timestamp{{job=\"{Postgres.PostgresMonitoring.Job}\"}})", "age", "s"));
            panels.Add(new("PostgreSQL: since the last WAL archived", PanelKind.TimeSeries, $"max(cnpg_pg_stat_archiver_seconds_since_last_archival{{job=\"{Postgres.PostgresMonitoring.Job}\"}})", "seconds", "s"));
        }

        var jobs = new List<string>();
        if (Minio.MinioSpec.For(options) is { Backup: not null })
        {
            jobs.Add(Minio.MinioSpec.MirrorJob);
        }

        if (Gitlab.GitlabSpec.For(options) is { ScheduledBackups: true })
        {
            jobs.Add("gitlab-toolbox-backup");
        }

        if (jobs.Count > 0)
        {
            panels.Add(new("Backup CronJobs: since the last success", PanelKind.Table, $"time() - max by (namespace, cronjob) (kube_cronjob_status_last_successful_time{{cronjob=~\"{string.Join("|", jobs)}\"}})", "{{namespace}}/{{cronjob}}", "s"));
        }

        if (Velero.VeleroSpec.For(options) is not null)
        {
            panels.Add(new("Volumes: since the last successful backup", PanelKind.Table, $"time() - max by (schedule) (velero_backup_last_successful_timestamp{{job=\"{Velero.VeleroMonitoring.Job}\"}})", "{{schedule}}", "s"));
        }

        return panels.Count == 0 ? null : new Dashboard("mlops-backups", "MLOps / Backups", [.. panels]);
    }

    // Each technology's own dashboards, where it runs.
    private static IEnumerable<Func<PlatformOptions, IEnumerable<Dashboard>>> Technologies() =>
        Stacks.Technologies.All.Select(t => (Func<PlatformOptions, IEnumerable<Dashboard>>)t.Dashboards);
}
