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

    /// <summary>
    /// The tenancy of a set of teams only, on the platform of the stack named in <c>mlops:platformStack</c>: their
    /// namespaces, profiles, identities and rights, and nothing of the platform itself.
    /// </summary>
    Teams,
}
