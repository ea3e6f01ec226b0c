using System.Collections.Immutable;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Kubernetes;

/// <summary>Namespaces, as <see cref="Model.Kubernetes.KubernetesNodes.Namespace"/> plans them.</summary>
public static class Namespaces
{
    /// <summary>
    /// Registers namespace <paramref name="name"/>, with labels and annotations where given, as
    /// <paramref name="resourceName"/> where given, else as <paramref name="name"/>.
    /// </summary>
    public static K8s.Core.V1.Namespace Create(string name, CustomResourceOptions options, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? annotations = null, string? resourceName = null)
    {
        var metadata = new ObjectMetaArgs { Name = name };
        if (labels is not null)
        {
            metadata.Labels = labels.ToImmutableDictionary();
        }

        if (annotations is not null)
        {
            metadata.Annotations = annotations.ToImmutableDictionary();
        }

        return new K8s.Core.V1.Namespace(resourceName ?? name, new NamespaceArgs { Metadata = metadata }, options);
    }
}
