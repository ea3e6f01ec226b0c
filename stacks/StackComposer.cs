using Infra.Components.Configuration;
using Infra.Components.Planning;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Stacks;

/// <summary>
/// The stack as <c>pulumi up</c> runs it: the model's plan for the options (the composition of layers and
/// services is decided there, once), registered node by node, and the plan's outputs exported.
/// </summary>
public static class StackComposer
{
    /// <summary>Registers the plan of the running stack and returns its outputs.</summary>
    public static IDictionary<string, object?> Deploy(PlatformOptions options, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        return new PlanRegistrar(secrets).Register(StackPlanner.Plan(Deployment.Instance.StackName, options));
    }
}
