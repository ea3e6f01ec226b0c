namespace Infra.Model.Feast;

/// <summary>The pinned Feast release: the operator's manifest bundle and the feature server image.</summary>
public static class FeastVersions
{
    /// <summary>The Feast release.</summary>
    public const string Version = "0.66.0";

    /// <summary>The operator's install bundle (CRD, RBAC and the controller) of the release.</summary>
    public const string OperatorBundle = "https://raw.githubusercontent.com/feast-dev/feast/v" + Version + "/infra/feast-operator/dist/install.yaml";

    /// <summary>The operator's image, which its install bundle runs (dist/install.yaml of the release).</summary>
    public const string OperatorImage = "quay.io/feastdev/feast-operator:" + Version;

    /// <summary>The feature server image, which runs the online, offline, registry and UI servers.</summary>
    public const string FeatureServerImage = "quay.io/feastdev/feature-server:" + Version;
}
