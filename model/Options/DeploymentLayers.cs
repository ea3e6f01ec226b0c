namespace Infra.Model.Options;

/// <summary>Which layers a stack deploys: split lifecycles let the platform be updated without touching the foundation.</summary>
public enum DeploymentLayers
{
    /// <summary>The foundation (vSphere, GPUs, storage, Tanzu) and the platform on it.</summary>
    All,

    /// <summary>The vSphere foundation only; a platform stack refers to it.</summary>
    Foundation,

    /// <summary>The platform only, on the cluster of the foundation stack named in <c>mlops:foundationStack</c>.</summary>
    Platform,
}
