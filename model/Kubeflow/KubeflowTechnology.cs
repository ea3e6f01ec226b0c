using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Kubeflow.KubeflowTechnology))]

namespace Infra.Model.Kubeflow;

/// <summary>Kubeflow: dashboard, profiles, notebooks, training, KServe, Katib and Pipelines with ML Metadata.</summary>
public sealed class KubeflowTechnology : PlannedTechnology<KubeflowSpec>
{
    /// <summary>Kubeflow as a platform service: level 0 needs it for notebooks.</summary>
    public static PlatformService Service { get; } = new("kubeflow", "Kubeflow", p => p.Kubeflow, MaturityLevel.Level0, "notebooks");

    /// <inheritdoc />
    public override int Order => 140;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces =>
        ["kubeflow", "kubeflow-user-example-com", "istio-system", "auth", "cert-manager", "knative-serving", "knative-eventing", "oauth2-proxy"];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => KubeflowValidator.Validate(options, errors);

    /// <inheritdoc />
    public override KubeflowSpec? SpecFor(PlatformOptions options) => KubeflowSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(KubeflowSpec spec, PlatformOptions options, PlatformTarget target) =>
        KubeflowPlanner.Nodes(spec, target.TeamNamespaceIds, target.ProviderId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> TeamPlan(KubeflowSpec spec, PlatformOptions options, TeamsTarget target) => KubeflowPlanner.TeamNodes(spec, target);

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(KubeflowSpec spec) => KubeflowPlanner.Outputs(spec);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(KubeflowSpec spec)
    {
        // The release's table gives a unit's footprint at one replica and does not split it by workload: a unit whose
        // every workload runs spec.Replicas times counts that many times, one with a workload that stays single once.
        var units = spec.Units.Select(u => (Footprint: KubeflowCatalog.Footprints.GetValueOrDefault(u.Name), Times: spec.ReplicasOf(u))).ToArray();
        var basis = spec.Replicas > 1
            ? $"the release's documented footprint of its {spec.Units.Length} units, {units.Count(u => u.Times > 1)} of them {spec.Replicas} times"
            : $"the release's documented footprint of its {spec.Units.Length} units";
        yield return new("Kubeflow", units.Sum(u => (long)u.Footprint.CpuMillis * u.Times), units.Sum(u => (long)u.Footprint.MemoryMi * u.Times), basis);
    }

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(KubeflowSpec spec) => KubeflowMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(KubeflowSpec spec) => KubeflowMonitoring.Rules(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.Dashboard> DashboardsOf(KubeflowSpec spec) => KubeflowMonitoring.Dashboards(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("Kubeflow", KubeflowVersions.Release, Kubernetes.KubernetesRange.Of("1.32", "1.32"),
            "kubeflow/manifests@v1.10.2:README.md (targets Kubernetes 1.32; others not validated), tests/install_KinD_create_KinD_cluster_install_kustomize.sh (CI on 1.33.1)")
        {
            Tested = Kubernetes.KubernetesRange.Of("1.32", "1.33"),
        },
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(KubeflowSpec spec) =>
    KubeflowNetwork.Access(spec);

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(KubeflowSpec spec) => KubeflowImages.Of(spec);
}
