using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Storage;

namespace Infra.Model.Postgres;

/// <summary>
/// The PostgreSQL cluster the services share, through CloudNativePG: one cluster per environment, a database and
/// an owner per service, and, in production, three instances; continuous backups to the backup target outside the
/// cluster, where one is set (production requires it).
/// </summary>
/// <param name="Instances">PostgreSQL instances.</param>
/// <param name="StorageGi">Each instance's volume in GiB.</param>
/// <param name="StorageClass">The StorageClass of the volumes.</param>
/// <param name="Cpu">Each instance's CPU request.</param>
/// <param name="Memory">Each instance's memory request and limit.</param>
/// <param name="Users">A database and owner per service.</param>
/// <param name="Backup">The target continuous backups go to, or null (a development stack without one).</param>
/// <param name="Protect">Whether the cluster is protected from deletion.</param>
/// <param name="Registry">The registry mirror the operator and PostgreSQL images are pulled through, or null.</param>
/// <param name="Restore">The restore the cluster is bootstrapped from, or null for an empty cluster.</param>
public sealed record PostgresSpec(int Instances, int StorageGi, string StorageClass, string Cpu, string Memory, ImmutableArray<DatabaseUser> Users, Backup.BackupTarget? Backup, bool Protect, string? Registry = null, Backup.RestoreSpec? Restore = null)
{
    /// <summary>The operator's namespace.</summary>
    public const string OperatorNamespace = "cnpg-system";

    /// <summary>The cluster's namespace.</summary>
    public const string Namespace = "postgres";

    /// <summary>The cluster's name.</summary>
    public const string ClusterName = "mlops-postgres";

    /// <summary>The Secret with the backup target's identity and region.</summary>
    public const string BackupSecret = "postgres-backup-s3";

    /// <summary>The keys of <see cref="BackupSecret"/>: the access key ID, the secret key and the region.</summary>
    public static readonly (string AccessKey, string SecretKey, string Region) BackupKeys = ("ACCESS_KEY_ID", "ACCESS_SECRET_KEY", "ACCESS_REGION");

    /// <summary>The folder of the backup target's bucket the cluster's base backups and WAL go to.</summary>
    public const string BackupFolder = "postgres";

    /// <summary>The read-write service of the cluster, where services connect.</summary>
    public const string Host = "mlops-postgres-rw.postgres.svc.cluster.local";

    /// <summary>
    /// Kubeflow Pipelines' API server: its database and role. The role may create databases because the server
    /// issues <c>CREATE DATABASE</c> at every start (see <see cref="DatabaseUser.CreateDb"/>).
    /// </summary>
    public static DatabaseUser PipelinesApi { get; } = new("kubeflow-pipelines", "mlpipeline", "kubeflow_pipelines", CreateDb: true, PlainText: true);

    /// <summary>ML Metadata's database and role, apart from the API server's.</summary>
    public static DatabaseUser PipelinesMetadata { get; } = new("ml-metadata", "metadb", "ml_metadata");

    /// <summary>The port the cluster's services listen on.</summary>
    public const int Port = 5432;

    /// <summary>The services' databases and owners, for the enabled services that keep relational data.</summary>
    public static ImmutableArray<DatabaseUser> UsersFor(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var users = ImmutableArray.CreateBuilder<DatabaseUser>();
        if (options.IsEnabled(Mlflow.MlflowTechnology.Service))
        {
            users.Add(new DatabaseUser("mlflow", "mlflow", "mlflow", "mlflow_auth"));
        }

        if (options.IsEnabled(Feast.FeastTechnology.Service))
        {
            users.Add(new DatabaseUser("feast", "feast_registry", "feast"));
        }

        if (options.IsEnabled(Gitlab.GitlabTechnology.Service))
        {
            users.Add(new DatabaseUser("gitlab", "gitlabhq_production", "gitlab"));
        }

        if (options.IsEnabled(Kubeflow.KubeflowTechnology.Service) && Kubeflow.KubeflowSpec.ApplicationsFor(options).Contains("katib"))
        {
            users.Add(new DatabaseUser("katib", "katib", "katib"));
        }

        if (options.IsEnabled(Kubeflow.KubeflowTechnology.Service) && Kubeflow.KubeflowSpec.ApplicationsFor(options).Contains("pipelines"))
        {
            users.Add(PipelinesApi);
            users.Add(PipelinesMetadata);
        }

        return users.ToImmutable();
    }

    /// <summary>The decisions for <paramref name="options"/>, or null where no service needs a database.</summary>
    public static PostgresSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static PostgresSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var users = UsersFor(options);
        if (users.IsEmpty)
        {
            return null;
        }

        var production = options.IsProduction;
        var block = options.Platform?.Postgres;
        return new PostgresSpec(
            block?.Replicas ?? (production ? 3 : 1),
            (int)(Quantity.ToGibibytes(block?.Storage) ?? (production ? 100 : 10)),
            StorageSpec.For(options).Default?.Name ?? "default",
            production ? "1" : "250m",
            production ? "4Gi" : "1Gi",
            users,
            Infra.Model.Backup.BackupTarget.For(options),
            production,
            options.Platform?.Registry,
            Infra.Model.Backup.RestoreSpec.For(options));
    }

    /// <summary>The name of the external cluster a restore recovers from: the backups of the cluster that was.</summary>
    public const string RecoverySource = "origin";

    /// <summary>
    /// The operator chart's values: its image through the registry mirror where one is set (the chart writes
    /// <c>image.repository:tag</c>, the tag its app version; templates/deployment.yaml at cloudnative-pg-v0.29.0),
    /// nothing otherwise.
    /// </summary>
    public JsonObject OperatorValues() => Registry is null
        ? []
        : new JsonObject { ["image"] = new JsonObject { ["repository"] = Images.Through(Registry, PostgresVersions.OperatorImage) } };

    /// <summary>The cluster resource: instances, storage, one managed role per service, backups where set.</summary>
    public JsonObject Cluster()
    {
        var spec = new JsonObject
        {
            ["instances"] = Instances,
            ["imageName"] = Images.Through(Registry, PostgresVersions.Image),
            ["enableSuperuserAccess"] = false,
            ["storage"] = new JsonObject { ["size"] = $"{StorageGi}Gi", ["storageClass"] = StorageClass },

            // Memory requested as it is limited, so that an instance is not the first evicted under pressure.
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = Cpu, ["memory"] = Memory },
                ["limits"] = new JsonObject { ["memory"] = Memory },
            },
            ["managed"] = new JsonObject
            {
                ["roles"] = new JsonArray([.. Users.Select(Role)]),
            },
            ["postgresql"] = new JsonObject { ["pg_hba"] = new JsonArray([.. HbaRules().Select(r => JsonValue.Create(r))]) },
        };
        if (Backup is { } target)
        {
            var store = ObjectStore(target, target.PathFor(BackupFolder), target.Generation == 1 ? null : Infra.Model.Backup.BackupTarget.ServerName(ClusterName, target.Generation));
            store["wal"] = new JsonObject { ["compression"] = "gzip" };
            store["data"] = new JsonObject { ["compression"] = "gzip" };
            spec["backup"] = new JsonObject { ["retentionPolicy"] = target.Retention, ["barmanObjectStore"] = store };
        }

        // A restore bootstraps the new cluster from the base backup before the point in time and replays the
        // archived WAL up to it (CloudNativePG docs/src/recovery.md, v1.30.0: recovery from an object store).
        if (Restore is { } restore)
        {
            var recovery = new JsonObject { ["source"] = RecoverySource };
            if (restore.TargetTime is { } time)
            {
                recovery["recoveryTarget"] = new JsonObject { ["targetTime"] = time };
            }

            // An external cluster's server name defaults to its own name ('origin'), not the cluster that wrote the backups: always named.
            var origin = ObjectStore(restore.Target, restore.Target.PathFor(restore.From, BackupFolder), Infra.Model.Backup.BackupTarget.ServerName(ClusterName, restore.Generation));
            origin["wal"] = new JsonObject { ["maxParallel"] = 8 };
            spec["bootstrap"] = new JsonObject { ["recovery"] = recovery };
            spec["externalClusters"] = new JsonArray(new JsonObject { ["name"] = RecoverySource, ["barmanObjectStore"] = origin });
        }

        return new JsonObject
        {
            ["apiVersion"] = "postgresql.cnpg.io/v1",
            ["kind"] = "Cluster",
            ["metadata"] = new JsonObject
            {
                ["name"] = ClusterName,
                ["namespace"] = Namespace,
                ["annotations"] = new JsonObject { ["pulumi.com/waitFor"] = "condition=Ready" },
            },
            ["spec"] = spec,
        };
    }

    // A Barman object store on the target with the backup Secret's credentials, under a server name where one is given.
    private static JsonObject ObjectStore(Backup.BackupTarget target, string path, string? serverName)
    {
        JsonObject Key(string key) => new() { ["name"] = BackupSecret, ["key"] = key };
        var store = new JsonObject
        {
            ["destinationPath"] = path,
            ["endpointURL"] = target.Endpoint,
            ["s3Credentials"] = new JsonObject
            {
                ["accessKeyId"] = Key(BackupKeys.AccessKey),
                ["secretAccessKey"] = Key(BackupKeys.SecretKey),
                ["region"] = Key(BackupKeys.Region),
            },
        };
        if (serverName is not null)
        {
            store["serverName"] = serverName;
        }

        return store;
    }

    /// <summary>
    /// The cluster's own client authentication rules, which the operator writes between its fixed rules (local
    /// peer access, certificates for <c>streaming_replica</c> and the pooler) and its default
    /// <c>host all all all scram-sha-256</c>: a connection without TLS is refused, except from a role that cannot
    /// use TLS (<see cref="DatabaseUser.PlainText"/>), to the databases it connects to; every TLS connection
    /// falls through to the default.
    /// </summary>
    public IEnumerable<string> HbaRules()
    {
        foreach (var user in Users.Where(u => u.PlainText))
        {
            yield return $"hostnossl {string.Join(',', user.ConnectsTo)} {user.Owner} all scram-sha-256";
        }

        yield return "hostnossl all all all reject";
    }

    /// <summary>A service's managed role: it logs in with the password in its Secret, and creates databases only where it must.</summary>
    private static JsonNode Role(DatabaseUser user)
    {
        var role = new JsonObject
        {
            ["name"] = user.Owner,
            ["ensure"] = "present",
            ["login"] = true,
            ["passwordSecret"] = new JsonObject { ["name"] = user.SecretName },
        };
        if (user.CreateDb)
        {
            role["createdb"] = true;
        }

        return role;
    }

    /// <summary>A service's database resources, owned by its role.</summary>
    public static IEnumerable<JsonObject> Databases(DatabaseUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Databases.Select(database => new JsonObject
        {
            ["apiVersion"] = "postgresql.cnpg.io/v1",
            ["kind"] = "Database",
            ["metadata"] = new JsonObject { ["name"] = ResourceName(database), ["namespace"] = Namespace },
            ["spec"] = new JsonObject
            {
                ["name"] = database,
                ["owner"] = user.Owner,
                ["cluster"] = new JsonObject { ["name"] = ClusterName },
            },
        });
    }

    /// <summary>The name of a database's resource: the database's, with hyphens for underscores.</summary>
    public static string ResourceName(string database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Replace('_', '-');
    }

    /// <summary>The daily backup schedule, where backups are set.</summary>
    public JsonObject? ScheduledBackup() => Backup is null ? null : new JsonObject
    {
        ["apiVersion"] = "postgresql.cnpg.io/v1",
        ["kind"] = "ScheduledBackup",
        ["metadata"] = new JsonObject { ["name"] = $"{ClusterName}-daily", ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["schedule"] = "0 0 2 * * *",
            ["backupOwnerReference"] = "self",
            ["cluster"] = new JsonObject { ["name"] = ClusterName },
        },
    };
}
