namespace Infra.Model.Planning;

/// <summary>What a plan node is to Pulumi.</summary>
public enum PlanNodeKind
{
    /// <summary>A component resource of this project (<c>infra:&lt;module&gt;:&lt;Type&gt;</c>): it groups children.</summary>
    Component,

    /// <summary>A provider's resource that <c>pulumi up</c> creates, updates or deletes.</summary>
    Resource,

    /// <summary>A look-up of something that exists (a provider function such as <c>getDatacenter</c>).</summary>
    DataSource,

    /// <summary>A resource that exists, read by its id (<c>Resource.Get</c>), such as the cluster's kubeconfig Secret.</summary>
    Read,
}
