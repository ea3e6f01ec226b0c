namespace Infra.Model.Options;

/// <summary>The platform services (<c>mlops:platform</c>), one block each, and the registry mirror they pull from.</summary>
public sealed record PlatformServicesOptions
{
    /// <summary>A registry mirror every image is pulled through, for air-gapped sites (e.g. <c>harbor.example.com/mirror</c>). Default: none.</summary>
    public string? Registry { get; init; }

    /// <summary>Where charts, Kubeflow's manifests and jars come from at a site without internet. Default: their public sources.</summary>
    public MirrorsOptions? Mirrors { get; init; }

    /// <summary>How the web services (MLflow, and the dashboards that follow) are reached from outside the cluster. Default: in-cluster only.</summary>
    public IngressOptions? Ingress { get; init; }

    /// <summary>What team namespaces may reach on the network, and what reaches them. Default: isolated.</summary>
    public NetworkOptions? Network { get; init; }

    /// <summary>Kubeflow: pipelines with ML Metadata, notebooks, Katib, training, KServe.</summary>
    public KubeflowOptions? Kubeflow { get; init; }

    /// <summary>MLflow tracking server and model registry.</summary>
    public MlflowOptions? Mlflow { get; init; }

    /// <summary>MinIO object store.</summary>
    public MinioOptions? Minio { get; init; }

    /// <summary>An existing S3 endpoint the services use instead, with MinIO off. Default: none.</summary>
    public ExternalObjectStoreOptions? ObjectStore { get; init; }

    /// <summary>Where backups go: an S3 endpoint outside the cluster. Required in production.</summary>
    public BackupTargetOptions? Backup { get; init; }

    /// <summary>Brings every stateful service back from the backup target as the stack is deployed. Default: none (a stack starts empty).</summary>
    public RestoreOptions? Restore { get; init; }

    /// <summary>Feast feature store.</summary>
    public FeastOptions? Feast { get; init; }

    /// <summary>Spark operator.</summary>
    public SparkOptions? Spark { get; init; }

    /// <summary>GitLab with its runner.</summary>
    public GitlabOptions? Gitlab { get; init; }

    /// <summary>The PostgreSQL cluster the services share (one database and owner each). Deployed when a service needs it.</summary>
    public DatabaseOptions? Postgres { get; init; }

    /// <summary>The Redis-compatible store Feast's online store and GitLab share (one user each). Deployed when a service needs it.</summary>
    public RedisOptions? Redis { get; init; }

    /// <summary>Model serving with KServe: how far the teams' endpoints scale. Default: on with Kubeflow's KServe.</summary>
    public ServingOptions? Serving { get; init; }

    /// <summary>Prometheus, Alertmanager and Grafana, scraping the platform's services. Default: on in production.</summary>
    public MonitoringOptions? Monitoring { get; init; }
}
