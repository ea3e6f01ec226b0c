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
    /// comes from; the tag stays the chart's own (its app version, or the value's default), written here as the
    /// pinned charts write it (kube-prometheus-stack-88.5.3's values.yaml, with node-exporter's distroless variant it
    /// selects; grafana-12.11.1, kube-state-metrics-8.4.0 and prometheus-node-exporter-4.56.1's Chart.yaml). A mirror
    /// replaces the registry and keeps the rest: <c>&lt;mirror&gt;/&lt;registry&gt;/&lt;repository&gt;</c>.
    /// </summary>
    public static IReadOnlyList<ChartImage> ChartImages { get; } =
    [
        new("prometheus.prometheusSpec.image", "quay.io", "prometheus/prometheus", "v3.14.0-distroless"),
        new("alertmanager.alertmanagerSpec.image", "quay.io", "prometheus/alertmanager", "v0.34.0"),
        new("prometheusOperator.image", "quay.io", "prometheus-operator/prometheus-operator", "v0.93.1"),
        new("prometheusOperator.prometheusConfigReloader.image", "quay.io", "prometheus-operator/prometheus-config-reloader", "v0.93.1"),
        new("prometheusOperator.admissionWebhooks.patch.image", "ghcr.io", "jkroepke/kube-webhook-certgen", "1.8.7"),
        new("grafana.image", "docker.io", "grafana/grafana", "13.2.0"),
        new("grafana.sidecar.image", "quay.io", "kiwigrid/k8s-sidecar", "2.10.1"),
        new("kube-state-metrics.image", "registry.k8s.io", "kube-state-metrics/kube-state-metrics", "v2.20.0"),
        new("prometheus-node-exporter.image", "quay.io", "prometheus/node-exporter", "v1.12.1-distroless"),
    ];
}

/// <summary>An image of the chart, by the values object that sets it.</summary>
/// <param name="ValuesPath">The dotted path of the object with <c>registry</c> and <c>repository</c>.</param>
/// <param name="Registry">The registry it comes from.</param>
/// <param name="Repository">Its repository there.</param>
/// <param name="Tag">The tag the chart writes for it.</param>
public sealed record ChartImage(string ValuesPath, string Registry, string Repository, string Tag);
