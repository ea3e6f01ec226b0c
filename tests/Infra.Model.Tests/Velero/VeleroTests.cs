using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Velero;

namespace Infra.Model.Tests.Velero;

public sealed class VeleroTests
{
    private static readonly (string Key, string? Block) Team = ("mlops:teams", "\n    - name: ds\n      owner: ds@example.com");

    // The shipped prod stack rehearsing a restore of prod's backups in another environment, to a point in time.
    private static Infra.Model.Options.PlatformOptions Rehearsal(string restore = "    restore:\n      from: prod\n      pointInTime: 2026-12-02T23:00:00+01:00\n      gitlabRailsSecret:\n        secure: v1:cmFpbHM=:kept\n", int generation = 1)
    {
        var yaml = File.ReadAllText(TestConfig.StackFile("prod"))
            .Replace("  mlops:environment: prod\n", "  mlops:environment: prodr\n", StringComparison.Ordinal)
            .Replace("    backup:\n", $"    backup:\n      generation: {generation}\n", StringComparison.Ordinal)
            .Replace("  mlops:platform:\n", "  mlops:platform:\n" + restore, StringComparison.Ordinal);
        return PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.prodr.yaml", "prodr", yaml).Snapshot).ValidOptions();
    }

    [Fact]
    public void Prod_BacksUpTheTeamsWorkspacesAndGitaly_ToItsFolderOfTheTarget_WithTheirDataMoved()
    {
        var values = VeleroSpec.For(TestConfig.StackOptions("prod"))!.Values();

        Assert.Equal(
            """[{"name":"default","provider":"aws","bucket":"mlops-backups","prefix":"prod/velero","default":true,"accessMode":"ReadWrite","credential":{"name":"velero-backup-s3","key":"cloud"},"config":{"region":"us-east-1","s3Url":"https://backup.example.com","s3ForcePathStyle":"true"}}]""",
            values["configuration"]!["backupStorageLocation"]!.ToJsonString());
        Assert.Equal(
            """{"teams-prod":{"schedule":"30 3 * * *","skipImmediately":true,"template":{"includedNamespaces":["fraud-detection","recommendations"],"includedResources":["persistentvolumeclaims","persistentvolumes"],"snapshotMoveData":true,"storageLocation":"default","ttl":"720h0m0s"}},"gitaly-prod":{"schedule":"30 3 * * *","skipImmediately":true,"template":{"includedNamespaces":["gitlab"],"includedResources":["persistentvolumeclaims","persistentvolumes"],"snapshotMoveData":true,"storageLocation":"default","ttl":"720h0m0s","labelSelector":{"matchLabels":{"app":"gitaly","release":"gitlab"}}}}}""",
            values["schedules"]!.ToJsonString());
        Assert.Equal("""{"uploaderType":"kopia","features":"EnableCSI","defaultSnapshotMoveData":true}""", new System.Text.Json.Nodes.JsonObject
        {
            ["uploaderType"] = values["configuration"]!["uploaderType"]!.DeepClone(),
            ["features"] = values["configuration"]!["features"]!.DeepClone(),
            ["defaultSnapshotMoveData"] = values["configuration"]!["defaultSnapshotMoveData"]!.DeepClone(),
        }.ToJsonString());
        Assert.Equal("harbor.prod.example.com/mirror/docker.io/velero/velero", (string)values["image"]!["repository"]!);
        Assert.Equal("harbor.prod.example.com/mirror/docker.io/velero/velero-plugin-for-aws:v1.13.2", (string)values["initContainers"]![0]!["image"]!);
        Assert.Equal(["upgradeCRDs=False", "snapshotsEnabled=False", "deployNodeAgent=True", "nodeAgent.disableHostPath=True"],
            [$"upgradeCRDs={(bool)values["upgradeCRDs"]!}", $"snapshotsEnabled={(bool)values["snapshotsEnabled"]!}", $"deployNodeAgent={(bool)values["deployNodeAgent"]!}", $"nodeAgent.disableHostPath={(bool)values["nodeAgent"]!["disableHostPath"]!}"]);
    }

    [Theory]
    [InlineData("30d", "720h0m0s")]
    [InlineData("4w", "672h0m0s")]
    [InlineData("6m", "4464h0m0s")]
    public void Ttl_IsTheTargetsRetention_AsAGoDuration(string retention, string ttl)
    {
        var spec = VeleroSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Equal(ttl, spec with { Target = spec.Target with { Retention = retention } } is var s ? s.Ttl : null);
    }

    [Fact]
    public void Plan_HoldsTheIdentityAndKeyAsSecrets_TheSnapshotClass_AndTheReleaseAfterThem()
    {
        var plan = TestConfig.StackPlan("prod");
        var secret = plan["kubernetes:core/v1:Secret::velero-backup-s3"];
        var key = plan["kubernetes:core/v1:Secret::velero-repo-credentials"];

        Assert.Equal("{cloud: [default]\naws_access_key_id=AKMLOPSPRODBACKUP\naws_secret_access_key=[secret mlops:platform.backup.secretKey]\n}", secret.Inputs["stringData"].ToString());
        Assert.Equal("{repository-password: [secret mlops:platform.backup.volumes.repositoryKey]}", key.Inputs["stringData"].ToString());
        Assert.Equal(
            ["kubernetes:core/v1:Secret::velero-backup-s3", "kubernetes:core/v1:Secret::velero-repo-credentials", "kubernetes:snapshot.storage.k8s.io/v1:VolumeSnapshotClass::mlops-velero"],
            plan["kubernetes:helm.sh/v3:Release::velero"].DependsOn.ToArray());
        var snapshotClass = plan["kubernetes:snapshot.storage.k8s.io/v1:VolumeSnapshotClass::mlops-velero"];
        Assert.Equal(["csi.vsphere.vmware.com", "Delete", "{labels: {velero.io/csi-volumesnapshot-class: true}, name: mlops-velero}"],
            [snapshotClass.Inputs["driver"].ToString(), snapshotClass.Inputs["deletionPolicy"].ToString(), snapshotClass.Inputs["metadata"].ToString()]);
        Assert.Equal("baseline", plan["kubernetes:core/v1:Namespace::velero"].Inputs["metadata"] is PlanValue.MapValue m ? ((PlanValue.MapValue)m.Entries["labels"]).Entries[PodSecurity.Enforce].ToString() : null);
        Assert.DoesNotContain(plan.Nodes, n => n.Id == "kubernetes:batch/v1:Job::velero-restore");
    }

    [Fact]
    public void VolumeBackups_RunWhereATargetIsSetAndAVolumeNeedsOne_UnlessTurnedOff()
    {
        var on = TestConfig.Load(TestConfig.Production[0], Team, ("mlops:platform", TestConfig.Backup)).ValidOptions();
        var off = TestConfig.Load(TestConfig.Production[0], Team, ("mlops:platform", TestConfig.Backup + "\n        enabled: false")).ValidOptions();
        var noVolume = TestConfig.Load(TestConfig.Production[0], ("mlops:platform", TestConfig.Backup)).ValidOptions();

        Assert.Equal(["ds"], VeleroSpec.For(on)!.Teams.ToArray());
        Assert.False(VeleroSpec.For(on)!.Gitaly);
        Assert.Contains(Infra.Model.Stacks.StackPlanner.Plan("test", on).Nodes, n => n.Type == VeleroPlanner.ComponentType);
        Assert.Null(VeleroSpec.For(off));
        Assert.DoesNotContain(Infra.Model.Stacks.StackPlanner.Plan("test", off).Nodes, n => n.Type == VeleroPlanner.ComponentType);
        Assert.Null(VeleroSpec.For(noVolume));
        Assert.Null(VeleroSpec.For(TestConfig.StackOptions("dev")));
    }

    [Fact]
    public void VolumeBackups_WithoutTheRepositoryKey_AreRefusedWithTheCommandsThatSetItOrTurnThemOff()
    {
        var backup = TestConfig.Backup[..TestConfig.Backup.IndexOf("\n      volumes:", StringComparison.Ordinal)];

        Assert.Equal(
            ["mlops:platform.backup.volumes.repositoryKey is required: the teams' workspaces and Gitaly's repositories are backed up to the target, encrypted with this key, and a restore reads them with it. "
             + "Generate one and keep it where a restore finds it (docs/restore.md, \"Before you need it\"), then set it with 'openssl rand -base64 32 | pulumi config set --secret --path mlops:platform.backup.volumes.repositoryKey'; "
             + "an environment that restores another's volumes sets that one's key. Or turn the volumes' backups off with 'pulumi config set --path mlops:platform.backup.volumes.enabled false'."],
            TestConfig.Errors(TestConfig.Production[0], Team, ("mlops:platform", backup)));
        Assert.Empty(TestConfig.Errors(TestConfig.Production[0], Team, ("mlops:platform", backup + "\n      volumes:\n        enabled: false")));
        Assert.Empty(TestConfig.Errors(TestConfig.Production[0], ("mlops:platform", backup)));
    }

    [Fact]
    public void Rehearsal_ReadsTheRestoredEnvironmentsFolderReadOnly_AndRestoresTheTeamsVolumesFromItsNewestBackupBeforeThePointInTime()
    {
        var options = Rehearsal();
        var spec = VeleroSpec.For(options)!;

        Assert.Equal(
            """{"name":"restore-source","provider":"aws","bucket":"mlops-backups","prefix":"prod/velero","default":false,"accessMode":"ReadOnly","credential":{"name":"velero-backup-s3","key":"cloud"},"config":{"region":"us-east-1","s3Url":"https://backup.example.com","s3ForcePathStyle":"true"}}""",
            spec.Values()["configuration"]!["backupStorageLocation"]![1]!.ToJsonString());
        Assert.Equal(["teams-prodr", "gitaly-prodr"], spec.Values()["schedules"]!.AsObject().Select(s => s.Key));
        Assert.Equal(
            "set -eu\n"
            + "until [ \"$(kubectl -n velero get backupstoragelocations.velero.io restore-source -o jsonpath='{.status.phase}')\" = Available ]; do sleep 10; done\n"
            + "backup=''\n"
            + "for attempt in $(seq 60); do\n"
            + "  backup=$(kubectl -n velero get backups.velero.io -l velero.io/schedule-name=velero-teams-prod -o jsonpath='{range .items[?(@.status.phase==\"Completed\")]}{.status.completionTimestamp}{\" \"}{.metadata.name}{\"\\n\"}{end}' | awk '$1 <= \"2026-12-02T22:00:00Z\"' | sort | tail -n 1 | cut -d ' ' -f 2)\n"
            + "  [ -z \"$backup\" ] || break\n"
            + "  sleep 10\n"
            + "done\n"
            + "[ -n \"$backup\" ] || { echo 'No completed backup of schedule velero-teams-prod in location restore-source: check the location with: velero backup-location get' >&2; exit 1; }\n"
            + "echo \"Restoring the teams' volumes from backup $backup\"\n"
            + "kubectl -n velero apply -f - <<EOF\n"
            + "apiVersion: velero.io/v1\nkind: Restore\nmetadata:\n  name: teams-from-prod\n  namespace: velero\nspec:\n  backupName: $backup\n"
            + "  includedNamespaces: [fraud-detection, recommendations]\n  includedResources: [persistentvolumeclaims, persistentvolumes]\n  existingResourcePolicy: none\n  restorePVs: true\nEOF\n"
            + "while :; do\n"
            + "  phase=$(kubectl -n velero get restores.velero.io teams-from-prod -o jsonpath='{.status.phase}')\n"
            + "  case \"$phase\" in\n"
            + "    Completed) exit 0 ;;\n"
            + "    Failed|FailedValidation|PartiallyFailed) echo \"Restore teams-from-prod ended $phase: see velero restore describe teams-from-prod --details\" >&2; exit 1 ;;\n"
            + "  esac\n"
            + "  sleep 15\n"
            + "done\n",
            spec.RestoreScript());

        var plan = Infra.Model.Stacks.StackPlanner.Plan("prodr", options);
        Assert.Equal(
            ["kubernetes:helm.sh/v3:Release::velero", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding::velero-restore", "kubernetes:core/v1:Namespace::team-fraud-detection", "kubernetes:core/v1:Namespace::team-recommendations"],
            plan["kubernetes:batch/v1:Job::velero-restore"].DependsOn.ToArray());
        var pod = spec.RestoreJobManifest()["spec"]!["template"]!["spec"]!;
        Assert.Equal(["velero-restore", "Never", "harbor.prod.example.com/mirror/registry.gitlab.com/gitlab-org/build/cng/kubectl:v18.9.1"],
            [(string)pod["serviceAccountName"]!, (string)pod["restartPolicy"]!, (string)pod["containers"]![0]!["image"]!]);
        Assert.Equal(
            """[{"apiGroups":["velero.io"],"resources":["backupstoragelocations","backups"],"verbs":["get","list"]},{"apiGroups":["velero.io"],"resources":["restores"],"verbs":["get","create","patch"]}]""",
            VeleroSpec.RestoreRules().ToJsonString());
    }

    [Fact]
    public void InPlaceRestore_ReadsItsOwnLocation_AndTakesTheNewestBackupWithoutAPointInTime()
    {
        var spec = VeleroSpec.For(Rehearsal("    restore:\n      gitlabRailsSecret:\n        secure: v1:cmFpbHM=:kept\n", generation: 2))!;

        Assert.Single(spec.Values()["configuration"]!["backupStorageLocation"]!.AsArray());
        Assert.Contains("backupstoragelocations.velero.io default -o", spec.RestoreScript(), StringComparison.Ordinal);
        Assert.Contains("-l velero.io/schedule-name=velero-teams-prodr -o jsonpath='{range .items[?(@.status.phase==\"Completed\")]}{.status.completionTimestamp}{\" \"}{.metadata.name}{\"\\n\"}{end}' | sort | tail -n 1", spec.RestoreScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_WatchEachSchedulesLastBackupItsAgeAndTheLocation()
    {
        var rules = VeleroMonitoring.Rules(VeleroSpec.For(TestConfig.StackOptions("prod"))!).ToArray();

        Assert.Equal(
            [
                "VolumeBackupFailed: velero_backup_last_status{job=\"velero\", schedule=~\"velero-teams-prod|velero-gitaly-prod\"} == 0",
                "VolumeBackupTooOld: time() - max by (schedule) (velero_backup_last_successful_timestamp{job=\"velero\", schedule=~\"velero-teams-prod|velero-gitaly-prod\"}) > 26 * 3600",
                "VolumeBackupLocationUnavailable: velero_backup_location_status_gauge{job=\"velero\"} == 0",
            ],
            rules.Select(r => $"{r.Name}: {r.Expression}"));
    }
}
