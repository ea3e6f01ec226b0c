using Infra.Components.Planning;

namespace Infra.Components.Core;

/// <summary>What every typed component needs: the registrar holding what it refers to, and the cluster's provider there.</summary>
public abstract class PlannedPartArgs
{
    /// <summary>The registrar shared by the program's components: the nodes a part refers to are registered there first.</summary>
    public required PlanRegistrar Registrar { get; init; }

    /// <summary>The plan node id of the cluster's Kubernetes provider in the registrar (<see cref="PlanRegistrar.Adopt"/> registers one made elsewhere).</summary>
    public required string ProviderId { get; init; }
}
