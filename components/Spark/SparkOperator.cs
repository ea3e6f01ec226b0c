using Infra.Components.Core;
using Infra.Model.Spark;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Spark;

/// <summary>The Spark operator with its history server (<c>infra:ml:SparkOperator</c>), as <see cref="SparkPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class SparkOperator : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public SparkOperator(string name, SparkOperatorArgs args, ComponentResourceOptions? options = null)
        : base(SparkPlanner.ComponentType, name, args, parent => SparkPlanner.Nodes(args.Spec, args.TeamNamespaceIds, args.ProviderId, parent), options)
    {
        var outputs = SparkPlanner.Outputs(args.Spec);
        HistoryServerUrl = outputs.Any(o => o.Key == StackOutputs.SparkHistoryUrl) ? Text(outputs, StackOutputs.SparkHistoryUrl) : null;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["historyServerUrl"] = HistoryServerUrl,
        });
    }

    /// <summary>The history server's URL, where it runs.</summary>
    [Output("historyServerUrl")]
    public Output<string>? HistoryServerUrl { get; }
}
