using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Model.Backup;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Stacks;

namespace Infra.Model.Velero;

/// <summary>
/// The volumes' backups: Velero takes a CSI snapshot of each volume that keeps work no other backup carries (the
/// teams' notebook workspaces and Gitaly's repositories) every night and moves its data to the backup target
/// (<c>&lt;environment&gt;/velero/</c>, encrypted with the repository key), so that a volume outlives the cluster.
/// PostgreSQL (its WAL and base backups) and MinIO (its mirror) are not taken again; Valkey holds nothing that
/// is not rebuilt: Feast's online store is materialized again from the offline store, and GitLab keeps only
/// caches, sessions and queues there.
/// </summary>
/// <param name="Target">The backup target.</param>
/// <param name="RepositoryKey">The key the volumes' data is encrypted with on the target.</param>
/// <param name="Teams">The teams' namespaces, whose volumes are their notebook workspaces.</param>
/// <param name="Gitaly">Whether GitLab runs, so that Gitaly's repository volume is backed up.</param>
/// <param name="Registry">The registry mirror the images are pulled through, or null.</param>
/// <param name="Restore">The restore that brings the teams' volumes back, or null.</param>
public sealed record VeleroSpec(BackupTarget Target, SecretSetting RepositoryKey, ImmutableArray<string> Teams, bool Gitaly, string? Registry, RestoreSpec? Restore = null)
{
    /// <summary>Velero's namespace.</summary>
    public const string Namespace = "velero";

    /// <summary>The release, which the chart also names its resources after (<c>velero</c>, <c>velero-&lt;schedule&gt;</c>).</summary>
    public const string Release = "velero";

    /// <summary>The Secret with the target's identity as an AWS credentials file, which the server and node agents mount.</summary>
    public const string CredentialsSecret = "velero-backup-s3";

    /// <summary>The key of <see cref="CredentialsSecret"/> the chart mounts at <c>/credentials/cloud</c>.</summary>
    public const string CredentialsKey = "cloud";

    /// <summary>The Secret Velero reads the repository key from, and creates with a fixed key where it is missing (velero@v1.17.2:pkg/repository/keys/keys.go).</summary>
    public const string RepositorySecret = "velero-repo-credentials";

    /// <summary>The key of <see cref="RepositorySecret"/>.</summary>
    public const string RepositoryKeyName = "repository-password";

    /// <summary>The folder of the target's bucket Velero writes under, per environment.</summary>
    public const string Folder = "velero";

    /// <summary>The backup storage location the stack writes to.</summary>
    public const string Location = "default";

    /// <summary>The read-only location of the environment restored from, where that is another one.</summary>
    public const string SourceLocation = "restore-source";

    /// <summary>The VolumeSnapshotClass Velero's CSI support takes the snapshots with.</summary>
    public const string SnapshotClass = "mlops-velero";

    /// <summary>The CSI driver of vSphere's volumes, in TKG clusters the paravirtual CSI.</summary>
    public const string CsiDriver = "csi.vsphere.vmware.com";

    /// <summary>When the volumes are backed up: nightly, after GitLab's backup (01:00), PostgreSQL's (02:00) and the buckets' mirror (02:30).</summary>
    public const string Schedule = "30 3 * * *";

    /// <summary>What the schedules back up and a restore brings back: volume claims and their volumes only.</summary>
    public static readonly ImmutableArray<string> VolumeKinds = ["persistentvolumeclaims", "persistentvolumes"];

    /// <summary>The server's CPU request.</summary>
    public const string ServerCpu = "250m";

    /// <summary>The server's memory request.</summary>
    public const string ServerMemory = "256Mi";

    /// <summary>The Job that restores the teams' volumes, in a restore.</summary>
    public const string RestoreJob = "velero-restore";

    /// <summary>The image the restore Job runs: GitLab's kubectl image (kubectl with a shell, released with GitLab), as the chart's own kubectl image is no longer maintained.</summary>
    public const string KubectlImage = Gitlab.GitlabSpec.KubectlImage;

    /// <summary>The volume backups for valid <paramref name="options"/>, or null where no target is set, they are turned off, or no volume needs one.</summary>
    public static VeleroSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static VeleroSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BackupTarget.For(options) is { } target && options.Platform?.Backup?.Volumes?.RepositoryKey is { } key && Runs(options)
            ? new VeleroSpec(
                target,
                key,
                [.. Model.Teams.TeamNamespaces.For(options).Select(t => t.Name)],
                Gitlab.GitlabSpec.For(options) is not null,
                options.Platform.Registry,
                RestoreSpec.For(options))
            : null;
    }

    /// <summary>Whether the volumes are backed up for <paramref name="options"/> with a target: not turned off, and a team or GitLab keeps a volume.</summary>
    public static bool Runs(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Platform?.Backup is { } backup
            && backup.Volumes?.Enabled != false
            && ((options.Teams ?? []).Count > 0 || options.IsEnabled(Gitlab.GitlabTechnology.Service));
    }

    /// <summary>The folder of the target's bucket <paramref name="environment"/>'s volumes are under: <c>&lt;environment&gt;/velero</c>.</summary>
    public static string Prefix(string environment) => $"{environment}/{Folder}";

    /// <summary>The schedule of the teams' workspaces, named per environment so that a restore reading another's backups never mixes them with its own.</summary>
    public string TeamsSchedule => ScheduleName("teams", Target.Environment);

    /// <summary>The schedule of Gitaly's repository volume.</summary>
    public string GitalySchedule => ScheduleName("gitaly", Target.Environment);

    /// <summary>The chart's name of the schedule <paramref name="purpose"/> of <paramref name="environment"/>: <c>velero-&lt;purpose&gt;-&lt;environment&gt;</c>.</summary>
    public static string ScheduleName(string purpose, string environment) => $"{Release}-{purpose}-{environment}";

    /// <summary>How long a backup is kept, as Velero's <c>ttl</c> reads it (a Go duration): the target's retention, a month counted as 31 days so that none is kept less.</summary>
    public string Ttl
    {
        get
        {
            var retention = Target.Retention;
            var count = int.Parse(retention[..^1], CultureInfo.InvariantCulture);
            var days = retention[^1] switch { 'd' => count, 'w' => count * 7, 'm' => count * 31, _ => throw new InvalidOperationException($"Retention '{retention}' passed validation unread.") };
            return $"{days * 24}h0m0s";
        }
    }

    /// <summary>The target's identity as the AWS plugin reads it: a shared credentials file, with <paramref name="secretKey"/> in place.</summary>
    public string CredentialsFile(string secretKey) => $"[default]\naws_access_key_id={Target.AccessKey}\naws_secret_access_key={secretKey}\n";

    /// <summary>The chart's values: the plugin, the locations, CSI snapshots with their data moved to the target, the node agents that move it, the schedules, and the metrics.</summary>
    public JsonObject Values()
    {
        var locations = new JsonArray(StorageLocation(Location, Target.Environment, readOnly: false));
        if (Restore is { InPlace: false } restore)
        {
            locations.Add((JsonNode)StorageLocation(SourceLocation, restore.From, readOnly: true));
        }

        var schedules = new JsonObject();
        if (!Teams.IsEmpty)
        {
            schedules[$"teams-{Target.Environment}"] = ScheduleEntry(Teams, null);
        }

        if (Gitaly)
        {
            schedules[$"gitaly-{Target.Environment}"] = ScheduleEntry([Gitlab.GitlabSpec.Namespace], new JsonObject { ["app"] = "gitaly", ["release"] = Gitlab.GitlabSpec.Namespace });
        }

        return new JsonObject
        {
            ["image"] = new JsonObject { ["repository"] = Images.Through(Registry, $"{VeleroVersions.ImageRegistry}/{VeleroVersions.Image}"), ["tag"] = VeleroVersions.Tag },
            ["initContainers"] = new JsonArray(new JsonObject
            {
                ["name"] = "velero-plugin-for-aws",
                ["image"] = Images.Through(Registry, $"{VeleroVersions.ImageRegistry}/{VeleroVersions.AwsPlugin}:{VeleroVersions.AwsPluginTag}"),
                ["imagePullPolicy"] = "IfNotPresent",
                ["volumeMounts"] = new JsonArray(new JsonObject { ["mountPath"] = "/target", ["name"] = "plugins" }),
            }),
            ["resources"] = Resources(ServerCpu, ServerMemory, "1", "1Gi"),

            // The CRDs come from the chart's crds/ at install; its upgrade Job needs the unmaintained bitnamilegacy
            // kubectl image, so an upgrade applies them as docs/upgrades.md says.
            ["upgradeCRDs"] = false,
            ["configuration"] = new JsonObject
            {
                ["backupStorageLocation"] = locations,
                ["volumeSnapshotLocation"] = new JsonArray(),
                ["uploaderType"] = "kopia",
                ["features"] = "EnableCSI",
                ["defaultSnapshotMoveData"] = true,
            },
            ["credentials"] = new JsonObject { ["useSecret"] = true, ["existingSecret"] = CredentialsSecret },

            // No provider snapshots: the CSI snapshot is only the data mover's consistent source, and deleted once moved.
            ["snapshotsEnabled"] = false,
            ["deployNodeAgent"] = true,
            ["nodeAgent"] = new JsonObject
            {
                // The built-in data mover reads a volume made from the snapshot, not the pods' host path (velero@v1.17.2:site/content/docs/v1.17/csi-snapshot-data-movement.md).
                ["disableHostPath"] = true,
                ["resources"] = Resources("100m", "256Mi", "1", "2Gi"),
            },
            ["metrics"] = new JsonObject { ["enabled"] = true, ["serviceMonitor"] = new JsonObject { ["enabled"] = false } },
            ["schedules"] = schedules,
        };
    }

    // A location on the target's bucket under an environment's folder, through the AWS plugin, path-style.
    private JsonObject StorageLocation(string name, string environment, bool readOnly) => new()
    {
        ["name"] = name,
        ["provider"] = "aws",
        ["bucket"] = Target.Bucket,
        ["prefix"] = Prefix(environment),
        ["default"] = !readOnly,
        ["accessMode"] = readOnly ? "ReadOnly" : "ReadWrite",
        ["credential"] = new JsonObject { ["name"] = CredentialsSecret, ["key"] = CredentialsKey },
        ["config"] = new JsonObject { ["region"] = Target.Region, ["s3Url"] = Target.Endpoint, ["s3ForcePathStyle"] = "true" },
    };

    // A nightly schedule of the volumes (claims and their volumes only) in namespaces, with their data moved to the
    // target; the first backup waits for the schedule, so that a new cluster's empty volumes are never the newest.
    private JsonObject ScheduleEntry(IEnumerable<string> namespaces, JsonObject? labels)
    {
        var template = new JsonObject
        {
            ["includedNamespaces"] = new JsonArray([.. namespaces.Select(n => JsonValue.Create(n))]),
            ["includedResources"] = new JsonArray([.. VolumeKinds.Select(r => JsonValue.Create(r))]),
            ["snapshotMoveData"] = true,
            ["storageLocation"] = Location,
            ["ttl"] = Ttl,
        };
        if (labels is not null)
        {
            template["labelSelector"] = new JsonObject { ["matchLabels"] = labels };
        }

        return new JsonObject { ["schedule"] = Schedule, ["skipImmediately"] = true, ["template"] = template };
    }

    private static JsonObject Resources(string cpu, string memory, string cpuLimit, string memoryLimit) => new()
    {
        ["requests"] = new JsonObject { ["cpu"] = cpu, ["memory"] = memory },
        ["limits"] = new JsonObject { ["cpu"] = cpuLimit, ["memory"] = memoryLimit },
    };

    /// <summary>The VolumeSnapshotClass of vSphere's CSI driver that Velero picks by its label, deleting each snapshot once its data is moved.</summary>
    public static JsonObject SnapshotClassManifest() => new()
    {
        ["apiVersion"] = "snapshot.storage.k8s.io/v1",
        ["kind"] = "VolumeSnapshotClass",
        ["metadata"] = new JsonObject { ["name"] = SnapshotClass, ["labels"] = new JsonObject { ["velero.io/csi-volumesnapshot-class"] = "true" } },
        ["driver"] = CsiDriver,
        ["deletionPolicy"] = "Delete",
    };

    /// <summary>The location the restore reads: the stack's own, or the restored environment's read-only one.</summary>
    public string RestoreLocation => Restore is { InPlace: false } ? SourceLocation : Location;

    /// <summary>The schedule whose backup the restore takes: the restored environment's teams' schedule.</summary>
    public string RestoreSchedule => ScheduleName("teams", Restore?.From ?? Target.Environment);

    /// <summary>The Restore the Job creates, named after the environment restored from.</summary>
    public string RestoreName => $"teams-from-{Restore?.From ?? Target.Environment}";

    /// <summary>
    /// The restore's script: wait for the location, then for the newest completed backup of the teams' schedule
    /// (at or before the restore's point in time, where one is set) to be synced from it, restore the teams'
    /// claims and volumes from it (a claim that exists is kept), and wait for Velero to finish.
    /// </summary>
    public string RestoreScript()
    {
        var restore = Restore ?? throw new InvalidOperationException("No restore: the restore Job runs only in one.");
        var ns = $"kubectl -n {Namespace}";
        var before = restore.PointInTime is { } time ? $" | awk '$1 <= \"{time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\"'" : string.Empty;
        return new StringBuilder()
            .Append("set -eu\n")
            .Append(CultureInfo.InvariantCulture, $"until [ \"$({ns} get backupstoragelocations.velero.io {RestoreLocation} -o jsonpath='{{.status.phase}}')\" = Available ]; do sleep 10; done\n")
            .Append("backup=''\n")
            .Append("for attempt in $(seq 60); do\n")
            .Append(CultureInfo.InvariantCulture, $"  backup=$({ns} get backups.velero.io -l velero.io/schedule-name={RestoreSchedule} -o jsonpath='{{range .items[?(@.status.phase==\"Completed\")]}}{{.status.completionTimestamp}}{{\" \"}}{{.metadata.name}}{{\"\\n\"}}{{end}}'{before} | sort | tail -n 1 | cut -d ' ' -f 2)\n")
            .Append("  [ -z \"$backup\" ] || break\n")
            .Append("  sleep 10\n")
            .Append("done\n")
            .Append(CultureInfo.InvariantCulture, $"[ -n \"$backup\" ] || {{ echo 'No completed backup of schedule {RestoreSchedule} in location {RestoreLocation}: check the location with: velero backup-location get' >&2; exit 1; }}\n")
            .Append("echo \"Restoring the teams' volumes from backup $backup\"\n")
            .Append(CultureInfo.InvariantCulture, $"{ns} apply -f - <<EOF\n")
            .Append("apiVersion: velero.io/v1\n")
            .Append("kind: Restore\n")
            .Append("metadata:\n")
            .Append(CultureInfo.InvariantCulture, $"  name: {RestoreName}\n")
            .Append(CultureInfo.InvariantCulture, $"  namespace: {Namespace}\n")
            .Append("spec:\n")
            .Append("  backupName: $backup\n")
            .Append(CultureInfo.InvariantCulture, $"  includedNamespaces: [{string.Join(", ", Teams)}]\n")
            .Append(CultureInfo.InvariantCulture, $"  includedResources: [{string.Join(", ", VolumeKinds)}]\n")
            .Append("  existingResourcePolicy: none\n")
            .Append("  restorePVs: true\n")
            .Append("EOF\n")
            .Append("while :; do\n")
            .Append(CultureInfo.InvariantCulture, $"  phase=$({ns} get restores.velero.io {RestoreName} -o jsonpath='{{.status.phase}}')\n")
            .Append("  case \"$phase\" in\n")
            .Append("    Completed) exit 0 ;;\n")
            .Append(CultureInfo.InvariantCulture, $"    Failed|FailedValidation|PartiallyFailed) echo \"Restore {RestoreName} ended $phase: see velero restore describe {RestoreName} --details\" >&2; exit 1 ;;\n")
            .Append("  esac\n")
            .Append("  sleep 15\n")
            .Append("done\n")
            .ToString();
    }

    /// <summary>The restore's Job: the kubectl image under the restricted profile, as the restore's ServiceAccount, tried once.</summary>
    public JsonObject RestoreJobManifest() =>
        RestrictedJob.Once(RestoreJob, Namespace, Images.Through(Registry, KubectlImage), RestoreScript(), RestoreJob, deadlineSeconds: 12 * 3600);

    /// <summary>What the restore may do in Velero's namespace: read the locations and backups, and create and read its Restore.</summary>
    public static JsonArray RestoreRules() => new(
        new JsonObject { ["apiGroups"] = new JsonArray("velero.io"), ["resources"] = new JsonArray("backupstoragelocations", "backups"), ["verbs"] = new JsonArray("get", "list") },
        new JsonObject { ["apiGroups"] = new JsonArray("velero.io"), ["resources"] = new JsonArray("restores"), ["verbs"] = new JsonArray("get", "create", "patch") });
}
