using Infra.Components.Core;
using Infra.Model.Redis;

namespace Infra.Components.Redis;

/// <summary>What <see cref="KeyValueStore"/> is planned from.</summary>
public sealed class KeyValueStoreArgs : VolumePartArgs<RedisSpec>
{
}
