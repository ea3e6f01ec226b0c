using Infra.Model.Monitoring;

namespace Infra.Model.Kubeflow;

/// <summary>
/// What Prometheus scrapes of Kubeflow's units (v1.10.2: Pipelines 2.5.0, Knative Serving 1.16.2, Istio 1.26.1,
/// cert-manager 1.16.1), and their alerts. Left out: the KServe controller (its metrics sit behind kube-rbac-proxy,
/// over HTTPS with a token) and the Envoy sidecars' own stats (thousands of series a pod; the endpoints' requests are
/// counted by Knative's queue-proxy instead).
/// </summary>
public static class KubeflowMonitoring
{
    /// <summary>The <c>job</c> of the served models' requests: every revision's queue-proxy.</summary>
    public const string EndpointsJob = "model-endpoints";

    /// <summary>The <c>job</c> of the Pipelines API server.</summary>
    public const string PipelinesJob = "kubeflow-pipelines";

    private const string Release = "kubeflow/manifests@v1.10.2:";

    /// <summary>The targets of the units <paramref name="spec"/> runs.</summary>
    public static IEnumerable<ScrapeTarget> Targets(KubeflowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var units = spec.Units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);

        // istiod's monitoring port; the gateways and sidecars are not scraped.
        yield return ScrapeTarget.Service("istiod", "istio-system", new Dictionary<string, string> { ["app"] = "istiod", ["istio"] = "pilot" }, "http-monitoring",
            Release + "common/istio/istio-install/base/install.yaml (Service istiod, --monitoringAddr=:15014)");
        yield return ScrapeTarget.Service("cert-manager", "cert-manager",
            new Dictionary<string, string> { ["app.kubernetes.io/name"] = "cert-manager", ["app.kubernetes.io/component"] = "controller" }, "tcp-prometheus-servicemonitor",
            Release + "common/cert-manager/base/upstream/cert-manager.yaml (Service cert-manager, 9402)");
        if (spec.Applications.Contains("pipelines"))
        {
            // Through the pods: the API server's Service shares its labels with the visualization server's.
            yield return ScrapeTarget.Pods(PipelinesJob, ["kubeflow"], new Dictionary<string, string> { ["app"] = "ml-pipeline" }, "http",
                Release + "applications/pipeline/upstream/base/pipeline/ml-pipeline-apiserver-deployment.yaml; kubeflow/pipelines@2.5.0:backend/src/apiserver/main.go (/metrics on 8888)");
        }

        if (units.Contains("knative-serving"))
        {
            foreach (var app in new[] { "activator", "autoscaler" })
            {
                yield return ScrapeTarget.Service($"knative-{app}", "knative-serving", new Dictionary<string, string> { ["app"] = app }, "http-metrics",
                    Release + "common/knative/knative-serving/base/upstream/serving-core.yaml (http-metrics 9090)");
            }

            // Every revision's queue-proxy counts its requests (port http-usermetric, 9091), in whichever team's
            // namespace it runs; the profiles' authorization policies let /metrics through.
            yield return ScrapeTarget.Pods(EndpointsJob, [], new Dictionary<string, string>(), "http-usermetric",
                "knative/serving@knative-v1.16.2:pkg/networking/constants.go, pkg/queue/sharedmain/main.go") with { Present = ["serving.knative.dev/revision"] };
        }
    }

    /// <summary>The alerts: certificates near expiry or not ready, pipeline runs failing, and, where models are served, endpoints failing or slow.</summary>
    public static IEnumerable<AlertRule> Rules(KubeflowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new AlertRule("CertificateExpiresSoon", "min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds - time()) < 14 * 86400", "1h", AlertSeverity.Warning,
            "Certificate {{ $labels.namespace }}/{{ $labels.name }} expires in {{ $value | humanizeDuration }}.",
            "cert-manager renews a certificate a third of its life before expiry, so one this close has failed to renew: 'kubectl -n {{ $labels.namespace }} describe certificate {{ $labels.name }}' and its CertificateRequest say why (often the ClusterIssuer).");
        yield return new AlertRule("CertificateExpiresVerySoon", "min by (namespace, name) (certmanager_certificate_expiration_timestamp_seconds - time()) < 3 * 86400", "10m", AlertSeverity.Critical,
            "Certificate {{ $labels.namespace }}/{{ $labels.name }} expires in {{ $value | humanizeDuration }}.",
            "Clients will refuse the service when it does. Fix the issuer, then delete the certificate's Secret to make cert-manager issue a new one at once.");
        yield return new AlertRule("CertificateNotReady", "max by (namespace, name) (certmanager_certificate_ready_status{condition=\"False\"}) == 1", "30m", AlertSeverity.Warning,
            "Certificate {{ $labels.namespace }}/{{ $labels.name }} has not been ready for 30 minutes.",
            "'kubectl -n {{ $labels.namespace }} describe certificate {{ $labels.name }}' shows the failing step.");
        // The API server counts the runs it keeps, by their namespace and name (a gauge: deleting a run lowers it).
        if (spec.Applications.Contains("pipelines"))
        {
            yield return new AlertRule("PipelineRunsFailing", $"sum by (exported_namespace) (delta(resource_manager_workflow_runs_failed{{job=\"{PipelinesJob}\"}}[1h])) > 3", "0m", AlertSeverity.Warning,
                "{{ $value }} pipeline runs of {{ $labels.exported_namespace }} failed in the last hour.",
                "The Pipelines UI lists the failed runs with the step that failed and its log; a run whose pods never start points at the team's quota or the object store.");
        }

        if (spec.Units.Any(u => u.Name == "knative-serving"))
        {
            yield return new AlertRule("ModelEndpointErrors",
                $"sum by (namespace_name, configuration_name) (rate(revision_request_count{{job=\"{EndpointsJob}\", response_code_class=\"5xx\"}}[5m])) / sum by (namespace_name, configuration_name) (rate(revision_request_count{{job=\"{EndpointsJob}\"}}[5m])) > 0.05",
                "10m", AlertSeverity.Critical,
                "Model endpoint {{ $labels.namespace_name }}/{{ $labels.configuration_name }} answers more than 5% of its requests with a server error.",
                "'kubectl -n {{ $labels.namespace_name }} get inferenceservice' shows the endpoint's state; the predictor's log names the failing request. Roll the traffic back to the previous revision if a new one caused it.");
            yield return new AlertRule("ModelEndpointSlow",
                $"histogram_quantile(0.95, sum by (namespace_name, configuration_name, le) (rate(revision_request_latencies_bucket{{job=\"{EndpointsJob}\"}}[5m]))) > 1000",
                "15m", AlertSeverity.Warning,
                "Model endpoint {{ $labels.namespace_name }}/{{ $labels.configuration_name }} answers 5% of its requests in more than {{ $value }} ms.",
                "Requests queue when the endpoint has too few replicas: check its autoscaling bounds and the queue depth (revision_queue_depth) on the endpoints dashboard.");
        }
    }

    /// <summary>The dashboards: the served models' traffic, where models are served, and the Pipelines API.</summary>
    public static IEnumerable<Dashboard> Dashboards(KubeflowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Units.Any(u => u.Name == "knative-serving"))
        {
            const string Requests = $"revision_request_count{{job=\"{EndpointsJob}\"}}";
            yield return new Dashboard("mlops-endpoints", "MLOps / Model endpoints", [
                new("Requests a second, by endpoint", PanelKind.TimeSeries, $"sum by (namespace_name, configuration_name) (rate({Requests}[5m]))", "{{namespace_name}}/{{configuration_name}}", "reqps"),
                new("Server errors, by endpoint", PanelKind.TimeSeries, $"sum by (namespace_name, configuration_name) (rate(revision_request_count{{job=\"{EndpointsJob}\", response_code_class=\"5xx\"}}[5m])) / sum by (namespace_name, configuration_name) (rate({Requests}[5m]))", "{{namespace_name}}/{{configuration_name}}", "percentunit"),
                new("Latency p50, by endpoint", PanelKind.TimeSeries, $"histogram_quantile(0.5, sum by (namespace_name, configuration_name, le) (rate(revision_request_latencies_bucket{{job=\"{EndpointsJob}\"}}[5m])))", "{{namespace_name}}/{{configuration_name}}", "ms"),
                new("Latency p95, by endpoint", PanelKind.TimeSeries, $"histogram_quantile(0.95, sum by (namespace_name, configuration_name, le) (rate(revision_request_latencies_bucket{{job=\"{EndpointsJob}\"}}[5m])))", "{{namespace_name}}/{{configuration_name}}", "ms"),
                new("Requests a second, by revision", PanelKind.TimeSeries, $"sum by (namespace_name, revision_name) (rate({Requests}[5m]))", "{{namespace_name}}/{{revision_name}}", "reqps"),
                new("Queue depth, by revision", PanelKind.TimeSeries, $"sum by (namespace_name, revision_name) (revision_queue_depth{{job=\"{EndpointsJob}\"}})", "{{namespace_name}}/{{revision_name}}", "none"),
            ]);
        }

        if (spec.Applications.Contains("pipelines"))
        {
            yield return new Dashboard("mlops-pipelines", "MLOps / Pipelines", [
                new("Pipelines API servers up", PanelKind.Stat, $"sum(up{{job=\"{PipelinesJob}\"}})", "up", "none"),
                new("Runs created, an hour", PanelKind.TimeSeries, $"sum(increase(run_server_create_requests{{job=\"{PipelinesJob}\"}}[1h]))", "created", "none"),
                new("Succeeded runs kept, by team", PanelKind.TimeSeries, $"sum by (exported_namespace) (resource_manager_workflow_runs_success{{job=\"{PipelinesJob}\"}})", "{{exported_namespace}}", "none"),
                new("Failed runs kept, by team", PanelKind.TimeSeries, $"sum by (exported_namespace) (resource_manager_workflow_runs_failed{{job=\"{PipelinesJob}\"}})", "{{exported_namespace}}", "none"),
            ]);
        }
    }
}
