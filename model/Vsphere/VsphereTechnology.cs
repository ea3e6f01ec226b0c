using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Vsphere.VsphereTechnology))]

namespace Infra.Model.Vsphere;

/// <summary>vSphere: the connection to vCenter and the placement of the platform's VMs.</summary>
public sealed class VsphereTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 10;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => VsphereValidator.Validate(options, connection, errors);
}
