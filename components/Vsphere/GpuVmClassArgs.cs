using Infra.Components.Core;
using Infra.Model.Gpu;

namespace Infra.Components.Vsphere;

/// <summary>What <see cref="GpuVmClass"/> is planned from: the class's spec; the look-ups of its hosts are registered first.</summary>
public sealed class GpuVmClassArgs : PlannedPartArgs<GpuVmClassSpec>
{
}
