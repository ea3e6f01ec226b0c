using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Vsphere.VsphereErrors))]

namespace Infra.Model.Vsphere;

/// <summary>The rules of the vCenter connection and the vSphere placement.</summary>
public static class VsphereErrors
{
    /// <summary>No vCenter Server.</summary>
    public static readonly ErrorCode ServerRequired = new("MLOPS0201", "vsphere:server", "A stack that deploys the foundation names its vCenter Server.");

    /// <summary>No vCenter user.</summary>
    public static readonly ErrorCode UserRequired = new("MLOPS0202", "vsphere:user", "A stack that deploys the foundation names the vCenter user Pulumi signs in as.");

    /// <summary>No vCenter password.</summary>
    public static readonly ErrorCode PasswordRequired = new("MLOPS0203", "vsphere:password", "A stack that deploys the foundation has the vCenter user's password, as a secret.");

    /// <summary>Neither a datastore nor a datastore cluster.</summary>
    public static readonly ErrorCode DatastoreRequired = new("MLOPS0204", "mlops:vsphere.datastore", "VM disks go to a datastore or a datastore cluster: one is set.");

    /// <summary>Both a datastore and a datastore cluster.</summary>
    public static readonly ErrorCode DatastoreAndCluster = new("MLOPS0205", "mlops:vsphere.datastoreCluster", "VM disks go to a datastore or a datastore cluster, not both.");

    /// <summary>A malformed folder path.</summary>
    public static readonly ErrorCode Folder = new("MLOPS0206", "mlops:vsphere.folder", "The VM folder is a path relative to the datacenter's VM folder, with no leading, trailing or double '/'.");
}
