using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace Infra.Components.Kubernetes;

/// <summary>The arguments of a custom resource rendered by the model: apiVersion, kind, metadata and spec.</summary>
public sealed class ManifestArgs : Pulumi.Kubernetes.ApiExtensions.CustomResourceArgs
{
    private ManifestArgs(string apiVersion, string kind)
        : base(apiVersion, kind)
    {
    }

    /// <summary>The resource's spec.</summary>
    [Input("spec")]
    public Input<ImmutableDictionary<string, object>>? Spec { get; set; }

    /// <summary>The arguments of <paramref name="manifest"/> (a JSON object with apiVersion, kind, metadata and spec).</summary>
    public static ManifestArgs From(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var metadata = manifest["metadata"]!.AsObject();
        var meta = new ObjectMetaArgs { Name = (string)metadata["name"]!, Namespace = (string)metadata["namespace"]! };
        if (metadata["labels"] is JsonObject labels)
        {
            meta.Labels = labels.ToImmutableDictionary(a => a.Key, a => (string)a.Value!, StringComparer.Ordinal);
        }

        if (metadata["annotations"] is JsonObject annotations)
        {
            meta.Annotations = annotations.ToImmutableDictionary(a => a.Key, a => (string)a.Value!, StringComparer.Ordinal);
        }

        return new ManifestArgs((string)manifest["apiVersion"]!, (string)manifest["kind"]!)
        {
            Metadata = meta,
            Spec = JsonInputs.Map(manifest["spec"]!.AsObject()),
        };
    }
}
