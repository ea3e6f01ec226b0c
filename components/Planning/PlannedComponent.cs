using Pulumi;

namespace Infra.Components.Planning;

/// <summary>A component of this project as the plan names it (<c>infra:&lt;module&gt;:&lt;Type&gt;</c>): it groups its children.</summary>
public sealed class PlannedComponent : ComponentResource
{
    /// <summary>Registers the component.</summary>
    public PlannedComponent(string type, string name, ComponentResourceOptions? options = null)
        : base(type, name, options)
    {
        RegisterOutputs();
    }
}
