using System.ComponentModel.DataAnnotations;
using System.ComponentModel;

namespace Infra.Model.Options;

/// <summary>Where the platform lives in vSphere (<c>mlops:vsphere</c>); every name is looked up, not created.</summary>
public sealed record VsphereOptions
{
    /// <summary>The datacenter's name. Required.</summary>
    [Description("the vSphere datacenter to deploy into")]
    [Required]
    public string? Datacenter { get; init; }

    /// <summary>The compute cluster's name. Required.</summary>
    [Description("the vSphere compute cluster that runs the VMs")]
    [Required]
    public string? ComputeCluster { get; init; }

    /// <summary>The datastore for VM disks. One of <see cref="Datastore"/> and <see cref="DatastoreCluster"/> is required.</summary>
    public string? Datastore { get; init; }

    /// <summary>A datastore cluster (Storage DRS) for VM disks, instead of <see cref="Datastore"/>.</summary>
    public string? DatastoreCluster { get; init; }

    /// <summary>The VM network (port group) name. Required.</summary>
    [Description("the port group the VMs attach to")]
    [Required]
    public string? Network { get; init; }

    /// <summary>A resource pool of the cluster. Default: the cluster's root resource pool.</summary>
    public string? ResourcePool { get; init; }

    /// <summary>The VM folder the stack creates for its VMs. Default: <c>mlops-&lt;environment&gt;</c>.</summary>
    public string? Folder { get; init; }

    /// <summary>The VM template that GPU VMs are cloned from. Required when GPU VMs are configured.</summary>
    public string? Template { get; init; }

    /// <summary>
    /// The guest OS id of VMs cloned from a content library template (a VM template's own is used otherwise).
    /// Default: <c>ubuntu64Guest</c>.
    /// </summary>
    public string? TemplateGuestId { get; init; }

    /// <summary>
    /// The content library holding Tanzu releases and VM images. Where set, <see cref="Template"/> names an item of
    /// this library rather than a VM template. Default: none.
    /// </summary>
    public string? ContentLibrary { get; init; }
}
