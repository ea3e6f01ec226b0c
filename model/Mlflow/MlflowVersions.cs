namespace Infra.Model.Mlflow;

/// <summary>The pinned MLflow chart and images.</summary>
public static class MlflowVersions
{
    /// <summary>The community MLflow chart (MLflow 3.15).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://community-charts.github.io/helm-charts", "mlflow", "1.11.5");

    /// <summary>The MLflow server image, with the PostgreSQL and S3 clients; the chart's app version.</summary>
    public const string Image = "docker.io/burakince/mlflow";

    /// <summary>The MLflow image's tag.</summary>
    public const string Tag = "3.15.1";

    /// <summary>The image of the chart's helper init containers.</summary>
    public const string Busybox = "docker.io/library/busybox";

    /// <summary>The helper image's tag.</summary>
    public const string BusyboxTag = "1.38.0";
}
