using Infra.Components.Core;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Stacks;

/// <summary>
/// The platform services (<c>infra:stacks:Platform</c>) on the workload cluster. It groups the service components
/// that the platform capabilities add.
/// </summary>
public sealed class Platform : InfraComponent
{
    /// <summary>Registers the platform component.</summary>
    public Platform(ComponentResourceOptions? options = null)
        : base(StackTokens.Platform, StackTokens.PlatformName, options)
    {
        RegisterOutputs();
    }
}
