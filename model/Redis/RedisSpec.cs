using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Storage;

namespace Infra.Model.Redis;

/// <summary>
/// The Redis-compatible key-value store Feast's online store and GitLab share, served by Valkey: ACL
/// authentication with a generated password per client (and for the <c>default</c> user, which replication uses),
/// persistent volumes, and in production a primary with read replicas that refuses writes no replica has.
/// </summary>
/// <param name="Instances">Server instances: 1, or a primary and <c>Instances - 1</c> replicas.</param>
/// <param name="StorageGi">Each instance's volume in GiB.</param>
/// <param name="StorageClass">The StorageClass of the volumes.</param>
/// <param name="Memory">Each instance's memory request and limit.</param>
/// <param name="Clients">The services with a user of their own.</param>
/// <param name="Registry">The registry mirror the image is pulled through, or null.</param>
/// <param name="Protect">Whether the release is protected from deletion.</param>
/// <param name="Metrics">Whether the chart's exporter sidecar runs, for Prometheus to scrape.</param>
public sealed record RedisSpec(int Instances, int StorageGi, string StorageClass, string Memory, ImmutableArray<string> Clients, string? Registry, bool Protect, bool Metrics = false)
{
    /// <summary>The namespace.</summary>
    public const string Namespace = "redis";

    /// <summary>The Helm release, which names the primary's Service.</summary>
    public const string Release = "valkey";

    /// <summary>The Secret with every user's password, under the user's name (the chart's <c>usersExistingSecret</c>).</summary>
    public const string UsersSecret = "valkey-users";

    /// <summary>The administrative user, which replicas authenticate as.</summary>
    public const string AdminUser = "default";

    /// <summary>The primary's in-cluster host.</summary>
    public const string Host = "valkey.redis.svc.cluster.local";

    /// <summary>The port.</summary>
    public const int Port = 6379;

    /// <summary>The ACL of the administrative user: every key, channel and command.</summary>
    public const string AdminPermissions = "~* &* +@all";

    /// <summary>The ACL of a client service: every key and channel, no administrative command (ACL, CONFIG, REPLICAOF, SHUTDOWN, ...).</summary>
    public const string ClientPermissions = "~* &* +@all -@admin";

    /// <summary>The services that keep data in Redis: Feast's online store and GitLab's caches and queues.</summary>
    public static ImmutableArray<string> ClientsFor(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clients = ImmutableArray.CreateBuilder<string>();
        if (options.IsEnabled(Feast.FeastTechnology.Service))
        {
            clients.Add("feast");
        }

        if (options.IsEnabled(Gitlab.GitlabTechnology.Service))
        {
            clients.Add("gitlab");
        }

        return clients.ToImmutable();
    }

    /// <summary>The decisions for <paramref name="options"/>, or null where no service needs Redis.</summary>
    public static RedisSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static RedisSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clients = ClientsFor(options);
        if (clients.IsEmpty)
        {
            return null;
        }

        var production = options.IsProduction;
        var block = options.Platform?.Redis;
        return new RedisSpec(
            block?.Replicas ?? (production ? 3 : 1),
            (int)(Quantity.ToGibibytes(block?.Storage) ?? (production ? 20 : 5)),
            StorageSpec.For(options).Default?.Name ?? "default",
            block?.Memory ?? (production ? "4Gi" : "512Mi"),
            clients,
            options.Platform?.Registry,
            production,
            options.IsEnabled(Monitoring.MonitoringTechnology.Service));
    }

    /// <summary>Every user with a generated password: the administrative user, then the clients.</summary>
    public ImmutableArray<string> Users => [AdminUser, .. Clients];

    /// <summary>Whether a primary runs with read replicas.</summary>
    public bool Replicated => Instances > 1;

    /// <summary>Each instance's CPU request: more where a replicated store also streams to its replicas.</summary>
    public string Cpu => Replicated ? "500m" : "100m";

    /// <summary>A client's connection address, <c>host:port</c>.</summary>
    public static string Address => $"{Host}:{Port}";

    /// <summary>
    /// The chart's values: the pinned image, ACL users whose passwords come only from <see cref="UsersSecret"/>,
    /// memory, and the volumes; a replicated store also gets a disruption budget and refuses writes that no
    /// replica has.
    /// </summary>
    public JsonObject Values()
    {
        var users = new JsonObject { [AdminUser] = new JsonObject { ["permissions"] = AdminPermissions } };
        foreach (var client in Clients)
        {
            users[client] = new JsonObject { ["permissions"] = ClientPermissions };
        }

        var values = new JsonObject
        {
            ["image"] = new JsonObject
            {
                ["registry"] = Registry ?? RedisVersions.ImageRegistry,
                ["repository"] = Registry is null ? RedisVersions.Image : $"{RedisVersions.ImageRegistry}/{RedisVersions.Image}",
                ["tag"] = RedisVersions.Tag,
            },
            ["auth"] = new JsonObject { ["enabled"] = true, ["usersExistingSecret"] = UsersSecret, ["aclUsers"] = users },
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = Cpu, ["memory"] = Memory },
                ["limits"] = new JsonObject { ["memory"] = Memory },
            },
        };

        if (Metrics)
        {
            // The exporter authenticates as the default user, from the same Secret (the chart's deploy templates).
            values["metrics"] = new JsonObject
            {
                ["enabled"] = true,
                ["exporter"] = new JsonObject
                {
                    ["image"] = new JsonObject
                    {
                        ["registry"] = Registry ?? RedisVersions.ExporterRegistry,
                        ["repository"] = Registry is null ? RedisVersions.Exporter : $"{RedisVersions.ExporterRegistry}/{RedisVersions.Exporter}",
                        ["tag"] = RedisVersions.ExporterTag,
                    },
                    ["resources"] = new JsonObject
                    {
                        ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "32Mi" },
                        ["limits"] = new JsonObject { ["memory"] = "64Mi" },
                    },
                    // The chart gives the sidecar no context of its own (metrics.exporter.securityContext defaults to
                    // {}); the pod's user and seccomp profile apply, and this makes it meet the restricted standard.
                    ["securityContext"] = PodSecurity.RestrictedContainer(runAsNonRoot: true),
                },
            };
        }

        if (!Replicated)
        {
            // One pod on a ReadWriteOnce volume: the old pod must let go of it before the new one starts.
            values["deploymentStrategy"] = "Recreate";
            values["dataStorage"] = new JsonObject { ["enabled"] = true, ["requestedSize"] = $"{StorageGi}Gi", ["className"] = StorageClass, ["keepPvc"] = Protect };
            return values;
        }

        values["replica"] = new JsonObject
        {
            ["enabled"] = true,
            ["replicas"] = Instances - 1,
            ["replicationUser"] = AdminUser,
            ["minReplicasToWrite"] = 1,
            ["minReplicasMaxLag"] = 10,
            ["persistence"] = new JsonObject { ["size"] = $"{StorageGi}Gi", ["storageClass"] = StorageClass },
        };
        values["podDisruptionBudget"] = new JsonObject { ["enabled"] = true, ["maxUnavailable"] = 1 };
        return values;
    }
}
