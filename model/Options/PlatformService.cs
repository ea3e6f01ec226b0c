namespace Infra.Model.Options;

/// <summary>A platform service that <c>mlops:platform</c> configures.</summary>
public enum PlatformService
{
    /// <summary>Kubeflow: notebooks, pipelines with ML Metadata, Katib, training, KServe.</summary>
    Kubeflow,

    /// <summary>MinIO object store.</summary>
    Minio,

    /// <summary>MLflow tracking server and model registry.</summary>
    Mlflow,

    /// <summary>Feast feature store.</summary>
    Feast,

    /// <summary>Spark operator.</summary>
    Spark,

    /// <summary>GitLab and its runner.</summary>
    Gitlab,
}
