using System.Collections.Immutable;
using Pulumi;

namespace Infra.Components.Planning;

/// <summary>The arguments of a Kubernetes custom resource: apiVersion, kind, metadata and spec.</summary>
public sealed class ManifestArgs : Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs
{
    /// <summary>The arguments of a resource of <paramref name="apiVersion"/> and <paramref name="kind"/>.</summary>
    public ManifestArgs(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    /// <summary>The resource's spec.</summary>
    [Input("spec")]
    public Input<ImmutableDictionary<string, object>>? Spec { get; set; }
}
