using Infra.Components.Core;
using Infra.Model.Gpu;
using Pulumi;

namespace Infra.Components.Gpu;

/// <summary>The NVIDIA GPU Operator on the workload cluster (<c>infra:gpu:GpuOperator</c>), as <see cref="GpuOperatorPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class GpuOperator : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public GpuOperator(string name, GpuOperatorArgs args, ComponentResourceOptions? options = null)
        : base(GpuOperatorPlanner.ComponentType, name, args, parent => GpuOperatorPlanner.Nodes(args.Spec, args.ProviderId, parent), options)
    {
        RegisterOutputs();
    }
}
