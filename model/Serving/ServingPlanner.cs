using System.Text.Json.Nodes;
using Infra.Model.Kubeflow;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Teams;

namespace Infra.Model.Serving;

/// <summary>A team's part of model serving, the same in the platform's stack and in a teams stack.</summary>
public static class ServingPlanner
{
    /// <summary>Team <paramref name="team"/>'s serving nodes under <paramref name="parent"/>.</summary>
    public static IEnumerable<PlanNode> TeamNodes(ServingSpec spec, ServingTeam team, string parent, string providerId)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(team);
        var ns = TeamNamespaces.NamespaceId(team.Name);
        var kserve = KubeflowPlanner.UnitId("kserve");
        var istio = KubeflowPlanner.UnitId("istio");
        string Named(string name) => KubeflowPlanner.InNamespace(name, team.Name);

        yield return KubernetesNodes.Manifest(ServingRuntimes.MlflowRuntime(team.Name, spec.Registry), parent, providerId, Named(ServingRuntimes.Mlflow))
            with { DependsOn = [ns, kserve] };
        if (team.Gpu)
        {
            yield return KubernetesNodes.Manifest(ServingRuntimes.GpuRuntime(team.Name, spec.Registry), parent, providerId, Named(ServingRuntimes.Gpu))
                with { DependsOn = [ns, kserve] };
        }

        // The team's own identity, reaching only its folder of the teams' bucket: the storage initializer of each of
        // its InferenceServices downloads the model with it.
        var identity = ObjectStore.ObjectStoreSpec.TeamIdentity(team.Name);
        var secret = KubernetesNodes.Secret(ServingSpec.StoreSecret, team.Name, null, spec.Store.EnvironmentKeys(identity), parent, providerId, Named(ServingSpec.StoreSecret), spec.StoreAnnotations())
            with { DependsOn = [ns, .. spec.Store.KeyNodes(identity), .. spec.Store.Ready] };
        yield return secret;
        yield return KubernetesNodes.Typed(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ServiceAccount",
            ["metadata"] = new JsonObject { ["name"] = ServingSpec.ServiceAccount, ["namespace"] = team.Name },
            ["secrets"] = new JsonArray(new JsonObject { ["name"] = ServingSpec.StoreSecret }),
        }, parent, providerId, Named(ServingSpec.ServiceAccount)) with { DependsOn = [ns, secret.Id] };

        if (spec.CiAccount)
        {
            // The team's CI account deploys its InferenceServices, in its own namespace only.
            yield return KubernetesNodes.Typed(new JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1",
                ["kind"] = "RoleBinding",
                ["metadata"] = new JsonObject { ["name"] = $"{PipelinesTeamAccess.ServiceAccount}-{ServingSpec.AccessName}", ["namespace"] = team.Name },
                ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = ServingSpec.DeployRole },
                ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = PipelinesTeamAccess.ServiceAccount, ["namespace"] = team.Name }),
            }, parent, providerId, Named($"{PipelinesTeamAccess.ServiceAccount}-{ServingSpec.AccessName}"))
                with { DependsOn = [PlanNode.IdOf(KubernetesTokens.ServiceAccount, PipelinesTeamAccess.ResourceName(PipelinesTeamAccess.ServiceAccount, team.Name)), kserve] };

            // And reads what it deploys with: the serving defaults, and the team's store identity it copies models with.
            var reader = $"{PipelinesTeamAccess.ServiceAccount}-{ServingSpec.DefaultsConfigMap}";
            var role = KubernetesNodes.Typed(new JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1",
                ["kind"] = "Role",
                ["metadata"] = new JsonObject { ["name"] = reader, ["namespace"] = team.Name },
                ["rules"] = new JsonArray(
                    new JsonObject { ["apiGroups"] = new JsonArray(""), ["resources"] = new JsonArray("configmaps"), ["resourceNames"] = new JsonArray(ServingSpec.DefaultsConfigMap), ["verbs"] = new JsonArray("get") },
                    new JsonObject { ["apiGroups"] = new JsonArray(""), ["resources"] = new JsonArray("secrets"), ["resourceNames"] = new JsonArray(TeamNamespaces.StoreSecret), ["verbs"] = new JsonArray("get") }),
            }, parent, providerId, Named(reader)) with { DependsOn = [ns] };
            yield return role;
            yield return KubernetesNodes.Typed(new JsonObject
            {
                ["apiVersion"] = "rbac.authorization.k8s.io/v1",
                ["kind"] = "RoleBinding",
                ["metadata"] = new JsonObject { ["name"] = reader, ["namespace"] = team.Name },
                ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = reader },
                ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = PipelinesTeamAccess.ServiceAccount, ["namespace"] = team.Name }),
            }, parent, providerId, Named(reader)) with { DependsOn = [role.Id, PlanNode.IdOf(KubernetesTokens.ServiceAccount, PipelinesTeamAccess.ResourceName(PipelinesTeamAccess.ServiceAccount, team.Name))] };
        }

        yield return KubernetesNodes.Manifest(ServingSpec.RequestAuthentication(team), parent, providerId, Named(ServingSpec.AccessName))
            with { DependsOn = [ns, istio] };
        yield return KubernetesNodes.Manifest(ServingSpec.AuthorizationPolicy(team), parent, providerId, Named(ServingSpec.AccessName))
            with { DependsOn = [ns, istio] };
        yield return KubernetesNodes.Manifest(ServingSpec.MetricsPortPolicy(team), parent, providerId, Named($"{ServingSpec.AccessName}-metrics"))
            with { DependsOn = [ns, istio] };
        yield return KubernetesNodes.ConfigMap(ServingSpec.DefaultsConfigMap, team.Name, spec.Defaults(team), parent, providerId, Named(ServingSpec.DefaultsConfigMap))
            with { DependsOn = [ns] };
        // The endpoints' requests and responses, into the team's folder with its identity, kept for the retention.
        var logger = KubernetesNodes.ConfigMap(InferenceLogging.Name, team.Name, [("vector.yaml", InferenceLogging.Configuration(spec, team.Name))], parent, providerId, Named(InferenceLogging.Name))
            with { DependsOn = [ns] };
        yield return logger;
        var storeSecret = PlanNode.IdOf(KubernetesTokens.Secret, TeamNamespaces.StoreSecretName(team.Name));
        yield return KubernetesNodes.Workload(KubernetesTokens.Deployment, InferenceLogging.Deployment(spec, team.Name), parent, providerId, Named(InferenceLogging.Name))
            with { DependsOn = [logger.Id, storeSecret] };
        yield return KubernetesNodes.Typed(InferenceLogging.Service(team.Name), parent, providerId, Named(InferenceLogging.Name)) with { DependsOn = [ns] };
        yield return KubernetesNodes.Workload(KubernetesTokens.CronJob, InferenceLogging.RetentionCronJob(spec, team.Name), parent, providerId, Named(InferenceLogging.RetentionJob))
            with { DependsOn = [storeSecret] };
        if (spec.TeamIngress(team.Name) is { } ingress)
        {
            yield return KubernetesNodes.Manifest(ingress, parent, providerId) with { DependsOn = [istio] };
        }
    }
}
