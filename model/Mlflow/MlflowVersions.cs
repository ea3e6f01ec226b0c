namespace Infra.Model.Mlflow;

/// <summary>The pinned MLflow chart and images.</summary>
public static class MlflowVersions
{
    /// <summary>The community MLflow chart (MLflow 3.15).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://community-charts.github.io/helm-charts", "mlflow", "1.11.5");

    /// <summary>The MLflow server image, with the PostgreSQL and S3 clients; the chart's app version.</summary>
    public const string Image = "docker.io/burakince/mlflow";

    /// <summary>
    /// The MLflow image's tag. By tag only: no public source states its digest (the image's repository signs
    /// the digest at build time without publishing it, and the chart's <c>image.digest</c> defaults empty), so a
    /// site pins it by the digest its mirror holds; the README lists it as the exception.
    /// </summary>
    public const string Tag = "3.15.1";

    /// <summary>The image of the chart's helper init containers.</summary>
    public const string Busybox = Kubernetes.Images.BusyboxRepository;

    /// <summary>
    /// The helper image's tag and digest: the chart writes its init images as <c>repository:tag</c> and reads no
    /// digest for them (templates/deployment.yaml at mlflow-1.11.5), so the digest rides in the tag.
    /// </summary>
    public const string BusyboxTag = Kubernetes.Images.BusyboxTag;
}
