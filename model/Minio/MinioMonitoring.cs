using Infra.Model.Monitoring;

namespace Infra.Model.Minio;

/// <summary>What Prometheus scrapes of MinIO, and its alerts.</summary>
public static class MinioMonitoring
{
    /// <summary>The monitor's name and the <c>job</c> of its series.</summary>
    public const string Job = "minio";

    /// <summary>
    /// The tenant's cluster metrics, from its pods (the operator labels them <c>v1.min.io/tenant</c> and names the
    /// port <c>minio-port</c>; its Services carry no labels to select). MinIO serves them without a token where
    /// <c>MINIO_PROMETHEUS_AUTH_TYPE</c> is <c>public</c>, which the tenant sets while monitoring runs.
    /// </summary>
    public static IEnumerable<ScrapeTarget> Targets(MinioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ScrapeTarget.Pods(Job, [MinioSpec.Namespace], new Dictionary<string, string> { ["v1.min.io/tenant"] = MinioSpec.TenantName }, "minio-port",
            "minio/operator@v7.1.1:pkg/resources/statefulsets/minio-statefulset.go, pkg/apis/minio.min.io/v2/constants.go; minio/minio:cmd/metrics-router.go", "/minio/v2/metrics/cluster");
    }

    /// <summary>The alerts: drives or servers offline, space running out, and, with a backup target, the mirror not run.</summary>
    public static IEnumerable<AlertRule> Rules(MinioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new AlertRule("MinioDrivesOffline", $"max(minio_cluster_drive_offline_total{{job=\"{Job}\"}}) > 0", "5m", AlertSeverity.Critical,
            "{{ $value }} MinIO drives are offline.",
            "Erasure coding keeps data readable while enough drives stay up; another failure may not. Find the drive with 'mc admin info' (the mc alias of the tenant), check its volume and the pod's node, and bring it back.");
        yield return new AlertRule("MinioNodesOffline", $"max(minio_cluster_nodes_offline_total{{job=\"{Job}\"}}) > 0", "5m", AlertSeverity.Critical,
            "{{ $value }} MinIO servers are offline.",
            "Check the tenant's pods: 'kubectl -n minio get pods -l v1.min.io/tenant=mlops', then the pod's events and node.");
        yield return new AlertRule("MinioSpaceLow", $"min(minio_cluster_capacity_usable_free_bytes{{job=\"{Job}\"}} / minio_cluster_capacity_usable_total_bytes{{job=\"{Job}\"}}) < 0.1", "30m", AlertSeverity.Warning,
            "MinIO has less than 10% of its usable space free.",
            "Raise mlops:platform.minio.storage (the tenant's volumes grow where the StorageClass allows expansion), or remove old artifacts and checkpoints.");
        if (spec.Backup is not null)
        {
            yield return Kubernetes.CronJobRules.NotRunFor("MinioMirrorTooOld", MinioSpec.Namespace, MinioSpec.MirrorJob, 26,
                "the buckets' mirror on the backup target is older than a day",
                "Check the CronJob's last Job: 'kubectl -n minio get jobs -l batch.kubernetes.io/cronjob-name=minio-backup-mirror', then its log (mc mirror names the failing object or the refused credentials).");
        }
    }
}
