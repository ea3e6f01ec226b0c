using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.ObjectStore.ObjectStoreTechnology))]

namespace Infra.Model.ObjectStore;

/// <summary>The object store the services keep their data in: MinIO's technology deploys it; an existing S3 endpoint is only read.</summary>
public sealed class ObjectStoreTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 60;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => ObjectStoreValidator.Validate(options, errors);

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        Minio.MinioSpec.For(options) is null && ObjectStoreAccess.For(options) is { } external
            ? [KeyValuePair.Create(StackOutputs.ObjectStoreEndpoint, PlanValue.Of(external.Endpoint))]
            : [];

    /// <inheritdoc />
    public override IEnumerable<PlanHandoff> Handoffs(PlatformOptions options) =>
        ObjectStoreAccess.For(options) is { ExternalKeys: not null } ? ExternalStorePlanner.Handoffs(ObjectStoreSpec.For(options)) : [];
}
