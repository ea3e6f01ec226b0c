namespace Infra.Model.Monitoring;

/// <summary>
/// Monitoring's own alerts, beside the chart's default rules (which cover Kubernetes itself: volumes filling up,
/// pods crash-looping, Jobs failing, Prometheus and Alertmanager failing, remote write falling behind).
/// </summary>
public static class MonitoringRules
{
    // A Helm release's revisions are Secrets labelled owner=helm, name=<release>, status=<state>; kube-state-metrics
    // exports those labels (metricLabelsAllowlist), and each Secret's creation time.

    /// <summary>The label allowlist kube-state-metrics needs for <see cref="Rules"/>: the Helm revision Secrets' labels.</summary>
    public const string HelmSecretLabels = "secrets=[owner,name,status]";

    /// <summary>The alerts on the Helm releases the platform's Pulumi program installs.</summary>
    public static IEnumerable<AlertRule> Rules()
    {
        yield return new AlertRule("HelmReleaseFailed",
            $"max by (namespace, label_name) ({Revision("failed")}) > max by (namespace, label_name) ({Revision("deployed")})",
            "15m", AlertSeverity.Warning,
            "Helm release {{ $labels.namespace }}/{{ $labels.label_name }}'s newest revision failed: the cluster runs the one before it.",
            "'helm -n {{ $labels.namespace }} history {{ $labels.label_name }}' shows the failed revision's description. Fix the cause (values, a CRD, a quota) and run 'pulumi up' again; 'infractl diff' shows what it will change.");
        yield return new AlertRule("HelmReleaseStuck",
            "max by (namespace, label_name) (kube_secret_labels{label_owner=\"helm\", label_status=~\"pending-install|pending-upgrade|pending-rollback\"})",
            "30m", AlertSeverity.Warning,
            "Helm release {{ $labels.namespace }}/{{ $labels.label_name }} has been pending for 30 minutes: the next 'pulumi up' cannot change it.",
            "An interrupted 'pulumi up' leaves a release pending. Roll it back with 'helm -n {{ $labels.namespace }} rollback {{ $labels.label_name }}' (to its last deployed revision), then run 'pulumi refresh' and 'pulumi up'.");
    }

    private static string Revision(string status) =>
        $"kube_secret_created * on (namespace, secret) group_left (label_name) kube_secret_labels{{label_owner=\"helm\", label_status=\"{status}\"}}";
}
