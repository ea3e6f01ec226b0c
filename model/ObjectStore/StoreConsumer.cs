namespace Infra.Model.ObjectStore;

/// <summary>A service that keeps data in the object store, with an identity of its own.</summary>
public enum StoreConsumer
{
    /// <summary>MLflow's artifact store.</summary>
    Mlflow,

    /// <summary>Kubeflow Pipelines' API server: the pipeline packages users upload.</summary>
    KubeflowPipelines,

    /// <summary>Feast's registry and offline store.</summary>
    Feast,

    /// <summary>Spark's event logs and data.</summary>
    Spark,

    /// <summary>GitLab's object storage.</summary>
    Gitlab,

    /// <summary>The teams: one identity each, reaching its own prefix of the teams' bucket.</summary>
    Team,

    /// <summary>The backup mirror: reads every bucket of the platform's MinIO to copy it to the backup target, and writes them back in a restore.</summary>
    Backup,
}
