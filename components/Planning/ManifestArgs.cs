using System.Collections.Immutable;
using Pulumi;

namespace Infra.Components.Planning;

/// <summary>
/// The arguments of a Kubernetes custom resource: apiVersion, kind, metadata and spec, or the top-level fields of
/// the spec-less kinds the plan registers (a VolumeSnapshotClass's driver and deletionPolicy).
/// </summary>
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

    /// <summary>A VolumeSnapshotClass's CSI driver.</summary>
    [Input("driver")]
    public Input<string>? Driver { get; set; }

    /// <summary>A VolumeSnapshotClass's deletion policy: what becomes of a snapshot's content when the snapshot is deleted.</summary>
    [Input("deletionPolicy")]
    public Input<string>? DeletionPolicy { get; set; }
}
