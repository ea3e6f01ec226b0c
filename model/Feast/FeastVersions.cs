namespace Infra.Model.Feast;

/// <summary>The pinned Feast release: the operator's manifest bundle and the feature server image.</summary>
public static class FeastVersions
{
    /// <summary>The Feast release.</summary>
    public const string Version = "0.66.0";

    /// <summary>The operator's install bundle (CRD, RBAC and the controller) of the release.</summary>
    public const string OperatorBundle = "https://raw.githubusercontent.com/feast-dev/feast/v" + Version + "/infra/feast-operator/dist/install.yaml";

    /// <summary>The feature server image the registry, online and offline servers run.</summary>
    public const string FeatureServerImage = "quay.io/feastdev/feature-server:" + Version;
}
