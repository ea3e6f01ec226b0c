using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Velero.VeleroTechnology))]

namespace Infra.Model.Velero;

/// <summary>Velero: the volumes' nightly backups to the backup target, and their restore.</summary>
public sealed class VeleroTechnology : PlannedTechnology<VeleroSpec>
{
    /// <inheritdoc />
    public override int Order => 190;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [VeleroSpec.Namespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (VeleroSpec.Runs(options) && options.Platform?.Backup?.Volumes?.RepositoryKey is null)
        {
            errors.Fail(VeleroErrors.RepositoryKey, "mlops:platform:backup:volumes:repositoryKey",
                "is required: the teams' workspaces and Gitaly's repositories are backed up to the target, encrypted with this key, and a restore reads them with it. "
                + "Generate one and keep it where a restore finds it (docs/restore.md, \"Before you need it\"), then set it with 'openssl rand -base64 32 | pulumi config set --secret --path mlops:platform.backup.volumes.repositoryKey'; "
                + "an environment that restores another's volumes sets that one's key. Or turn the volumes' backups off with 'pulumi config set --path mlops:platform.backup.volumes.enabled false'.");
        }
    }

    /// <inheritdoc />
    public override VeleroSpec? SpecFor(PlatformOptions options) => VeleroSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(VeleroSpec spec, PlatformOptions options, PlatformTarget target) =>
        VeleroPlanner.Nodes(spec, target.TeamNamespaceIds, target.ProviderId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(VeleroSpec spec) =>
        [Kubernetes.ResourceShare.Pods("Velero", 1, VeleroSpec.ServerCpu, VeleroSpec.ServerMemory)];

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(VeleroSpec spec) => VeleroMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(VeleroSpec spec) => VeleroMonitoring.Rules(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("Velero", $"{VeleroVersions.Tag} (chart {VeleroVersions.Chart.Version})", Kubernetes.KubernetesRange.Of("1.18", null), "vmware-tanzu/velero@v1.17.2:README.md (Velero compatibility matrix: 1.18-latest)")
        {
            Tested = Kubernetes.KubernetesRange.Of("1.31", "1.33"),
        },
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(VeleroSpec spec) =>
    [Network.NamespaceAccess.Closed(VeleroSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(VeleroSpec.Namespace))];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(VeleroSpec spec) =>
        [
            PulledImage.Of($"{VeleroVersions.ImageRegistry}/{VeleroVersions.Image}:{VeleroVersions.Tag}", "Velero and its node agents"),
            PulledImage.Of($"{VeleroVersions.ImageRegistry}/{VeleroVersions.AwsPlugin}:{VeleroVersions.AwsPluginTag}", "Velero's S3 plugin"),
            .. spec.Restore is null ? Array.Empty<PulledImage>() : [PulledImage.Of(VeleroSpec.KubectlImage, "the volumes' restore Job")],
        ];
}
