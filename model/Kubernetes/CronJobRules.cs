using Infra.Model.Monitoring;

namespace Infra.Model.Kubernetes;

/// <summary>Alerts on a CronJob's runs, from kube-state-metrics, which the monitoring stack runs.</summary>
public static class CronJobRules
{
    /// <summary>An alert where the CronJob <paramref name="cronJob"/> has not succeeded for <paramref name="hours"/> hours (one that never has counts from its creation).</summary>
    /// <param name="name">The alert's name.</param>
    /// <param name="ns">The CronJob's namespace.</param>
    /// <param name="cronJob">The CronJob's name.</param>
    /// <param name="hours">How long without a success fires it.</param>
    /// <param name="what">What is out of date, for the summary.</param>
    /// <param name="runbook">What to do.</param>
    public static AlertRule NotRunFor(string name, string ns, string cronJob, int hours, string what, string runbook) =>
        new(name,
            $"time() - max(kube_cronjob_status_last_successful_time{{{Selector(ns, cronJob)}}} or kube_cronjob_created{{{Selector(ns, cronJob)}}}) > {hours} * 3600",
            "1h",
            AlertSeverity.Warning,
            $"CronJob {ns}/{cronJob} has not succeeded for {hours}h: {what}.",
            runbook);

    private static string Selector(string ns, string cronJob) => $"namespace=\"{ns}\", cronjob=\"{cronJob}\"";
}
