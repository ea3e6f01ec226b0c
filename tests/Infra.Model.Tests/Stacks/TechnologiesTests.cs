using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Teams;

namespace Infra.Model.Tests.Stacks;

public sealed class TechnologiesTests
{
    [Fact]
    public void EveryTechnologyClass_IsDeclared_OnceAndInItsOwnFolder()
    {
        var classes = typeof(Technology).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Technology)) && !t.IsAbstract).ToArray();

        Assert.Equal(classes.Select(t => t.FullName).Order(StringComparer.Ordinal), Technologies.All.Select(t => t.GetType().FullName).Order(StringComparer.Ordinal));
        Assert.All(classes, t => Assert.EndsWith("Technology", t.Name, StringComparison.Ordinal));
        Assert.Equal(classes.Length, classes.Select(t => t.Namespace).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Technologies_ComeInOrder_StoresBeforeTheServicesThatUseThem()
    {
        Assert.Equal(
            ["Stack", "Mirrors", "Vsphere", "Gpu", "Storage", "Tanzu", "Kubernetes", "ObjectStore", "Minio", "Backup", "Postgres", "Redis", "Feast", "Gitlab", "Teams", "Mlflow", "Spark", "Kubeflow", "Serving", "Velero", "Monitoring", "Network"],
            Technologies.All.Select(t => t.GetType().Name[..^"Technology".Length]));
        Assert.Equal(Technologies.All.Length, Technologies.All.Select(t => t.Order).Distinct().Count());
    }

    [Fact]
    public void EveryServiceBlock_OfThePlatformOptions_IsOneServicesBlock()
    {
        var blocks = typeof(PlatformServicesOptions).GetProperties().Where(p => typeof(ServiceOptions).IsAssignableFrom(p.PropertyType)).Select(p => p.Name.ToLowerInvariant());

        Assert.Equal(blocks.Order(StringComparer.Ordinal), Technologies.Services.Select(s => s.Key).Order(StringComparer.Ordinal));
        var platform = new PlatformServicesOptions { Mlflow = new MlflowOptions { Replicas = 7 } };
        Assert.Equal(7, Technologies.Services.Single(s => s.Key == "mlflow").BlockOf(platform)!.Sizing.Replicas);
    }

    [Fact]
    public void MaturityLevels_NeedTheirServices()
    {
        Assert.Equal(["minio", "kubeflow"], PlatformServices.NeededAt(MaturityLevel.Level0).Select(s => s.Key));
        Assert.Equal(["minio", "feast", "mlflow", "spark", "kubeflow"], PlatformServices.NeededAt(MaturityLevel.Level1).Select(s => s.Key));
        Assert.Equal(["minio", "feast", "gitlab", "mlflow", "spark", "kubeflow"], PlatformServices.NeededAt(MaturityLevel.Level2).Select(s => s.Key));
    }

    [Fact]
    public void ReservedNamespaces_AreThoseTheTechnologiesTake()
    {
        Assert.Equal(
            ["auth", "cert-manager", "cnpg-system", "default", "feast", "feast-operator-system", "gitlab", "gpu-operator", "istio-system", "knative-eventing", "knative-serving",
             "kube-node-lease", "kube-public", "kube-system", "kubeflow", "kubeflow-user-example-com", "minio", "minio-operator", "mlflow", "monitoring", "oauth2-proxy", "postgres", "redis", "spark-jobs", "spark-operator", "velero"],
            TeamNamespaces.Reserved.Order(StringComparer.Ordinal));
        Assert.Equal(26, TeamNamespaces.Reserved.Count);
    }
}
