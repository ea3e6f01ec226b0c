using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Kubeflow.KubeflowTechnology))]

namespace Infra.Model.Kubeflow;

/// <summary>Kubeflow: dashboard, profiles, notebooks, training, KServe, Katib and Pipelines with ML Metadata.</summary>
public sealed class KubeflowTechnology : Technology
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
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return KubeflowSpec.For(options) is { } kubeflow ? KubeflowPlanner.Nodes(kubeflow, target.TeamNamespaceIds, target.ProviderId, target.Parent) : [];
    }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        KubeflowSpec.For(options) is { } kubeflow ? KubeflowPlanner.Outputs(kubeflow) : [];
}
