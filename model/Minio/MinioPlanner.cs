using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Minio;

/// <summary>The plan nodes of the MinIO object store (<c>infra:ml:ObjectStore</c>) on the platform's cluster.</summary>
public static class MinioPlanner
{
    /// <summary>This project's object store component.</summary>
    public const string ComponentType = "infra:ml:ObjectStore";

    /// <summary>The component's logical name.</summary>
    public const string Name = "minio";

    /// <summary>The operator's Helm release.</summary>
    public const string OperatorRelease = "minio-operator";

    /// <summary>The tenant's Helm release.</summary>
    public const string TenantRelease = "minio-tenant";

    /// <summary>The logical name of the root password.</summary>
    public const string RootPassword = "minio-root-password";

    /// <summary>The logical name of a user's password.</summary>
    public static string UserPassword(string identity) => $"{identity}-minio-password";

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(MinioSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [
            KeyValuePair.Create(StackOutputs.ObjectStoreEndpoint, PlanValue.Of(MinioSpec.Endpoint)),
            KeyValuePair.Create(StackOutputs.ObjectStoreConsole, PlanValue.Of(MinioSpec.ConsoleUrl)),
            KeyValuePair.Create(StackOutputs.ObjectStoreRootPassword, KubernetesNodes.GeneratedPassword(RootPassword)),
        ];
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The MinIO decisions.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="storageClassNodeId">The StorageClass node of the tenant's volumes where this stack creates it, else null.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(MinioSpec spec, string providerId, string? storageClassNodeId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var operatorNs = KubernetesNodes.Namespace(MinioSpec.OperatorNamespace, component.Id, providerId, PodSecurity.Restricted);
        yield return operatorNs;
        var operatorRelease = KubernetesNodes.HelmRelease(OperatorRelease, MinioVersions.Operator, MinioSpec.OperatorNamespace, PlanValues.FromJson(spec.OperatorValues()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { DependsOn = [operatorNs.Id] };
        yield return operatorRelease;

        var ns = KubernetesNodes.Namespace(MinioSpec.Namespace, component.Id, providerId, PodSecurity.Restricted);
        yield return ns;
        var rootPassword = KubernetesNodes.RandomPassword(RootPassword, component.Id);
        yield return rootPassword;
        var rootSecret = KubernetesNodes.Secret(MinioSpec.RootSecret, MinioSpec.Namespace, null,
            [(MinioSpec.RootConfigKey, PlanValue.Embed(MinioSpec.RootConfig, PlanValue.Generated(rootPassword.Id)))], component.Id, providerId)
            with { DependsOn = [ns.Id, rootPassword.Id] };
        yield return rootSecret;

        var userSecrets = new List<string>();
        foreach (var identity in spec.Store.Identities)
        {
            var password = KubernetesNodes.RandomPassword(UserPassword(identity.Name), component.Id);
            yield return password;
            var secret = KubernetesNodes.Secret(MinioSpec.UserSecret(identity), MinioSpec.Namespace, null,
                [("CONSOLE_ACCESS_KEY", PlanValue.Of(identity.Name)), ("CONSOLE_SECRET_KEY", PlanValue.Generated(password.Id))], component.Id, providerId)
                with { DependsOn = [ns.Id, password.Id] };
            userSecrets.Add(secret.Id);
            yield return secret;
        }

        var tenant = KubernetesNodes.HelmRelease(TenantRelease, MinioVersions.Tenant, MinioSpec.Namespace, PlanValues.FromJson(spec.TenantValues()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { Protect = spec.Protect, DependsOn = [operatorRelease.Id, rootSecret.Id, .. userSecrets, .. storageClassNodeId is null ? [] : new[] { storageClassNodeId }] };
        yield return tenant;

        var policies = KubernetesNodes.ConfigMap(MinioSpec.PoliciesConfigMap, MinioSpec.Namespace, spec.PolicyFiles().Select(f => (f.Key, f.Value)), component.Id, providerId)
            with { DependsOn = [ns.Id] };
        yield return policies;

        var policyJob = KubernetesNodes.Workload(KubernetesTokens.Job, spec.PolicyJob(), component.Id, providerId)
            with { DependsOn = [tenant.Id, policies.Id] };
        yield return policyJob;

        // With a backup target, every bucket is mirrored there nightly by a read-only user.
        if (spec.Backup is { } target && spec.MirrorIdentity is { } mirror)
        {
            var password = PlanNode.IdOf(KubernetesTokens.RandomPassword, UserPassword(mirror.Name));
            var keys = MinioSpec.MirrorKeys;
            var secret = KubernetesNodes.Secret(MinioSpec.MirrorSecret, MinioSpec.Namespace, null,
                [(keys[0], PlanValue.Of(mirror.Name)), (keys[1], PlanValue.Generated(password)), (keys[2], PlanValue.Of(target.AccessKey)), (keys[3], PlanValue.Config(target.SecretKey))], component.Id, providerId)
                with { DependsOn = [ns.Id, password] };
            yield return secret;
            yield return KubernetesNodes.Workload(KubernetesTokens.CronJob, spec.MirrorCronJob(), component.Id, providerId)
                with { DependsOn = [policyJob.Id, secret.Id] };

            // A restore fills the buckets back before anything reads them: the services that wait on it say so.
            if (spec.Restore is not null)
            {
                yield return KubernetesNodes.Workload(KubernetesTokens.Job, spec.RestoreJobManifest(), component.Id, providerId)
                    with { DependsOn = [policyJob.Id, secret.Id] };
            }
        }
    }

    /// <summary>
    /// A teams stack's MinIO users: each team's generated password under the team's component; the stack's Secret of
    /// the passwords, its ConfigMap of the policies, and its job that adds the users, in MinIO's namespace.
    /// </summary>
    public static IEnumerable<PlanNode> TeamNodes(MinioTeamUsers? users, TeamsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (users is null)
        {
            yield break;
        }

        var passwords = users.Identities.Select(i => KubernetesNodes.RandomPassword(UserPassword(i.Name), target.TeamParents[Validated.Required(i.Prefix)])).ToArray();
        foreach (var password in passwords)
        {
            yield return password;
        }

        var name = MinioTeamUsers.ObjectName(target.Label);
        var secret = KubernetesNodes.Secret(name, MinioSpec.Namespace, null, users.Identities.Zip(passwords, (i, p) => (i.Name, PlanValue.Generated(p.Id))), target.Parent, target.ProviderId)
            with { DependsOn = [.. passwords.Select(p => p.Id)] };
        yield return secret;
        var policies = KubernetesNodes.ConfigMap(name, MinioSpec.Namespace, users.PolicyFiles().Select(f => (f.Key, f.Value)), target.Parent, target.ProviderId);
        yield return policies;
        yield return KubernetesNodes.Workload(KubernetesTokens.Job, users.Job(target.Label), target.Parent, target.ProviderId)
            with { DependsOn = [secret.Id, policies.Id] };
    }

    private static PlanValue Metadata(string name) =>
        Map(("name", PlanValue.Of(name)), ("namespace", PlanValue.Of(MinioSpec.Namespace)));
}
