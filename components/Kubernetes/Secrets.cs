using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Kubernetes;

/// <summary>Secrets from string data, as <see cref="Model.Kubernetes.KubernetesNodes.Secret"/> plans them.</summary>
public static class Secrets
{
    /// <summary>
    /// Registers Secret <paramref name="name"/> in <paramref name="ns"/>, of <paramref name="type"/> where given,
    /// as <paramref name="resourceName"/> where the same Secret goes into several namespaces, else as <paramref name="name"/>.
    /// </summary>
    public static K8s.Core.V1.Secret Create(string name, string ns, string? type, IEnumerable<(string Key, Input<string> Value)> stringData, CustomResourceOptions options, string? resourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stringData);
        var args = new SecretArgs { Metadata = new ObjectMetaArgs { Name = name, Namespace = ns } };
        if (type is not null)
        {
            args.Type = type;
        }

        foreach (var (key, value) in stringData)
        {
            args.StringData.Add(key, value);
        }

        return new K8s.Core.V1.Secret(resourceName ?? name, args, options);
    }
}
