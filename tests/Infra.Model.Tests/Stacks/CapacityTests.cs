using System.Text.Json.Nodes;
using Infra.Model.Kubeflow;
using Infra.Model.Kubernetes;
using Infra.Model.Mlflow;
using Infra.Model.Postgres;
using Infra.Model.Stacks;
using Infra.Model.Tanzu;

namespace Infra.Model.Tests.Stacks;

public class CapacityTests
{
    private const string Fix = "Add nodes with 'pulumi config set --path \"mlops:tanzu.nodePools[0].replicas\" <number>', choose a larger class with 'pulumi config set --path \"mlops:tanzu.nodePools[0].vmClass\" best-effort-2xlarge', or turn a service off (for example 'pulumi config set --path mlops:platform.gitlab.enabled false').";

    [Fact]
    public void Requests_OfTheDefaultLevel1Services_AreTheirPodsRequestsAndKubeflowsDocumentedFootprint()
    {
        var options = TestConfig.Load().ValidOptions();

        Assert.Equal(
        [
            new ResourceShare("MinIO", 250, 2048, "1 pod x 250m CPU, 2Gi"),
            new ResourceShare("PostgreSQL", 250, 1024, "1 pod x 250m CPU, 1Gi"),
            new ResourceShare("Redis", 100, 512, "1 pod x 100m CPU, 512Mi"),
            new ResourceShare("Feast", 300, 1536, "1 x 3 servers x 100m CPU, 512Mi"),
            new ResourceShare("MLflow", 250, 1024, "1 pod x 250m CPU, 1Gi"),
            new ResourceShare("Spark operator", 0, 0, "1 pod x 0 CPU, 0"),
            new ResourceShare("Spark history server", 100, 1024, "1 pod x 100m CPU, 1Gi"),
            new ResourceShare("Kubeflow", 3854, 10204, "the release's documented footprint of its 27 units"),
        ], Capacity.Requests(options).ToArray());
    }

    [Fact]
    public void KubeflowFootprints_AreTheReleaseTableLessTheRowsNotInstalledFromIt()
    {
        // kubeflow/manifests v1.10.2 README.md: its rows add up to 4373m and 12357Mi (the table's Total line says 4372m
        // and 12198Mi, 1m and 159Mi under its own rows), less Kubeflow Model Registry (510m, 2112Mi) and Spark
        // Operator (9m, 41Mi), which the platform does not install from the release.
        var all = KubeflowCatalog.Footprints.Values;
        Assert.Equal((4373 - 510 - 9, 12357 - 2112 - 41), (all.Sum(f => f.CpuMillis), all.Sum(f => f.MemoryMi)));

        // Every footprint is one of the release's units.
        var units = KubeflowCatalog.Common.Concat(KubeflowCatalog.ByApplication.Values.SelectMany(u => u)).Select(u => u.Name).ToHashSet();
        Assert.All(KubeflowCatalog.Footprints.Keys, k => Assert.Contains(k, units));
    }

    [Fact]
    public void Requests_AreWhatTheRenderedValuesRequest()
    {
        var options = TestConfig.StackOptions("prod");
        var shares = Capacity.Requests(options).ToDictionary(s => s.Service);

        var mlflow = MlflowSpec.For(options)!.Values();
        Assert.Equal(
            ((int)mlflow["replicaCount"]! * Quantity.ToMillicores((string?)mlflow["resources"]!["requests"]!["cpu"]), (int)mlflow["replicaCount"]! * Quantity.ToMebibytes((string?)mlflow["resources"]!["requests"]!["memory"])),
            (shares["MLflow"].CpuMillis, shares["MLflow"].MemoryMi));

        var cluster = PostgresSpec.For(options)!.Cluster()["spec"]!;
        Assert.Equal(
            ((int)cluster["instances"]! * Quantity.ToMillicores((string?)cluster["resources"]!["requests"]!["cpu"]), (int)cluster["instances"]! * Quantity.ToMebibytes((string?)cluster["resources"]!["requests"]!["memory"])),
            (shares["PostgreSQL"].CpuMillis, shares["PostgreSQL"].MemoryMi));

        var pool = (JsonObject)Infra.Model.Minio.MinioSpec.For(options)!.TenantValues()["tenant"]!["pools"]![0]!;
        Assert.Equal(
            ((int)pool["servers"]! * Quantity.ToMillicores((string?)pool["resources"]!["requests"]!["cpu"]), (int)pool["servers"]! * Quantity.ToMebibytes((string?)pool["resources"]!["requests"]!["memory"])),
            (shares["MinIO"].CpuMillis, shares["MinIO"].MemoryMi));

        // Kubeflow: the units whose every workload runs twice in production count twice.
        var kubeflow = KubeflowSpec.For(options)!;
        var units = kubeflow.Units.Select(u => (Footprint: KubeflowCatalog.Footprints.GetValueOrDefault(u.Name), Times: u.Single.IsEmpty && (u.Replicated.Length + u.Autoscaled.Length) > 0 ? 2 : 1)).ToArray();
        Assert.Equal(
            (units.Sum(u => (long)u.Footprint.CpuMillis * u.Times), units.Sum(u => (long)u.Footprint.MemoryMi * u.Times)),
            (shares["Kubeflow"].CpuMillis, shares["Kubeflow"].MemoryMi));
        Assert.Equal(
            ["admission-webhook", "centraldashboard", "cert-manager", "cluster-local-gateway", "dex", "istio", "jupyter-web-app", "knative-serving", "models-web-app", "pvcviewer-controller", "tensorboards-web-app", "volumes-web-app"],
            kubeflow.Units.Where(u => kubeflow.ReplicasOf(u) == 2).Select(u => u.Name).Order(StringComparer.Ordinal));
        Assert.Equal("the release's documented footprint of its 27 units, 12 of them 2 times", shares["Kubeflow"].Basis);

        // GitLab: its web service's requests (3 x 16Gi in prod) are more memory than its documented 28 GiB minimum.
        Assert.Equal(new ResourceShare("GitLab", 8000, 3 * 16 * 1024, "its documented minimum of 8 vCPUs and 28 GiB, or its web service's 3 pods x 1 CPU, 16Gi where more"), shares["GitLab"]);
    }

    [Fact]
    public void Validation_PoolsSmallerThanTheRequests_FailWithBothFiguresAndEveryShare()
    {
        var errors = TestConfig.Errors(
            ("mlops:maturity", "level2"),
            ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: cpu\n        replicas: 2\n        vmClass: best-effort-large"),
            ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com"));

        Assert.Equal(
        [
            "mlops:tanzu.nodePools give the platform 8 vCPUs and 32 GiB (cpu: 2 x best-effort-large), but its services request 13.1 vCPUs and 45 GiB: "
            + "MinIO 0.25 vCPUs, 2 GiB (1 pod x 250m CPU, 2Gi); PostgreSQL 0.25 vCPUs, 1 GiB (1 pod x 250m CPU, 1Gi); Redis 0.1 vCPUs, 0.5 GiB (1 pod x 100m CPU, 512Mi); "
            + "Feast 0.3 vCPUs, 1.5 GiB (1 x 3 servers x 100m CPU, 512Mi); GitLab 8 vCPUs, 28 GiB (its documented minimum of 8 vCPUs and 28 GiB, or its web service's 1 pod x 300m CPU, 2.5Gi where more); "
            + "MLflow 0.25 vCPUs, 1 GiB (1 pod x 250m CPU, 1Gi); Spark history server 0.1 vCPUs, 1 GiB (1 pod x 100m CPU, 1Gi); Kubeflow 3.85 vCPUs, 10 GiB (the release's documented footprint of its 27 units). " + Fix,
        ], errors);
        Assert.Equal(["MLOPS0519"], TestConfig.Load(
            ("mlops:maturity", "level2"),
            ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: cpu\n        replicas: 2\n        vmClass: best-effort-large"),
            ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com")).Errors.Select(e => e.Code.Code));
    }

    [Fact]
    public void Validation_OnlyGpuPools_LeaveTheServicesNowhereToRun()
    {
        var errors = TestConfig.Errors(("mlops:gpu", "\n    mode: vgpu\n    model: a100-80gb\n    profile: grid_a100d-20c\n    hosts:\n      - name: esx1\n        gpus: 2" + TestConfig.Operator), ("mlops:tanzu", TestConfig.Supervisor + "\n    nodePools:\n      - name: gpu\n        gpu: true"));

        Assert.StartsWith("mlops:tanzu.nodePools give the platform 0 vCPUs and 0 GiB (no CPU node pool), but its services request 5.1 vCPUs and 17 GiB: ", Assert.Single(errors));
    }

    [Fact]
    public void Validation_DefaultPools_HoldTheDefaultServicesAtLevel2_AndSiteClassesAreNotSized()
    {
        Assert.Empty(TestConfig.Errors([.. TestConfig.GitlabReady, ("mlops:maturity", "level2")]));
        Assert.Empty(TestConfig.Errors(("mlops:maturity", "level2"), ("mlops:production", "true"), ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com" + TestConfig.Backup)));

        // A class the site defined has a size only vCenter knows: the sum is not checked offline.
        Assert.Empty(TestConfig.Errors(("mlops:maturity", "level2"), ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com"), ("mlops:tanzu", TestConfig.Supervisor + "\n    vmClasses: [site-small]\n    nodePools:\n      - name: cpu\n        vmClass: site-small")));
        Assert.Null(Capacity.Pools(TanzuSpec.For(TestConfig.Load(("mlops:tanzu", TestConfig.Supervisor + "\n    vmClasses: [site-small]\n    nodePools:\n      - name: cpu\n        vmClass: site-small")).ValidOptions())));
    }
}
