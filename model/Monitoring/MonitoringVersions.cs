namespace Infra.Model.Monitoring;

/// <summary>The pinned Prometheus community chart and the Prometheus Operator API it installs.</summary>
public static class MonitoringVersions
{
    /// <summary>kube-prometheus-stack: the Prometheus Operator with its CRDs, Prometheus, Alertmanager, Grafana, kube-state-metrics and node-exporter.</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://prometheus-community.github.io/helm-charts", "kube-prometheus-stack", "88.5.3");

    /// <summary>The Prometheus Operator release the chart installs (its CRDs' <c>operator.prometheus.io/version</c>).</summary>
    public const string OperatorVersion = "v0.93.1";

    /// <summary>
    /// Every image a deployed template of the chart (and its Grafana, kube-state-metrics and node-exporter
    /// subcharts) pulls, by the values object that holds its <c>registry</c> and <c>repository</c>, and where it
    /// comes from; the tag stays the chart's own (its app version, or the value's default). A mirror replaces the
    /// registry and keeps the rest: <c>&lt;mirror&gt;/&lt;registry&gt;/&lt;repository&gt;</c>.
    /// </summary>
    public static IReadOnlyList<ChartImage> ChartImages { get; } =
    [
        new("prometheus.prometheusSpec.image", "quay.io", "prometheus/prometheus"),
        new("alertmanager.alertmanagerSpec.image", "quay.io", "prometheus/alertmanager"),
        new("prometheusOperator.image", "quay.io", "prometheus-operator/prometheus-operator"),
        new("prometheusOperator.prometheusConfigReloader.image", "quay.io", "prometheus-operator/prometheus-config-reloader"),
        new("prometheusOperator.admissionWebhooks.patch.image", "ghcr.io", "jkroepke/kube-webhook-certgen"),
        new("grafana.image", "docker.io", "grafana/grafana"),
        new("grafana.sidecar.image", "quay.io", "kiwigrid/k8s-sidecar"),
        new("kube-state-metrics.image", "registry.k8s.io", "kube-state-metrics/kube-state-metrics"),
        new("prometheus-node-exporter.image", "quay.io", "prometheus/node-exporter"),
    ];
}

/// <summary>An image of the chart, by the values object that sets it.</summary>
/// <param name="ValuesPath">The dotted path of the object with <c>registry</c> and <c>repository</c>.</param>
/// <param name="Registry">The registry it comes from.</param>
/// <param name="Repository">Its repository there.</param>
public sealed record ChartImage(string ValuesPath, string Registry, string Repository);
