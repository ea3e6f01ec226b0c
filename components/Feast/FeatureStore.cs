using Infra.Components.Core;
using Infra.Model.Feast;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Feast;

/// <summary>The Feast feature store through its operator (<c>infra:ml:FeatureStore</c>), as <see cref="FeastPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class FeatureStore : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public FeatureStore(string name, FeatureStoreArgs args, ComponentResourceOptions? options = null)
        : base(FeastPlanner.ComponentType, name, args, parent => FeastPlanner.Nodes(args.Spec, args.ProviderId, parent), options)
    {
        var outputs = FeastPlanner.Outputs(args.Spec);
        OnlineUrl = Text(outputs, StackOutputs.FeastOnlineUrl);
        RegistryLocation = Text(outputs, StackOutputs.FeastRegistry);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["onlineUrl"] = OnlineUrl,
            ["registry"] = RegistryLocation,
        });
    }

    /// <summary>The online feature server's in-cluster URL.</summary>
    [Output("onlineUrl")]
    public Output<string> OnlineUrl { get; }

    /// <summary>Where the registry lives (its database), without credentials.</summary>
    [Output("registry")]
    public Output<string> RegistryLocation { get; }
}
