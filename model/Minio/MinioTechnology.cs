using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Minio.MinioTechnology))]

namespace Infra.Model.Minio;

/// <summary>MinIO: the platform's own object store, with its buckets and an identity per service and team.</summary>
public sealed class MinioTechnology : Technology
{
    /// <summary>MinIO as a platform service: level 0 needs it for the object store.</summary>
    public static PlatformService Service { get; } = new("minio", "MinIO", p => p.Minio, MaturityLevel.Level0, "the object store");

    /// <inheritdoc />
    public override int Order => 61;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [MinioSpec.Namespace, MinioSpec.OperatorNamespace];

    /// <inheritdoc />
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target) =>
        MinioSpec.For(options) is { } minio ? MinioPlanner.Nodes(minio, target.ProviderId, target.StorageClassNodeId, target.Parent) : [];

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, PlanValue>> Outputs(PlatformOptions options) =>
        MinioSpec.For(options) is { } minio ? MinioPlanner.Outputs(minio) : [];
}
