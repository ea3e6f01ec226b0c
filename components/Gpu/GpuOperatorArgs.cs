using Infra.Components.Core;
using Infra.Model.Gpu;

namespace Infra.Components.Gpu;

/// <summary>What <see cref="GpuOperator"/> is planned from.</summary>
public sealed class GpuOperatorArgs : ClusterPartArgs<GpuOperatorSpec>
{
}
