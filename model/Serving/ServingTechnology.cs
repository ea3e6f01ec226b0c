using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Serving.ServingTechnology))]

namespace Infra.Model.Serving;

/// <summary>Model serving: KServe's part of each team's namespace, and its endpoints on the cluster's ingress.</summary>
public sealed class ServingTechnology : PlannedTechnology<ServingSpec>
{
    /// <inheritdoc />
    public override int Order => 150;

    /// <inheritdoc />
    public override ServingSpec? SpecFor(PlatformOptions options) => ServingSpec.For(options);

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.Platform?.Serving is not { } serving)
        {
            return;
        }

        if (!options.IsEnabled(Kubeflow.KubeflowTechnology.Service) || !Kubeflow.KubeflowSpec.ApplicationsFor(options).Contains("kserve"))
        {
            errors.Fail(ServingErrors.WithoutKserve, "mlops:platform:serving", "is set, but this stack runs no KServe: endpoints are served by Kubeflow's kserve application. Add 'kserve' to mlops:platform.kubeflow.components (it is there by default from level 1), or remove the block with 'pulumi config rm --path mlops:platform.serving'.");
            return;
        }

        errors.Range("mlops:platform:serving:minReplicas", serving.MinReplicas, 0, 100, "an endpoint's fewest replicas (0 scales it to zero when idle)");
        errors.Range("mlops:platform:serving:maxReplicas", serving.MaxReplicas, 1, 100, "an endpoint's most replicas");
        errors.Range("mlops:platform:serving:logRetentionDays", serving.LogRetentionDays, 1, 3650, "the days the endpoints' logged requests are kept");
        var min = serving.MinReplicas ?? (options.IsProduction ? 1 : 0);
        var max = serving.MaxReplicas ?? 3;
        if (min is >= 0 and <= 100 && max is >= 1 and <= 100 && max < min)
        {
            errors.Fail(ServingErrors.ReplicasOrder, "mlops:platform:serving:maxReplicas", $"'{max}' is below mlops:platform.serving.minReplicas ({min}): an endpoint cannot keep more replicas than it may scale to. Set it with 'pulumi config set --path mlops:platform.serving.maxReplicas {min}'.");
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(ServingSpec spec) =>
        [
            PulledImage.Of(ServingRuntimes.MlserverImage, "the teams' mlflow serving runtime"),
            PulledImage.Of(ServingRuntimes.HuggingfaceGpuImage, "the teams' llm-gpu serving runtime"),
            PulledImage.Of(InferenceLogging.Image, "the teams' inference loggers"),
        ];

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(ServingSpec spec, PlatformOptions options, PlatformTarget target)
    {
        var component = PlanNodes.Component(ServingSpec.ComponentType, ServingSpec.Name, target.Parent);
        return [component, .. spec.Teams.SelectMany(t => ServingPlanner.TeamNodes(spec, t, component.Id, target.ProviderId))];
    }

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> TeamPlan(ServingSpec spec, PlatformOptions options, TeamsTarget target) =>
        spec.Teams.Where(t => target.TeamParents.ContainsKey(t.Name)).SelectMany(t => ServingPlanner.TeamNodes(spec, t, target.TeamParents[t.Name], target.ProviderId));
}
