using Infra.Model.Monitoring;

namespace Infra.Model.Gitlab;

/// <summary>What Prometheus scrapes of GitLab, and its alerts.</summary>
public static class GitlabMonitoring
{
    private const string Source = "gitlab-org/charts/gitlab@v9.9.1:charts/gitlab/charts/{webservice,gitaly,gitlab-exporter,sidekiq}/templates/servicemonitor.yaml|podmonitor.yaml";

    /// <summary>
    /// The exporters the chart runs by default (<c>metrics.enabled</c>): webservice's Puma, Gitaly, gitlab-exporter
    /// and Sidekiq (through its pods, as the chart's own PodMonitor does), selected by the chart's <c>app</c> and
    /// <c>release</c> labels.
    /// </summary>
    public static IEnumerable<ScrapeTarget> Targets(GitlabSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ScrapeTarget.Service("gitlab-webservice", GitlabSpec.Namespace, Labels("webservice"), "http-metrics-ws", Source);
        yield return ScrapeTarget.Service("gitlab-gitaly", GitlabSpec.Namespace, Labels("gitaly"), "http-metrics", Source);
        yield return ScrapeTarget.Service("gitlab-exporter", GitlabSpec.Namespace, Labels("gitlab-exporter"), "http-metrics", Source);
        yield return ScrapeTarget.Pods("gitlab-sidekiq", [GitlabSpec.Namespace], Labels("sidekiq"), "http-metrics", Source);
    }

    /// <summary>The alerts: the web tier or Gitaly down, Sidekiq jobs failing, and, with scheduled backups, the last backup old.</summary>
    public static IEnumerable<AlertRule> Rules(GitlabSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new AlertRule("GitlabWebserviceDown", "sum(up{job=\"gitlab-webservice\"}) == 0", "5m", AlertSeverity.Critical,
            "No GitLab webservice pod answers: GitLab, its API and CI are down.",
            "Check 'kubectl -n gitlab get pods -l app=webservice' and a pod's log; a failed migration Job ('kubectl -n gitlab get jobs') keeps them from starting.");
        yield return new AlertRule("GitlabGitalyDown", "sum(up{job=\"gitlab-gitaly\"}) == 0", "5m", AlertSeverity.Critical,
            "Gitaly is down: no repository can be read or pushed.",
            "Check 'kubectl -n gitlab get pods -l app=gitaly', its volume ('kubectl -n gitlab get pvc') and its log.");
        yield return new AlertRule("GitlabSidekiqJobsFailing", "sum(rate(sidekiq_jobs_failed_total{job=\"gitlab-sidekiq\"}[10m])) > 0.1", "15m", AlertSeverity.Warning,
            "Sidekiq jobs fail at {{ $value }} a second.",
            "Admin area, Monitoring, Background jobs lists the failing workers; their log names the cause (often the database, Redis or the object store).");
        if (spec.ScheduledBackups)
        {
            yield return Kubernetes.CronJobRules.NotRunFor("GitlabBackupTooOld", GitlabSpec.Namespace, "gitlab-toolbox-backup", 26,
                "GitLab's newest backup on the target is older than a day",
                "Check the CronJob's last Job: 'kubectl -n gitlab get jobs -l batch.kubernetes.io/cronjob-name=gitlab-toolbox-backup', then its log (backup-utility names the step that failed).");
        }
    }

    private static Dictionary<string, string> Labels(string app) => new() { ["app"] = app, ["release"] = GitlabSpec.Namespace };
}
