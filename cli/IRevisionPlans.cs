using Infra.Model.Planning;

namespace Infra.Cli;

/// <summary>Plans of a stack as another revision of the repository makes them (its config and its code).</summary>
internal interface IRevisionPlans
{
    /// <summary>
    /// The plan of <paramref name="stack"/> at git revision <paramref name="revision"/>, made by that revision's own
    /// infractl; an empty plan where the stack file does not exist there.
    /// </summary>
    /// <exception cref="RevisionException">The revision, its infractl or its configuration cannot give a plan.</exception>
    Plan PlanAt(string projectDirectory, string stack, string revision);
}
