using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Mirrors.MirrorErrors))]

namespace Infra.Model.Mirrors;

/// <summary>The rules of the mirrors of charts, manifests and jars.</summary>
public static class MirrorErrors
{
    /// <summary>A chart mirror that is neither an OCI registry path nor a folder.</summary>
    public static readonly ErrorCode Charts = new("MLOPS1701", "mlops:platform.mirrors.charts", "The charts come from an OCI registry path (oci://…) or a folder of chart archives (an absolute path).");

    /// <summary>A Kubeflow manifests mirror that is neither a git URL nor a folder.</summary>
    public static readonly ErrorCode KubeflowManifests = new("MLOPS1702", "mlops:platform.mirrors.kubeflowManifests", "Kubeflow's manifests come from a git repository (https://, ssh:// or git@) or a folder holding the release (an absolute path).");

    /// <summary>A Maven mirror that is not an HTTP(S) URL.</summary>
    public static readonly ErrorCode Maven = new("MLOPS1703", "mlops:platform.mirrors.maven", "A Maven mirror is an http:// or https:// URL.");

    /// <summary>A Python index that is not an HTTP(S) URL.</summary>
    public static readonly ErrorCode Python = new("MLOPS1704", "mlops:platform.mirrors.python", "A Python package index is an http:// or https:// URL.");
}
