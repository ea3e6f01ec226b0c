using Infra.Model.Kubernetes;
using Infra.Model.Minio;
using Infra.Model.Planning;
using Infra.Model.Postgres;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Mlflow;

/// <summary>The plan nodes of the MLflow tracking server and model registry (<c>infra:ml:ModelRegistry</c>).</summary>
public static class MlflowPlanner
{
    /// <summary>This project's model registry component.</summary>
    public const string ComponentType = "infra:ml:ModelRegistry";

    /// <summary>The component's logical name.</summary>
    public const string Name = "mlflow";

    /// <summary>The logical name of the generated admin password.</summary>
    public const string AdminPassword = "mlflow-admin-password";

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The MLflow decisions.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(MlflowSpec spec, string providerId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var store = spec.Store;
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var ns = KubernetesNodes.Namespace(MlflowSpec.Namespace, component.Id, providerId);
        yield return ns;

        var databasePassword = PlanNode.IdOf(KubernetesTokens.RandomPassword, PostgresPlanner.Password(spec.User));
        var databaseSecret = KubernetesNodes.Secret(MlflowSpec.DatabaseSecret, MlflowSpec.Namespace, "kubernetes.io/basic-auth",
            [("username", PlanValue.Of(spec.User.Owner)), ("password", PlanValue.Secret(databasePassword))], component.Id, providerId)
            with { DependsOn = [ns.Id, databasePassword] };
        yield return databaseSecret;

        var storeSecret = KubernetesNodes.Secret(MlflowSpec.StoreSecret, MlflowSpec.Namespace, null,
            store.EnvironmentKeys(Name), component.Id, providerId)
            with { DependsOn = [ns.Id, .. store.KeyNodes(Name)] };
        yield return storeSecret;

        var adminPassword = KubernetesNodes.RandomPassword(AdminPassword, component.Id);
        yield return adminPassword;
        var adminSecret = KubernetesNodes.Secret(MlflowSpec.AdminSecret, MlflowSpec.Namespace, "kubernetes.io/basic-auth",
            [("username", PlanValue.Of(MlflowSpec.AdminUser)), ("password", PlanValue.Secret(adminPassword.Id))], component.Id, providerId)
            with { DependsOn = [ns.Id, adminPassword.Id] };
        yield return adminSecret;

        var awsConfig = Resource(KubernetesTokens.ConfigMap, MlflowSpec.AwsConfigMap, component.Id,
            ("metadata", Map(("name", PlanValue.Of(MlflowSpec.AwsConfigMap)), ("namespace", PlanValue.Of(MlflowSpec.Namespace)))),
            ("data", Map(("config", PlanValue.Of(spec.AwsConfig)))))
            with { Provider = providerId, DependsOn = [ns.Id] };
        yield return awsConfig;

        var databases = spec.User.Databases.Select(d => PlanNode.IdOf(KubernetesTokens.CustomResource("postgresql.cnpg.io/v1", "Database"), PostgresSpec.ResourceName(d)));
        var release = KubernetesNodes.HelmRelease(MlflowSpec.Namespace, MlflowVersions.Chart, MlflowSpec.Namespace, PlanValues.FromJson(spec.Values()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { DependsOn = [databaseSecret.Id, storeSecret.Id, adminSecret.Id, awsConfig.Id, .. databases, .. store.Ready] };
        yield return release;

        if (spec.DisruptionBudget() is { } budget)
        {
            yield return KubernetesNodes.Manifest(budget, component.Id, providerId) with { DependsOn = [ns.Id] };
        }
    }
}
