using Infra.Components.Configuration;
using Infra.Model.Gpu;
using Infra.Model.Options;
using Infra.Model.Vsphere;
using Pulumi;

namespace Infra.Stacks;

/// <summary>Composes the stack's components from its options: the layers it deploys and their outputs.</summary>
public static class StackComposer
{
    /// <summary>Registers the stack's components and returns its outputs.</summary>
    public static IDictionary<string, object?> Deploy(PlatformOptions options, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        var outputs = new Dictionary<string, object?>
        {
            ["environment"] = options.Environment,
            ["maturity"] = Model.Configuration.ConfigSchema.ChoiceName(options.Maturity ?? MaturityLevel.Level0),
        };

        ProviderResource? clusterProvider = null;
        Resource? defaultStorageClass = null;
        if (options.DeploysFoundation)
        {
            var foundation = new Foundation(FoundationSpec.For(options), secrets);
            outputs["kubeconfig"] = foundation.Cluster.Kubeconfig;
            clusterProvider = foundation.Cluster.Provider;
            defaultStorageClass = Model.Storage.StorageSpec.For(options).Default is { } tier
                ? foundation.Cluster.StorageClasses.GetValueOrDefault(tier.Name)
                : null;
            outputs["datacenterId"] = foundation.DatacenterId;
            outputs["vmFolder"] = foundation.FolderPath;
            outputs["gpuVmAddresses"] = foundation.GpuVmAddresses;
            outputs["gpuVmClass"] = foundation.GpuVmClassName;
            outputs["gpuCapacity"] = GpuSpec.For(options).Capacity
                .Select(row => (object)new Dictionary<string, object> { ["host"] = row.Host, ["gpus"] = row.Gpus, ["sharing"] = row.Sharing, ["slots"] = row.Slots, ["used"] = row.Used, ["free"] = row.Free })
                .ToList();
        }

        if (options.DeploysPlatform)
        {
            var platform = new Platform(new PlatformArgs
            {
                Options = options,
                Secrets = secrets,
                DefaultStorageClass = defaultStorageClass,
                ClusterProvider = clusterProvider,
                FoundationStack = options.DeploysFoundation ? null : options.FoundationStack,
            });
            foreach (var (name, value) in platform.Exports)
            {
                outputs[name] = value;
            }
        }

        return outputs;
    }
}
