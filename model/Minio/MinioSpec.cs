using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Storage;

namespace Infra.Model.Minio;

/// <summary>
/// MinIO as the platform's object store: the operator, one tenant with the buckets, a user per consuming service,
/// and a job that gives each user a policy reaching only its buckets and keeps every bucket private.
/// </summary>
/// <param name="Servers">MinIO servers in the pool.</param>
/// <param name="VolumesPerServer">Volumes per server.</param>
/// <param name="VolumeGi">Each volume's size in GiB.</param>
/// <param name="StorageClass">The StorageClass of the volumes.</param>
/// <param name="Cpu">Each server's CPU request.</param>
/// <param name="Memory">Each server's memory request and limit.</param>
/// <param name="Store">The buckets and identities.</param>
/// <param name="Registry">The registry mirror images are pulled through, or null.</param>
/// <param name="Protect">Whether the tenant (its data) is protected from deletion.</param>
/// <param name="Backup">The backup target the buckets are mirrored to, or null.</param>
/// <param name="Metrics">Whether Prometheus scrapes the tenant's metrics.</param>
/// <param name="Restore">The restore that fills the buckets back from their mirror, or null.</param>
public sealed record MinioSpec(int Servers, int VolumesPerServer, int VolumeGi, string StorageClass, string Cpu, string Memory, ObjectStoreSpec Store, string? Registry, bool Protect, Backup.BackupTarget? Backup = null, bool Metrics = false, Backup.RestoreSpec? Restore = null)
{
    /// <summary>The Job that copies every bucket back from its mirror on the backup target, in a restore.</summary>
    public const string RestoreJob = "minio-restore";

    /// <summary>The CronJob that mirrors every bucket to the backup target.</summary>
    public const string MirrorJob = "minio-backup-mirror";

    /// <summary>The Secret with the mirror's two identities: the read-only MinIO user and the backup target's.</summary>
    public const string MirrorSecret = "minio-backup-mirror";

    /// <summary>The folder of the backup target's bucket the buckets are mirrored under, one folder each.</summary>
    public const string MirrorFolder = "objects";

    /// <summary>When the mirror runs: nightly, after PostgreSQL's base backup at 02:00.</summary>
    public const string MirrorSchedule = "30 2 * * *";

    /// <summary>The keys of <see cref="MirrorSecret"/>, which the mirror reads as its environment.</summary>
    public static readonly ImmutableArray<string> MirrorKeys = ["SOURCE_ACCESS_KEY", "SOURCE_SECRET_KEY", "TARGET_ACCESS_KEY", "TARGET_SECRET_KEY"];

    // The job's name hashes every policy: computed once per spec, as every identity's users wait for the job.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MinioSpec, string> JobNames = [];

    /// <summary>The operator's namespace.</summary>
    public const string OperatorNamespace = "minio-operator";

    /// <summary>The tenant's namespace.</summary>
    public const string Namespace = "minio";

    /// <summary>The MinIO servers' pod port (the S3 API), where the tenant's <c>minio</c> Service points.</summary>
    public const int ServerPort = 9000;

    /// <summary>The tenant's name.</summary>
    public const string TenantName = "mlops";

    /// <summary>The key of the tenant's root configuration in its Secret, the file the tenant reads.</summary>
    public const string RootConfigKey = "config.env";

    /// <summary>The Secret with the tenant's root credentials (<c>config.env</c>).</summary>
    public const string RootSecret = "minio-root";

    /// <summary>The root user's name.</summary>
    public const string RootUser = "mlops-root";

    /// <summary>The ConfigMap with the policy documents.</summary>
    public const string PoliciesConfigMap = "minio-policies";

    /// <summary>The in-cluster S3 endpoint of the tenant (the operator's <c>minio</c> service; TLS is terminated at the ingress).</summary>
    public const string Endpoint = "http://minio.minio.svc.cluster.local";

    /// <summary>The in-cluster URL of the tenant's console (the operator's <c>&lt;tenant&gt;-console</c> service, plain HTTP without auto-cert).</summary>
    public const string ConsoleUrl = $"http://{TenantName}-console.{Namespace}.svc.cluster.local:9090";

    /// <summary>The MinIO server image of the tenant chart, which <see cref="Registry"/> rewrites.</summary>
    public const string ServerImage = "quay.io/minio/minio";

    /// <summary>The MinIO decisions for <paramref name="options"/>, or null where MinIO is disabled.</summary>
    public static MinioSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static MinioSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(Minio.MinioTechnology.Service))
        {
            return null;
        }

        var block = options.Platform?.Minio;
        var production = options.IsProduction;
        var servers = block?.Replicas ?? (production ? 4 : 1);
        var volumes = production ? 4 : 1;
        var total = Quantity.ToGibibytes(block?.Storage) ?? (production ? 1024 : 100);
        var tier = StorageSpec.For(options).Default?.Name ?? "default";
        return new MinioSpec(
            servers,
            volumes,
            (int)Math.Ceiling(total / (double)(servers * volumes)),
            tier,
            production ? "2" : "250m",
            production ? "16Gi" : "2Gi",
            ObjectStoreSpec.For(options),
            options.Platform?.Registry,
            production,
            Infra.Model.Backup.BackupTarget.For(options),
            options.IsEnabled(Monitoring.MonitoringTechnology.Service),
            Infra.Model.Backup.RestoreSpec.For(options));
    }

    /// <summary>The backup mirror's MinIO identity, which reads every bucket, or null without a backup target.</summary>
    public StoreIdentity? MirrorIdentity => Store.Identities.SingleOrDefault(i => i.Consumer == StoreConsumer.Backup);

    /// <summary>
    /// The mirror's script: both aliases from the environment, then each bucket copied to
    /// <c>&lt;target bucket&gt;/&lt;environment&gt;/objects/&lt;bucket&gt;</c>, objects that changed overwritten and none deleted there,
    /// so an object deleted by mistake in the platform stays in the backup.
    /// </summary>
    public string MirrorScript()
    {
        var target = Backup ?? throw new InvalidOperationException("No backup target: the mirror runs only with one.");
        var script = new System.Text.StringBuilder().Append(Aliases(target));
        foreach (var bucket in MirrorIdentity!.Buckets)
        {
            script.Append(CultureInfo.InvariantCulture, $"mc mirror --overwrite source/{bucket} target/{target.Bucket}/{target.Environment}/{MirrorFolder}/{bucket}\n");
        }

        return script.ToString();
    }

    /// <summary>
    /// The restore's script: both aliases, then each bucket filled back from the restored environment's mirror of
    /// the bucket with the same purpose (<c>mlops-&lt;from&gt;-&lt;purpose&gt;</c> into <c>mlops-&lt;environment&gt;-&lt;purpose&gt;</c>);
    /// a bucket with nothing in the mirror stays empty, and says so.
    /// </summary>
    public string RestoreScript()
    {
        var restore = Restore ?? throw new InvalidOperationException("No restore: the restore Job runs only in one.");
        var target = restore.Target;
        var script = new System.Text.StringBuilder().Append(Aliases(target));
        foreach (var bucket in Store.Buckets.Where(b => MirrorIdentity!.Buckets.Contains(b.Name)))
        {
            var mirrored = $"target/{target.Bucket}/{restore.From}/{MirrorFolder}/{ObjectStoreSpec.BucketName(restore.From, bucket.Purpose)}";
            script.Append(CultureInfo.InvariantCulture, $"if [ -n \"$(mc ls {mirrored}/)\" ]; then mc mirror --overwrite {mirrored} source/{bucket.Name}; else echo '{bucket.Name}: nothing in the backup'; fi\n");
        }

        return script.ToString();
    }

    /// <summary>The restore's Job: the pinned MinIO client under the restricted profile, with the mirror's identities (which write in a restore).</summary>
    public JsonObject RestoreJobManifest() => ClientJob(RestoreJob, "restore", RestoreScript());

    // Strict shell, and the platform's MinIO as 'source' and the backup target as 'target'.
    private static string Aliases(Backup.BackupTarget target) =>
        "set -eu\n"
        + $"mc alias set source {Endpoint} \"$SOURCE_ACCESS_KEY\" \"$SOURCE_SECRET_KEY\" >/dev/null\n"
        + $"mc alias set target {target.Endpoint} \"$TARGET_ACCESS_KEY\" \"$TARGET_SECRET_KEY\" >/dev/null\n";

    private JsonObject ClientJob(string name, string container, string script) => RestrictedJob.Of(
        name,
        Namespace,
        container,
        Images.Through(Registry, MinioVersions.ClientImage),
        new JsonArray("/bin/sh", "-c", script),
        MirrorKeys.Select(key => SecretVariable.Of(key, MirrorSecret, key)),
        [],
        backoffLimit: 2,
        deadlineSeconds: 6 * 3600);

    /// <summary>The mirror's CronJob: the pinned MinIO client under the restricted profile, one run at a time, nightly.</summary>
    public JsonObject MirrorCronJob()
    {
        var job = ClientJob(MirrorJob, "mirror", MirrorScript());
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "CronJob",
            ["metadata"] = new JsonObject { ["name"] = MirrorJob, ["namespace"] = Namespace },
            ["spec"] = new JsonObject
            {
                ["schedule"] = MirrorSchedule,
                ["concurrencyPolicy"] = "Forbid",
                ["successfulJobsHistoryLimit"] = 3,
                ["failedJobsHistoryLimit"] = 3,
                ["jobTemplate"] = new JsonObject { ["spec"] = job["spec"]!.DeepClone() },
            },
        };
    }

    /// <summary>The Secret of a consuming service's MinIO user.</summary>
    public static string UserSecret(StoreIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return $"{identity.Name}-minio-user";
    }

    /// <summary>The root credentials file the tenant reads, for a generated password.</summary>
    public static string RootConfig(string password) =>
        $"export MINIO_ROOT_USER={RootUser}\nexport MINIO_ROOT_PASSWORD={password}\n";

    /// <summary>An image through the registry mirror, where one is set: <c>&lt;mirror&gt;/&lt;image&gt;</c>.</summary>
    public string Image(string image) => Images.Through(Registry, image);

    // One pool on the default tier, the buckets, a user per service, root credentials by Secret.
    private JsonObject PoolAndBuckets() => new()
    {
        ["tenant"] = new JsonObject
        {
            ["name"] = TenantName,
            ["image"] = new JsonObject { ["repository"] = Image(ServerImage) },
            ["configSecret"] = new JsonObject { ["name"] = RootSecret, ["existingSecret"] = true },
            ["pools"] = new JsonArray(new JsonObject
            {
                ["name"] = "pool-0",
                ["servers"] = Servers,
                ["volumesPerServer"] = VolumesPerServer,
                ["size"] = $"{VolumeGi}Gi",
                ["storageClassName"] = StorageClass,
                ["resources"] = new JsonObject
                {
                    ["requests"] = new JsonObject { ["cpu"] = Cpu, ["memory"] = Memory },
                    ["limits"] = new JsonObject { ["memory"] = Memory },
                },

                // The chart's default pool's security contexts (tenant chart 7.1.1, values.yaml pools[0]): a pool
                // list of our own replaces that pool, and with it these, which the template reads per pool.
                ["securityContext"] = new JsonObject
                {
                    ["runAsUser"] = 1000,
                    ["runAsGroup"] = 1000,
                    ["fsGroup"] = 1000,
                    ["fsGroupChangePolicy"] = "OnRootMismatch",
                    ["runAsNonRoot"] = true,
                },
                ["containerSecurityContext"] = new JsonObject
                {
                    ["runAsUser"] = 1000,
                    ["runAsGroup"] = 1000,
                    ["runAsNonRoot"] = true,
                    ["allowPrivilegeEscalation"] = false,
                    ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
                    ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
                },
            }),
            ["certificate"] = new JsonObject { ["requestAutoCert"] = false },
            ["buckets"] = new JsonArray([.. Store.Buckets.Select(b => (JsonNode)new JsonObject { ["name"] = b.Name })]),
            ["users"] = new JsonArray([.. Store.Identities.Select(i => (JsonNode)new JsonObject { ["name"] = UserSecret(i) })]),
        },
    };

    /// <summary>
    /// The tenant chart's values: one pool on the default tier, the buckets, a user per service, root credentials
    /// by Secret and, where monitoring runs, cluster metrics served without a token for Prometheus (they hold sizes,
    /// counts and states, never objects or keys).
    /// </summary>
    public JsonObject TenantValues()
    {
        var values = PoolAndBuckets();
        if (Metrics)
        {
            values["tenant"]!["env"] = new JsonArray(new JsonObject { ["name"] = "MINIO_PROMETHEUS_AUTH_TYPE", ["value"] = "public" });
        }

        return values;
    }

    /// <summary>
    /// The operator chart's values: its image, and the sidecar it adds to every tenant pod (the chart passes
    /// <c>operator.sidecarImage</c> to the operator as <c>OPERATOR_SIDECAR_IMAGE</c>, helm/operator's
    /// operator-deployment.yaml at v7.1.1), through the mirror, where one is set.
    /// </summary>
    public JsonObject OperatorValues() => Registry is null
        ? []
        : new JsonObject
        {
            ["operator"] = new JsonObject
            {
                ["image"] = new JsonObject { ["repository"] = Image("quay.io/minio/operator") },
                ["sidecarImage"] = new JsonObject { ["repository"] = Image(MinioVersions.SidecarRepository), ["tag"] = MinioVersions.SidecarTag },
            },
        };

    /// <summary>The policy documents, one file per identity.</summary>
    public ImmutableSortedDictionary<string, string> PolicyFiles() =>
        Store.Identities.ToImmutableSortedDictionary(i => $"{i.PolicyName}.json", i => i.Policy().ToJsonString(), StringComparer.Ordinal);

    /// <summary>
    /// The policy job's script: wait for the tenant and its users, create each policy and attach it to its user, and
    /// keep every bucket private. Every step is idempotent, so a re-run changes nothing.
    /// </summary>
    public string PolicyScript()
    {
        var script = new StringBuilder(StoreAlias);
        foreach (var identity in Store.Identities)
        {
            script.Append(CultureInfo.InvariantCulture, $"until mc admin user info store {identity.Name} >/dev/null 2>&1; do sleep 5; done\n");
            AttachPolicy(script, identity);
        }

        foreach (var bucket in Store.Buckets)
        {
            script.Append(CultureInfo.InvariantCulture, $"mc anonymous set none store/{bucket.Name}\n");
        }

        return script.ToString();
    }

    /// <summary>Strict shell, and the tenant as 'store' once it answers, signed in as root from the root Secret's environment file.</summary>
    internal const string StoreAlias = "set -eu\n"
        + $"until mc alias set store {Endpoint} \"$MINIO_ROOT_USER\" \"$MINIO_ROOT_PASSWORD\" >/dev/null 2>&1; do sleep 10; done\n";

    /// <summary>Creates (or updates) <paramref name="identity"/>'s policy from its file and attaches it, idempotently.</summary>
    internal static void AttachPolicy(StringBuilder script, StoreIdentity identity)
    {
        script.Append(CultureInfo.InvariantCulture, $"mc admin policy create store {identity.PolicyName} /policies/{identity.PolicyName}.json\n");
        script.Append(CultureInfo.InvariantCulture, $"mc admin policy attach store {identity.PolicyName} --user {identity.Name} || mc admin user info store {identity.Name} | grep -q {identity.PolicyName}\n");
    }

    /// <summary>The job's name: it changes with what the job does, because a Job's spec cannot change.</summary>
    public string PolicyJobName() => JobNames.GetValue(this, spec => spec.HashedJobName());

    private string HashedJobName()
    {
        var content = PolicyScript() + string.Concat(PolicyFiles().Select(f => f.Key + f.Value));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..10];
        return $"minio-policies-{hash}";
    }

    /// <summary>
    /// The policy job's manifest (root credentials from the root Secret's environment file). mc keeps its
    /// aliases under <c>$HOME/.mc</c>, the job's scratch volume.
    /// </summary>
    public JsonObject PolicyJob() => RootJob(PolicyJobName(), PolicyScript(), PoliciesConfigMap, []);

    /// <summary>
    /// A job of the MinIO client as root (credentials from the root Secret's environment file) running
    /// <paramref name="script"/>, with the policy files of ConfigMap <paramref name="policies"/> under <c>/policies</c>.
    /// </summary>
    internal JsonObject RootJob(string name, string script, string policies, IEnumerable<(string Name, string MountPath, JsonObject Source)> volumes) => RestrictedJob.Of(
        name,
        Namespace,
        "mc",
        Image(MinioVersions.ClientImage),
        new JsonArray("/bin/sh", "-c", $". /root-config/config.env && sh -c '{script.Replace("'", "'\\''", StringComparison.Ordinal)}'"),
        [],
        [
            ("root-config", "/root-config", new JsonObject { ["secret"] = new JsonObject { ["secretName"] = RootSecret } }),
            ("policies", "/policies", new JsonObject { ["configMap"] = new JsonObject { ["name"] = policies } }),
            .. volumes,
        ],
        backoffLimit: 10,
        deadlineSeconds: 1800);
}
