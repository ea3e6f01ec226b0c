using Infra.Model.Kubernetes;
using Infra.Model.Minio;
using Infra.Model.Planning;
using Infra.Model.Stacks;
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

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(MlflowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [KeyValuePair.Create(StackOutputs.MlflowUrl, PlanValue.Of(spec.TrackingUri)), KeyValuePair.Create(StackOutputs.MlflowAdminPassword, KubernetesNodes.GeneratedPassword(AdminPassword))];
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The MLflow decisions.</param>
    /// <param name="teamUsers">The teams' users, or null.</param>
    /// <param name="teamNamespaceIds">The nodes of the teams' namespaces, by namespace, which get the teams' credentials.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(MlflowSpec spec, MlflowTeamUsers? teamUsers, IReadOnlyDictionary<string, string> teamNamespaceIds, string providerId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(teamNamespaceIds);
        var store = spec.Store;
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var ns = KubernetesNodes.Namespace(MlflowSpec.Namespace, component.Id, providerId, PodSecurity.Restricted);
        yield return ns;

        var databaseSecret = PostgresPlanner.CredentialsSecret(MlflowSpec.DatabaseSecret, MlflowSpec.Namespace, spec.User, ns.Id, component.Id, providerId);
        yield return databaseSecret;

        var storeSecret = KubernetesNodes.Secret(MlflowSpec.StoreSecret, MlflowSpec.Namespace, null,
            store.EnvironmentKeys(Name), component.Id, providerId)
            with { DependsOn = [ns.Id, .. store.KeyNodes(Name)] };
        yield return storeSecret;

        var adminPassword = KubernetesNodes.RandomPassword(AdminPassword, component.Id);
        yield return adminPassword;
        var adminSecret = KubernetesNodes.Secret(MlflowSpec.AdminSecret, MlflowSpec.Namespace, "kubernetes.io/basic-auth",
            [("username", PlanValue.Of(MlflowSpec.AdminUser)), ("password", PlanValue.Generated(adminPassword.Id))], component.Id, providerId)
            with { DependsOn = [ns.Id, adminPassword.Id] };
        yield return adminSecret;

        var awsConfig = KubernetesNodes.ConfigMap(MlflowSpec.AwsConfigMap, MlflowSpec.Namespace, [("config", spec.AwsConfig)], component.Id, providerId)
            with { DependsOn = [ns.Id] };
        yield return awsConfig;

        var databases = spec.User.Databases.Select(d => PlanNode.IdOf(KubernetesTokens.CustomResource("postgresql.cnpg.io/v1", "Database"), PostgresSpec.ResourceName(d)));
        var release = KubernetesNodes.HelmRelease(MlflowSpec.Namespace, MlflowVersions.Chart, MlflowSpec.Namespace, PlanValues.FromJson(spec.Values()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { DependsOn = [databaseSecret.Id, storeSecret.Id, adminSecret.Id, awsConfig.Id, .. databases, .. store.Ready] };
        yield return release;

        if (spec.DisruptionBudget() is { } budget)
        {
            yield return KubernetesNodes.Manifest(budget, component.Id, providerId) with { DependsOn = [ns.Id] };
        }

        if (teamUsers is null)
        {
            yield break;
        }

        // A user per team, created by a job as the admin once the server runs; its credentials in the team's namespace.
        foreach (var node in TeamUserNodes(teamUsers, MlflowTeamUsers.PasswordsSecret, _ => component.Id, component.Id, providerId, [ns.Id], [release.Id, adminSecret.Id]))
        {
            yield return node;
        }
    }

    /// <summary>A teams stack's MLflow users: each team's password and credentials under its component, the stack's passwords Secret and job.</summary>
    public static IEnumerable<PlanNode> TeamNodes(MlflowTeamUsers? teamUsers, TeamsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return teamUsers is null ? [] : TeamUserNodes(teamUsers, $"{MlflowTeamUsers.PasswordsSecret}-{target.Label}", t => target.TeamParents[t], target.Parent, target.ProviderId, [], []);
    }

    // Each team's generated password, the Secret of them all that the job reads, the job, and each team's credentials.
    private static IEnumerable<PlanNode> TeamUserNodes(MlflowTeamUsers teamUsers, string passwordsSecret, Func<string, string> parentOf, string parent, string providerId, IReadOnlyList<string> secretNeeds, IReadOnlyList<string> jobNeeds)
    {
        var passwords = teamUsers.Teams.Select(t => KubernetesNodes.RandomPassword(MlflowTeamUsers.PasswordName(t), parentOf(t))).ToArray();
        foreach (var password in passwords)
        {
            yield return password;
        }

        var secret = KubernetesNodes.Secret(passwordsSecret, MlflowSpec.Namespace, null,
            teamUsers.Teams.Zip(passwords, (t, p) => (t, PlanValue.Generated(p.Id))), parent, providerId)
            with { DependsOn = [.. secretNeeds, .. passwords.Select(p => p.Id)] };
        yield return secret;
        yield return KubernetesNodes.Manifest(teamUsers.Job(passwordsSecret), parent, providerId)
            with { DependsOn = [.. jobNeeds, secret.Id] };
        foreach (var (team, password) in teamUsers.Teams.Zip(passwords))
        {
            yield return KubernetesNodes.Secret(MlflowTeamUsers.TeamSecret, team, null, MlflowTeamUsers.Credentials(team), parentOf(team), providerId, MlflowTeamUsers.TeamSecretName(team))
                with { DependsOn = [Teams.TeamNamespaces.NamespaceId(team), password.Id] };
        }
    }
}
