using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Vsphere;

/// <summary>The rules of the vCenter connection (where the stack deploys the foundation) and of the vSphere placement.</summary>
public static class VsphereValidator
{
    /// <summary>Checks the connection and placement settings.</summary>
    public static void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.DeploysFoundation)
        {
            Connection(connection, errors);
        }

        if (options.Vsphere is { } vsphere)
        {
            Placement(vsphere, errors);
        }
    }

    private static void Connection(VsphereConnectionOptions connection, ConfigErrors errors)
    {
        if (string.IsNullOrEmpty(connection.Server))
        {
            errors.Fail(VsphereErrors.ServerRequired, "vsphere:server", "is required but not set: the vCenter Server the foundation is deployed to. Set it with 'pulumi config set vsphere:server <host>'.");
        }

        if (string.IsNullOrEmpty(connection.User))
        {
            errors.Fail(VsphereErrors.UserRequired, "vsphere:user", "is required but not set: the vCenter user Pulumi signs in as. Set it with 'pulumi config set vsphere:user <user>'.");
        }

        if (connection.Password is null)
        {
            errors.Fail(VsphereErrors.PasswordRequired, "vsphere:password", "is required but not set: the vCenter user's password. Set it with 'pulumi config set --secret vsphere:password <password>'.");
        }
    }

    private static void Placement(VsphereOptions vsphere, ConfigErrors errors)
    {
        var hasDatastore = !string.IsNullOrEmpty(vsphere.Datastore);
        var hasCluster = !string.IsNullOrEmpty(vsphere.DatastoreCluster);
        if (!hasDatastore && !hasCluster)
        {
            errors.Fail(VsphereErrors.DatastoreRequired, "mlops:vsphere:datastore", "is required but not set: VM disks need a datastore, or a datastore cluster in mlops:vsphere.datastoreCluster. Set it with 'pulumi config set --path mlops:vsphere.datastore <name>'.");
        }
        else if (hasDatastore && hasCluster)
        {
            errors.Fail(VsphereErrors.DatastoreAndCluster, "mlops:vsphere:datastoreCluster", $"'{vsphere.DatastoreCluster}' is set together with mlops:vsphere.datastore '{vsphere.Datastore}': VM disks go to one or the other. Remove one with 'pulumi config rm --path mlops:vsphere.datastoreCluster'.");
        }

        if (vsphere.Folder is { Length: > 0 } folder && (folder.StartsWith('/') || folder.EndsWith('/') || folder.Contains("//", StringComparison.Ordinal)))
        {
            errors.Fail(VsphereErrors.Folder, "mlops:vsphere:folder", $"'{folder}' is not a folder path: it is relative to the datacenter's VM folder, with no leading, trailing or double '/'. Set it with 'pulumi config set --path mlops:vsphere.folder mlops/dev'.");
        }
    }
}
