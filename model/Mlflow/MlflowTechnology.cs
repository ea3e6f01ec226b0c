using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Mlflow.MlflowTechnology))]

namespace Infra.Model.Mlflow;

/// <summary>MLflow: the tracking server and model registry, with a user per team.</summary>
public sealed class MlflowTechnology : PlannedTechnology<MlflowSpec>
{
    /// <summary>MLflow as a platform service: level 1 needs it for the model registry.</summary>
    public static PlatformService Service { get; } = new("mlflow", "MLflow", p => p.Mlflow, MaturityLevel.Level1, "the model registry");

    /// <inheritdoc />
    public override int Order => 120;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [MlflowSpec.Namespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) =>
        ObjectStoreValidator.RequireStore(options, errors, Service, "its artifacts");

    /// <inheritdoc />
    public override MlflowSpec? SpecFor(PlatformOptions options) => MlflowSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(MlflowSpec spec, PlatformOptions options, PlatformTarget target) =>
        MlflowPlanner.Nodes(spec, MlflowTeamUsers.For(options), target.TeamNamespaceIds, target.ProviderId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> TeamPlan(MlflowSpec spec, PlatformOptions options, TeamsTarget target) =>
        MlflowPlanner.TeamNodes(MlflowTeamUsers.For(options), target);

    /// <inheritdoc />
    protected override IEnumerable<Kubernetes.ResourceShare> RequestsOf(MlflowSpec spec) =>
        [Kubernetes.ResourceShare.Pods("MLflow", spec.Replicas, spec.Cpu, spec.Memory)];

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(MlflowSpec spec) => MlflowPlanner.Outputs(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("MLflow chart", $"{MlflowVersions.Chart.Version} (MLflow {MlflowVersions.Tag})", Kubernetes.KubernetesRange.Of("1.16", null), "community-charts/helm-charts@mlflow-1.11.5:charts/mlflow/Chart.yaml (kubeVersion >=1.16.0-0)"),
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(MlflowSpec spec) =>
    [
        Network.NamespaceAccess.Serving(MlflowSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(MlflowSpec.Namespace), new Network.TeamPort(MlflowSpec.ServerPort, "MLflow's tracking server and model registry")),
    ];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(MlflowSpec spec) =>
        [
            PulledImage.Of($"{MlflowVersions.Image}:{MlflowVersions.Tag}", "MLflow"),
            PulledImage.Of($"{MlflowVersions.Busybox}:{MlflowVersions.BusyboxTag}", "MLflow's init containers"),
        ];
}
