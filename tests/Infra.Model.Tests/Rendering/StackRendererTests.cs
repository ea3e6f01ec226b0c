using Infra.Model.Configuration;
using Infra.Model.Rendering;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Rendering;

public sealed class StackRendererTests
{
    [UpstreamFact]
    public void Render_Prod_WritesClusterStorageClassesAndOperatorValues()
    {
        var files = StackRenderer.Render(TestConfig.StackOptions("prod"));

        Assert.Equal(
        [
            "feast/client/feature_store.yaml", "feast/data-stores/redis.yaml", "feast/data-stores/sql.yaml", "feast/feature-store.yaml",
            "helm/cnpg-operator.values.yaml", "helm/gitlab.values.yaml", "helm/gpu-operator.values.yaml", "helm/minio-operator.values.yaml", "helm/minio-tenant.values.yaml", "helm/mlflow.values.yaml", "helm/spark-operator.values.yaml", "helm/valkey.values.yaml", "kubeflow/dex-config.yaml", "kubeflow/ingress.yaml", "kubeflow/pipelines-stores.yaml", "kubeflow/pod-defaults.yaml", "kubeflow/profiles.yaml", "kubeflow/units.txt", "minio/policies-job.yaml",
            "minio/policies/feast-buckets.json", "minio/policies/gitlab-buckets.json", "minio/policies/kubeflow-pipelines-buckets.json",
            "minio/policies/mlflow-buckets.json", "minio/policies/postgres-buckets.json", "minio/policies/spark-buckets.json", "minio/policies/team-fraud-detection-buckets.json", "minio/policies/team-recommendations-buckets.json", "mlflow/disruption-budget.yaml", "postgres/cluster.yaml", "spark/history-server.yaml", "spark/spark-defaults.conf", "spark/spark-pi.yaml",
            "tanzu/cluster.yaml", "tanzu/storageclasses.yaml",
        ], files.Select(f => f.Name));
        var byName = files.ToDictionary(f => f.Name, f => f.Content);
        var cluster = UpstreamSchemas.Yaml(byName["tanzu/cluster.yaml"])!;
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd("cluster-api/cluster.x-k8s.io_clusters.yaml", "v1beta1"), cluster));
        Assert.Contains("    storageclass.kubernetes.io/is-default-class: \"true\"\n", byName["tanzu/storageclasses.yaml"], StringComparison.Ordinal);
        Assert.Equal(2, byName["tanzu/storageclasses.yaml"].Split("---\n").Length);
        Assert.Contains("  version: 550.90.07\n", byName["helm/gpu-operator.values.yaml"], StringComparison.Ordinal);
        Assert.Contains("  - name: mlops-prod-mlflow-artifacts\n", byName["helm/minio-tenant.values.yaml"], StringComparison.Ordinal);
        Assert.Equal(
            ["mlops-services/fraud-detection", "mlops-services/recommendations", "access-ml-pipeline/fraud-detection", "access-ml-pipeline/recommendations"],
            byName["kubeflow/pod-defaults.yaml"].Split("---\n").Select(d => UpstreamSchemas.Yaml(d)!["metadata"]!).Select(m => $"{m["name"]}/{m["namespace"]}"));
    }

    [Fact]
    public void Render_NeverContainsASecretValue()
    {
        var file = StackConfigFile.Load(TestConfig.StackFile("prod"));
        var ciphertexts = File.ReadAllLines(TestConfig.StackFile("prod"))
            .Where(l => l.TrimStart().StartsWith("secure:", StringComparison.Ordinal))
            .Select(l => l.Trim()["secure:".Length..].Trim())
            .ToArray();

        var text = string.Concat(StackRenderer.Render(PlatformConfiguration.Load(file.Snapshot).ValidOptions()).Select(f => f.Content));

        Assert.Equal(4, ciphertexts.Length);
        Assert.All(ciphertexts, c => Assert.DoesNotContain(c, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PlatformOnlyStack_WritesOnlyPlatformFiles()
    {
        var options = TestConfig.Load(("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/dev")).ValidOptions();

        Assert.DoesNotContain(StackRenderer.Render(options), f => f.Name.StartsWith("tanzu/", StringComparison.Ordinal));
        Assert.Contains(StackRenderer.Render(options), f => f.Name == "helm/minio-tenant.values.yaml");
    }
}
