using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Tanzu.TanzuTechnology))]

namespace Infra.Model.Tanzu;

/// <summary>vSphere with Tanzu: the Supervisor, the vSphere Namespace and the workload cluster.</summary>
public sealed class TanzuTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 40;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => TanzuValidator.Validate(options, errors);
}
