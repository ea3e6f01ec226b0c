using Infra.Model.Monitoring;

namespace Infra.Model.Spark;

/// <summary>What Prometheus scrapes of the Spark operator, and its alerts.</summary>
public static class SparkMonitoring
{
    /// <summary>The monitor's name and the <c>job</c> of its series.</summary>
    public const string Job = "spark-operator";

    /// <summary>The controller's metrics (<c>prometheus.metrics.enable</c>, on by default): port <c>metrics</c>, 8080, plain HTTP.</summary>
    public static IEnumerable<ScrapeTarget> Targets(SparkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ScrapeTarget.Pods(Job, [SparkSpec.OperatorNamespace],
            new Dictionary<string, string>
            {
                ["app.kubernetes.io/name"] = "spark-operator",
                ["app.kubernetes.io/instance"] = SparkSpec.OperatorNamespace,
                ["app.kubernetes.io/component"] = "controller",
            },
            "metrics", "kubeflow/spark-operator@v2.5.2:charts/spark-operator-chart/templates/controller/deployment.yaml, templates/controller/_helpers.tpl");
    }

    /// <summary>The alerts: applications failing, and submissions refused.</summary>
    public static IEnumerable<AlertRule> Rules(SparkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new AlertRule("SparkApplicationsFailing", $"sum(increase(spark_application_failure_count{{job=\"{Job}\"}}[1h])) > 2", "0m", AlertSeverity.Warning,
            "{{ $value }} Spark applications failed in the last hour.",
            "'kubectl get sparkapplications -A' lists them with their state; 'kubectl describe sparkapplication <name> -n <team>' gives the driver's error, and the history server its log.");
        yield return new AlertRule("SparkSubmissionsFailing", $"sum(increase(spark_application_failed_submission_count{{job=\"{Job}\"}}[1h])) > 0", "0m", AlertSeverity.Warning,
            "{{ $value }} Spark applications could not be submitted in the last hour.",
            "A refused submission is usually the team's quota or a missing service account: read the SparkApplication's status and the operator's log ('kubectl -n spark-operator logs deploy/spark-operator-controller').");
    }
}
