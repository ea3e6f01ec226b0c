using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Kubernetes;
using Infra.Model.Postgres;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Postgres;

/// <summary>
/// The PostgreSQL cluster the services share (<c>infra:ml:Databases</c>), through the CloudNativePG operator: a
/// generated password and role per service, a database each, and in production continuous backups to the object
/// store on a daily schedule.
/// </summary>
public sealed class PostgresDatabases : InfraComponent
{
    /// <summary>Registers the operator, the cluster and the databases.</summary>
    public PostgresDatabases(string name, PostgresDatabasesArgs args, ComponentResourceOptions? options = null)
        : base(PostgresPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;
        var provider = args.Provider;

        var operatorNs = Namespaces.Create(PostgresSpec.OperatorNamespace, On(provider));
        var operatorRelease = HelmReleases.Create(PostgresPlanner.OperatorRelease, PostgresVersions.Operator, PostgresSpec.OperatorNamespace, [], KubernetesNodes.ReleaseTimeoutSeconds, On(provider, operatorNs));
        var ns = Namespaces.Create(PostgresSpec.Namespace, On(provider));

        var clusterDependencies = new List<Resource> { operatorRelease };
        var passwords = ImmutableDictionary.CreateBuilder<string, Output<string>>(StringComparer.Ordinal);
        foreach (var user in spec.Users)
        {
            var password = GeneratedPassword(PostgresPlanner.Password(user));
            passwords[user.Service] = Output.CreateSecret(password.Result);
            clusterDependencies.Add(CredentialsSecret(user.SecretName, PostgresSpec.Namespace, user, password.Result, On(provider, ns, password)));
        }

        if (spec.BackupBucket is not null && args.ObjectStore is { } store)
        {
            clusterDependencies.Add(Secrets.Create(PostgresSpec.BackupSecret, PostgresSpec.Namespace, null,
                [("ACCESS_KEY_ID", store.AccessKey(PostgresPlanner.Name)), ("ACCESS_SECRET_KEY", store.SecretKeys[PostgresPlanner.Name])], On(provider, ns)));
            clusterDependencies.AddRange(store.Ready);
        }

        if (args.StorageClass is { } storageClass)
        {
            clusterDependencies.Add(storageClass);
        }

        var cluster = new K8s.ApiExtensions.CustomResource(PostgresSpec.ClusterName, ManifestArgs.From(spec.Cluster()), new CustomResourceOptions
        {
            Parent = this,
            Provider = provider,
            DependsOn = [.. clusterDependencies],
            Protect = spec.Protect,
            CustomTimeouts = new CustomTimeouts { Create = TimeSpan.FromMinutes(30), Update = TimeSpan.FromMinutes(30) },
        });

        var databases = ImmutableDictionary.CreateBuilder<string, ImmutableArray<Resource>>(StringComparer.Ordinal);
        foreach (var user in spec.Users)
        {
            databases[user.Service] = [.. PostgresSpec.Databases(user).Select(database =>
                (Resource)new K8s.ApiExtensions.CustomResource((string)database["metadata"]!["name"]!, ManifestArgs.From(database), On(provider, cluster)))];
        }

        if (spec.ScheduledBackup() is { } schedule)
        {
            _ = new K8s.ApiExtensions.CustomResource((string)schedule["metadata"]!["name"]!, ManifestArgs.From(schedule), On(provider, cluster));
        }

        Passwords = passwords.ToImmutable();
        Databases = databases.ToImmutable();
        Host = Output.Create(PostgresSpec.Host);
        RegisterOutputs(new Dictionary<string, object?> { ["host"] = Host });
    }

    /// <summary>
    /// Registers a Secret (basic-auth) <paramref name="name"/> in <paramref name="ns"/> with <paramref name="user"/>'s
    /// role and generated password, as <see cref="PostgresPlanner.CredentialsSecret"/> plans it: a service's copy in its namespace.
    /// </summary>
    public K8s.Core.V1.Secret CredentialsSecret(string name, string ns, DatabaseUser user, CustomResourceOptions options) =>
        CredentialsSecret(name, ns, user, Passwords[user.Service], options);

    private static K8s.Core.V1.Secret CredentialsSecret(string name, string ns, DatabaseUser user, Input<string> password, CustomResourceOptions options) =>
        Secrets.Create(name, ns, "kubernetes.io/basic-auth", [("username", user.Owner), ("password", password)], options);

    /// <summary>The read-write host services connect to.</summary>
    [Output]
    public Output<string> Host { get; }

    /// <summary>Each service's database password, by service, for the Secrets in the services' namespaces.</summary>
    public ImmutableDictionary<string, Output<string>> Passwords { get; }

    /// <summary>Each service's database resources, by service, for the services to wait on.</summary>
    public ImmutableDictionary<string, ImmutableArray<Resource>> Databases { get; }
}
