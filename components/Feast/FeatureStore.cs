using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Feast;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Feast;

/// <summary>
/// The feature store (<c>infra:ml:FeatureStore</c>): the Feast operator from its pinned release bundle, and a
/// <c>FeatureStore</c> with its registry in PostgreSQL, online store in Redis and offline files in the object
/// store, once those exist.
/// </summary>
public sealed class FeatureStore : InfraComponent
{
    /// <summary>Registers the operator, the namespace, the Secrets and the feature store.</summary>
    public FeatureStore(string name, FeatureStoreArgs args, ComponentResourceOptions? options = null)
        : base(FeastPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;

        var bundleOptions = new ComponentResourceOptions { Parent = this, Providers = { args.Provider } };
        if (spec.Registry is { } registry)
        {
            bundleOptions.ResourceTransforms.Add(ImageMirror.Through(registry));
        }

        var bundle = new K8s.Yaml.V2.ConfigFile(FeastPlanner.OperatorBundle, new K8s.Types.Inputs.Yaml.V2.ConfigFileArgs { File = spec.OperatorBundle }, bundleOptions);
        var ns = Namespaces.Create(FeastSpec.Namespace, On(args.Provider));
        var dataStores = Secrets.Create(FeastSpec.DataStoresSecret, FeastSpec.Namespace, null,
            spec.DataStores().Select(s => (s.Key, (Input<string>)s.Value)), On(args.Provider, ns));
        var credentials = Secrets.Create(FeastSpec.CredentialsSecret, FeastSpec.Namespace, null,
            [
                ("POSTGRES_PASSWORD", args.Databases.Passwords[spec.User.Service]),
                ("REDIS_PASSWORD", args.KeyValueStore.Passwords[FeastSpec.RedisUser]),
                .. args.ObjectStore.EnvironmentKeys(FeastPlanner.Name),
            ], On(args.Provider, ns));

        _ = new K8s.ApiExtensions.CustomResource(FeastSpec.StoreName, ManifestArgs.From(spec.FeatureStore()),
            On(args.Provider, [bundle, dataStores, credentials, .. args.Databases.Databases[spec.User.Service], args.KeyValueStore.Release, .. args.ObjectStore.Ready]));

        OnlineUrl = Output.Create(FeastSpec.OnlineUrl);
        RegistryLocation = Output.Create(spec.RegistryLocation);
        RegisterOutputs(new Dictionary<string, object?> { ["onlineUrl"] = OnlineUrl, ["registry"] = RegistryLocation });
    }

    /// <summary>The online feature server's in-cluster URL.</summary>
    [Output("onlineUrl")]
    public Output<string> OnlineUrl { get; }

    /// <summary>Where the registry lives (its database), without credentials.</summary>
    [Output("registry")]
    public Output<string> RegistryLocation { get; }
}
