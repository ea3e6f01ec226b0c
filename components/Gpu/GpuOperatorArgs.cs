using Infra.Model.Gpu;
using Pulumi;

namespace Infra.Components.Gpu;

/// <summary>What the GPU Operator is built from.</summary>
public sealed class GpuOperatorArgs
{
    /// <summary>The operator's decisions.</summary>
    public required GpuOperatorSpec Spec { get; init; }

    /// <summary>The workload cluster's provider.</summary>
    public required ProviderResource Provider { get; init; }

    /// <summary>The NLS client configuration token, a secret.</summary>
    public required Output<string> LicenseToken { get; init; }

    /// <summary>The driver registry's Docker config JSON, a secret.</summary>
    public required Output<string> PullSecret { get; init; }
}
