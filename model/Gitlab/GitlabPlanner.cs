using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Postgres;
using Infra.Model.Redis;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Gitlab;

/// <summary>The plan nodes of GitLab (<c>infra:ml:SourceControl</c>).</summary>
public static class GitlabPlanner
{
    /// <summary>This project's GitLab component.</summary>
    public const string ComponentType = "infra:ml:SourceControl";

    /// <summary>The component's logical name.</summary>
    public const string Name = "gitlab";

    /// <summary>The logical name of the generated root password.</summary>
    public const string RootPassword = "gitlab-root-password";

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(GitlabSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [KeyValuePair.Create(StackOutputs.GitlabUrl, PlanValue.Of(spec.Url)), KeyValuePair.Create(StackOutputs.GitlabRootPassword, KubernetesNodes.GeneratedPassword(RootPassword))];
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">GitLab's decisions.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="storageClassNodeId">The StorageClass node of Gitaly's volume where this stack creates it, else null.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(GitlabSpec spec, string providerId, string? storageClassNodeId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var ns = KubernetesNodes.Namespace(GitlabSpec.Namespace, component.Id, providerId, PodSecurity.BaselineReportingRestricted);
        yield return ns;

        var rootPassword = KubernetesNodes.RandomPassword(RootPassword, component.Id);
        yield return rootPassword;
        var rootSecret = KubernetesNodes.Secret(GitlabSpec.RootPasswordSecret, GitlabSpec.Namespace, null,
            [("password", PlanValue.Generated(rootPassword.Id))], component.Id, providerId)
            with { DependsOn = [ns.Id, rootPassword.Id] };
        yield return rootSecret;

        var databaseSecret = PostgresPlanner.CredentialsSecret(GitlabSpec.DatabaseSecret, GitlabSpec.Namespace, spec.User, ns.Id, component.Id, providerId);
        yield return databaseSecret;

        var redisPassword = PlanNode.IdOf(KubernetesTokens.RandomPassword, RedisPlanner.Password(GitlabSpec.RedisUser));
        var redisSecret = KubernetesNodes.Secret(GitlabSpec.RedisSecret, GitlabSpec.Namespace, null,
            [("password", PlanValue.Generated(redisPassword))], component.Id, providerId)
            with { DependsOn = [ns.Id, redisPassword] };
        yield return redisSecret;

        var secretKey = spec.Store.SecretKey(GitlabSpec.Identity);
        var storageSecret = KubernetesNodes.Secret(GitlabSpec.StorageSecret, GitlabSpec.Namespace, null,
            GitlabSpec.StorageKeys.Select(key => (key, PlanValue.Embed(value => spec.StorageConfigFor(key, value), secretKey))), component.Id, providerId)
            with { DependsOn = [ns.Id, .. spec.Store.KeyNodes(GitlabSpec.Identity)] };
        yield return storageSecret;

        var databases = spec.User.Databases.Select(d => PlanNode.IdOf(KubernetesTokens.CustomResource("postgresql.cnpg.io/v1", "Database"), PostgresSpec.ResourceName(d)));
        List<string> dependencies = [rootSecret.Id, databaseSecret.Id, redisSecret.Id, storageSecret.Id, .. databases, PlanNode.IdOf(KubernetesTokens.HelmRelease, RedisSpec.Release), .. spec.Store.Ready];
        if (spec.SignIn is { } signIn)
        {
            // GitLab's secret at Dex, generated here as GitLab is planned before Kubeflow, which hands it to Dex.
            var password = KubernetesNodes.RandomPassword(signIn.PasswordName, component.Id);
            yield return password;
            var provider = KubernetesNodes.Secret(GitlabSpec.OidcProviderSecret, GitlabSpec.Namespace, null,
                [("provider", PlanValue.Embed(hole => spec.OidcProvider(GitlabSpec.SecretPlaceholder).Replace(GitlabSpec.SecretPlaceholder, hole, StringComparison.Ordinal), PlanValue.Generated(password.Id)))], component.Id, providerId)
                with { DependsOn = [ns.Id, password.Id] };
            yield return provider;
            dependencies.Add(provider.Id);
        }

        if (storageClassNodeId is not null)
        {
            dependencies.Add(storageClassNodeId);
        }

        // A restore brings Rails' keys back before the chart starts, so that it reads the restored database.
        if (spec.Restore?.GitlabRailsSecret is { } railsKeys)
        {
            var rails = KubernetesNodes.Secret(GitlabSpec.RailsSecret, GitlabSpec.Namespace, null, [(GitlabSpec.RailsSecretKey, PlanValue.Config(railsKeys))], component.Id, providerId)
                with { DependsOn = [ns.Id] };
            yield return rails;
            dependencies.Add(rails.Id);
        }

        var release = KubernetesNodes.HelmRelease(GitlabSpec.Namespace, GitlabVersions.Chart, GitlabSpec.Namespace, PlanValues.FromJson(spec.Values()), GitlabSpec.ReleaseTimeoutSeconds, component.Id, providerId)
            with { Protect = spec.Protect, DependsOn = [.. dependencies] };
        yield return release;

        // A restore runs the chart's restore once the release is up, which waits for the buckets to be back from their mirror (Store.Ready).
        if (spec.Restore is not null)
        {
            var access = KubernetesNodes.JobAccount(GitlabSpec.RestoreJob, GitlabSpec.Namespace, GitlabSpec.RestoreRules(), ns.Id, component.Id, providerId);
            foreach (var node in access)
            {
                yield return node;
            }

            yield return KubernetesNodes.Workload(KubernetesTokens.Job, spec.RestoreJobManifest(), component.Id, providerId)
                with { DependsOn = [release.Id, access[^1].Id] };
        }
    }
}
