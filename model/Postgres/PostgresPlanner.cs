using Infra.Model.Kubernetes;
using Infra.Model.Minio;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Postgres;

/// <summary>The plan nodes of the shared PostgreSQL cluster (<c>infra:ml:Databases</c>).</summary>
public static class PostgresPlanner
{
    /// <summary>This project's databases component.</summary>
    public const string ComponentType = "infra:ml:Databases";

    /// <summary>The component's logical name.</summary>
    public const string Name = "postgres";

    /// <summary>How long the cluster may take to create or update, in minutes: its instances start one after another.</summary>
    public const int ClusterTimeoutMinutes = 30;

    /// <summary>The operator's Helm release.</summary>
    public const string OperatorRelease = "cnpg-operator";

    /// <summary>The logical name of a service's database password.</summary>
    public static string Password(DatabaseUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return $"{user.Service}-postgres-password";
    }

    /// <summary>
    /// A Secret (basic-auth) <paramref name="name"/> in <paramref name="ns"/> with <paramref name="user"/>'s role and
    /// generated password, once the namespace node <paramref name="namespaceId"/> and the password exist: the role's
    /// own Secret in PostgreSQL's namespace, and each service's copy in its own.
    /// </summary>
    public static PlanNode CredentialsSecret(string name, string ns, DatabaseUser user, string namespaceId, string parent, string providerId)
    {
        var password = PlanNode.IdOf(KubernetesTokens.RandomPassword, Password(user));
        return KubernetesNodes.Secret(name, ns, "kubernetes.io/basic-auth",
            [("username", PlanValue.Of(user.Owner)), ("password", PlanValue.Generated(password))], parent, providerId)
            with { DependsOn = [namespaceId, password] };
    }

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(PostgresSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [KeyValuePair.Create(StackOutputs.PostgresHost, PlanValue.Of(PostgresSpec.Host))];
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The PostgreSQL decisions.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="storageClassNodeId">The StorageClass node of the volumes where this stack creates it, else null.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(PostgresSpec spec, string providerId, string? storageClassNodeId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var operatorNs = KubernetesNodes.Namespace(PostgresSpec.OperatorNamespace, component.Id, providerId, PodSecurity.Restricted);
        yield return operatorNs;
        var operatorRelease = KubernetesNodes.HelmRelease(OperatorRelease, PostgresVersions.Operator, PostgresSpec.OperatorNamespace, PlanValues.FromJson(spec.OperatorValues()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { DependsOn = [operatorNs.Id] };
        yield return operatorRelease;

        var ns = KubernetesNodes.Namespace(PostgresSpec.Namespace, component.Id, providerId, PodSecurity.Restricted);
        yield return ns;

        var clusterDependencies = new List<string> { operatorRelease.Id };
        foreach (var user in spec.Users)
        {
            var password = KubernetesNodes.RandomPassword(Password(user), component.Id);
            yield return password;
            var secret = CredentialsSecret(user.SecretName, PostgresSpec.Namespace, user, ns.Id, component.Id, providerId);
            clusterDependencies.Add(secret.Id);
            yield return secret;
        }

        if (spec.Backup is { } target)
        {
            var keys = PostgresSpec.BackupKeys;
            var backupSecret = KubernetesNodes.Secret(PostgresSpec.BackupSecret, PostgresSpec.Namespace, null,
                [(keys.AccessKey, PlanValue.Of(target.AccessKey)), (keys.SecretKey, PlanValue.Config(target.SecretKey)), (keys.Region, PlanValue.Of(target.Region))], component.Id, providerId)
                with { DependsOn = [ns.Id] };
            clusterDependencies.Add(backupSecret.Id);
            yield return backupSecret;
        }

        if (storageClassNodeId is not null)
        {
            clusterDependencies.Add(storageClassNodeId);
        }

        var cluster = KubernetesNodes.Manifest(spec.Cluster(), component.Id, providerId) with { Protect = spec.Protect, DependsOn = [.. clusterDependencies], Timeouts = PlanTimeouts.Minutes(ClusterTimeoutMinutes) };
        yield return cluster;

        foreach (var database in spec.Users.SelectMany(PostgresSpec.Databases))
        {
            yield return KubernetesNodes.Manifest(database, component.Id, providerId) with { DependsOn = [cluster.Id] };
        }

        if (spec.ScheduledBackup() is { } schedule)
        {
            yield return KubernetesNodes.Manifest(schedule, component.Id, providerId) with { DependsOn = [cluster.Id] };
        }
    }
}
