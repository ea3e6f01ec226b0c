using Infra.Components.Core;
using Infra.Model.Kubeflow;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Kubeflow;

/// <summary>Kubeflow from the pinned release (<c>infra:ml:Kubeflow</c>), as <see cref="KubeflowPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class KubeflowPlatform : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public KubeflowPlatform(string name, KubeflowPlatformArgs args, ComponentResourceOptions? options = null)
        : base(KubeflowPlanner.ComponentType, name, args, parent => KubeflowPlanner.Nodes(args.Spec, args.TeamNamespaceIds, args.ProviderId, parent), options)
    {
        var outputs = KubeflowPlanner.Outputs(args.Spec);
        DashboardUrl = Text(outputs, StackOutputs.KubeflowUrl);
        PipelinesUrl = outputs.Any(o => o.Key == StackOutputs.KubeflowPipelinesUrl) ? Text(outputs, StackOutputs.KubeflowPipelinesUrl) : null;
        MetadataEndpoint = outputs.Any(o => o.Key == StackOutputs.MlMetadataEndpoint) ? Text(outputs, StackOutputs.MlMetadataEndpoint) : null;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["dashboardUrl"] = DashboardUrl,
            ["pipelinesUrl"] = PipelinesUrl,
            ["metadataEndpoint"] = MetadataEndpoint,
        });
    }

    /// <summary>The central dashboard.</summary>
    [Output("dashboardUrl")]
    public Output<string> DashboardUrl { get; }

    /// <summary>The Pipelines API, where Pipelines runs.</summary>
    [Output("pipelinesUrl")]
    public Output<string>? PipelinesUrl { get; }

    /// <summary>ML Metadata's gRPC endpoint, where Pipelines runs.</summary>
    [Output("metadataEndpoint")]
    public Output<string>? MetadataEndpoint { get; }
}
