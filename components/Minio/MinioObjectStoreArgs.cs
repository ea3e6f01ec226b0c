using Infra.Components.Core;
using Infra.Model.Minio;

namespace Infra.Components.Minio;

/// <summary>What <see cref="MinioObjectStore"/> is planned from.</summary>
public sealed class MinioObjectStoreArgs : VolumePartArgs<MinioSpec>
{
}
