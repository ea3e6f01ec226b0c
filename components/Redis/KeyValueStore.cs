using Infra.Components.Core;
using Infra.Model.Redis;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Redis;

/// <summary>The shared Redis (Valkey) (<c>infra:ml:KeyValueStore</c>), as <see cref="RedisPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class KeyValueStore : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public KeyValueStore(string name, KeyValueStoreArgs args, ComponentResourceOptions? options = null)
        : base(RedisPlanner.ComponentType, name, args, parent => RedisPlanner.Nodes(args.Spec, args.ProviderId, args.StorageClassNodeId, parent), options)
    {
        var outputs = RedisPlanner.Outputs(args.Spec);
        Address = Text(outputs, StackOutputs.RedisAddress);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["address"] = Address,
        });
    }

    /// <summary>The primary's <c>host:port</c>.</summary>
    [Output("address")]
    public Output<string> Address { get; }
}
