using System.Collections.Immutable;
using Infra.Model.Gpu;
using Infra.Model.Options;
using Infra.Model.Tanzu;
using Infra.Model.Vsphere;

namespace Infra.Model.Rendering;

/// <summary>
/// What a stack deploys as reviewable files: the workload cluster's manifest, its StorageClasses and each Helm
/// release's values. Secrets appear only as the names of the Secrets that hold them.
/// </summary>
public static class StackRenderer
{
    /// <summary>The files for valid <paramref name="options"/>, by name.</summary>
    public static ImmutableArray<RenderedFile> Render(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var files = ImmutableArray.CreateBuilder<RenderedFile>();
        var platformRuns = options.DeploysPlatform && (!options.DeploysFoundation || TanzuSpec.For(options).DeploysCluster);
        if (platformRuns && Minio.MinioSpec.For(options) is { } minio)
        {
            files.Add(new RenderedFile("helm/minio-operator.values.yaml", YamlText.Of(minio.OperatorValues())));
            files.Add(new RenderedFile("helm/minio-tenant.values.yaml", YamlText.Of(minio.TenantValues())));
            files.Add(new RenderedFile("minio/policies-job.yaml", YamlText.Of(minio.PolicyJob())));
            files.AddRange(minio.PolicyFiles().Select(f => new RenderedFile($"minio/policies/{f.Key}", f.Value + "\n")));
        }

        else if (platformRuns && ObjectStore.ObjectStoreAccess.For(options) is not null)
        {
            // An existing store's administrators create the buckets and give each identity its policy.
            var store = ObjectStore.ObjectStoreSpec.For(options);
            files.Add(new RenderedFile("object-store/buckets.txt", string.Concat(store.Buckets.Select(b => b.Name + "\n"))));
            files.AddRange(store.Identities.Select(i => new RenderedFile($"object-store/policies/{i.PolicyName}.json", i.Policy().ToJsonString() + "\n")));
        }

        if (platformRuns && Postgres.PostgresSpec.For(options) is { } postgres)
        {
            var chart = Postgres.PostgresVersions.Operator;
            files.Add(new RenderedFile($"helm/{Postgres.PostgresPlanner.OperatorRelease}.values.yaml", $"# {chart.Name} {chart.Version} from {chart.Repository}: the chart's own defaults, no value set.\n{{}}\n"));
            files.Add(new RenderedFile("postgres/cluster.yaml", YamlText.Of(
                new[] { postgres.Cluster() }.Concat(postgres.Users.SelectMany(Postgres.PostgresSpec.Databases)).Concat(postgres.ScheduledBackup() is { } schedule ? [schedule] : []))));
        }

        if (platformRuns && Redis.RedisSpec.For(options) is { } redis)
        {
            files.Add(new RenderedFile("helm/valkey.values.yaml", YamlText.Of(redis.Values())));
        }

        if (platformRuns && Feast.FeastSpec.For(options) is { } feast)
        {
            files.Add(new RenderedFile("feast/feature-store.yaml", YamlText.Of(feast.FeatureStore())));
            files.AddRange(feast.DataStores().Select(store => new RenderedFile($"feast/data-stores/{store.Key}.yaml", store.Value)));
            files.Add(new RenderedFile("feast/client/feature_store.yaml", feast.ClientConfig()));
        }

        if (platformRuns && Gitlab.GitlabSpec.For(options) is { } gitlab)
        {
            files.Add(new RenderedFile("helm/gitlab.values.yaml", YamlText.Of(gitlab.Values())));
        }

        if (platformRuns && Kubeflow.KubeflowSpec.For(options) is { } kubeflow)
        {
            // The kustomizations in the order the plan applies them, and what the stack adds beside them.
            files.Add(new RenderedFile("kubeflow/units.txt", string.Concat(kubeflow.Units.Select(u => $"{u.Name} {u.Directory}{(u.Needs.IsEmpty ? string.Empty : " after " + string.Join(",", u.Needs))}\n"))));
            files.Add(new RenderedFile("kubeflow/dex-config.yaml", kubeflow.DexConfig()));
            if (!kubeflow.Profiles.IsEmpty)
            {
                files.Add(new RenderedFile("kubeflow/profiles.yaml", YamlText.Of(kubeflow.Profiles.Select(p => p.Manifest()))));
            }

            if (kubeflow.Services is { } services)
            {
                var teams = Teams.TeamNamespaces.For(options).Select(t => t.Name).ToArray();
                var podDefaults = teams.Select(services.PodDefault);
                if (kubeflow.Pipelines)
                {
                    podDefaults = podDefaults.Concat(teams.Select(Kubeflow.PipelinesTeamAccess.AccessPodDefault));
                }

                files.Add(new RenderedFile("kubeflow/pod-defaults.yaml", YamlText.Of(podDefaults)));
            }

            if (kubeflow.PipelinesStores is { } stores)
            {
                files.Add(new RenderedFile("kubeflow/pipelines-stores.yaml", YamlText.Of(stores.Manifests(Teams.TeamNamespaces.For(options).Select(t => t.Name)))));
            }

            if (kubeflow.DashboardIngress() is { } ingress)
            {
                files.Add(new RenderedFile("kubeflow/ingress.yaml", YamlText.Of(ingress)));
            }
        }

        if (platformRuns && Mlflow.MlflowSpec.For(options) is { } mlflow)
        {
            files.Add(new RenderedFile("helm/mlflow.values.yaml", YamlText.Of(mlflow.Values())));
            if (mlflow.DisruptionBudget() is { } budget)
            {
                files.Add(new RenderedFile("mlflow/disruption-budget.yaml", YamlText.Of(budget)));
            }
        }

        if (platformRuns && Spark.SparkSpec.For(options) is { } spark)
        {
            files.Add(new RenderedFile("helm/spark-operator.values.yaml", YamlText.Of(spark.Values())));
            files.Add(new RenderedFile("spark/spark-defaults.conf", spark.Defaults()));
            files.Add(new RenderedFile("spark/spark-pi.yaml", YamlText.Of(spark.SampleApplication(Spark.SparkSpec.JobsNamespace))));
            if (spark.HistoryServerDeployment() is { } deployment && spark.HistoryServerService() is { } service)
            {
                files.Add(new RenderedFile("spark/history-server.yaml", YamlText.Of(new[] { deployment, service })));
            }
        }

        if (options.DeploysFoundation)
        {
            var foundation = FoundationSpec.For(options);
            if (!foundation.Tanzu.DeploysCluster)
            {
                return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
            }

            files.Add(new RenderedFile("tanzu/cluster.yaml", YamlText.Of(ClusterManifest.For(foundation.Tanzu))));
            files.Add(new RenderedFile("tanzu/storageclasses.yaml", YamlText.Of(foundation.Storage.Tiers.Select(TanzuPlanner.StorageClass))));
            if (foundation.GpuOperator is { } gpuOperator && foundation.Tanzu.HasGpuPool)
            {
                files.Add(new RenderedFile("helm/gpu-operator.values.yaml", YamlText.Of(gpuOperator.Values())));
            }
        }

        return [.. files.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }
}
