using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Storage.StorageTechnology))]

namespace Infra.Model.Storage;

/// <summary>Storage: the tiers' vSphere storage policies and the cluster's StorageClasses.</summary>
public sealed class StorageTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 30;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => StorageValidator.Validate(options, errors);
}
