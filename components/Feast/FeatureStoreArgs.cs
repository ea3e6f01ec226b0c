using Infra.Components.Core;
using Infra.Model.Feast;

namespace Infra.Components.Feast;

/// <summary>What <see cref="FeatureStore"/> is planned from.</summary>
public sealed class FeatureStoreArgs : ClusterPartArgs<FeastSpec>
{
}
