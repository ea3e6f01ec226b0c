using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Kubernetes;

/// <summary>Namespaces, registered under their own name.</summary>
public static class Namespaces
{
    /// <summary>Registers namespace <paramref name="name"/>.</summary>
    public static K8s.Core.V1.Namespace Create(string name, CustomResourceOptions options) =>
        new(name, new NamespaceArgs { Metadata = new ObjectMetaArgs { Name = name } }, options);
}
