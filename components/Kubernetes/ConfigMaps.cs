using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Kubernetes;

/// <summary>ConfigMaps from string data, as <see cref="Model.Kubernetes.KubernetesNodes.ConfigMap"/> plans them.</summary>
public static class ConfigMaps
{
    /// <summary>
    /// Registers ConfigMap <paramref name="name"/> in <paramref name="ns"/>, with annotations where given, as
    /// <paramref name="resourceName"/> where the same ConfigMap goes into several namespaces, else as <paramref name="name"/>.
    /// </summary>
    public static K8s.Core.V1.ConfigMap Create(string name, string ns, IEnumerable<(string Key, string Value)> data, CustomResourceOptions options, string? resourceName = null, IReadOnlyDictionary<string, string>? annotations = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var metadata = new ObjectMetaArgs { Name = name, Namespace = ns };
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            metadata.Annotations.Add(key, value);
        }

        // Assigned whole, so that a ConfigMap without entries is registered with empty data, as planned.
        var args = new ConfigMapArgs { Metadata = metadata, Data = data.ToImmutableDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal) };
        return new K8s.Core.V1.ConfigMap(resourceName ?? name, args, options);
    }
}
