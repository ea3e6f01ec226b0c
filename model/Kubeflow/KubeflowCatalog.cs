using System.Collections.Immutable;

namespace Infra.Model.Kubeflow;

/// <summary>
/// The Kubeflow release's kustomizations and what each needs first, following the release's own install order
/// but serialising only real dependencies: cert-manager's webhook before anything that asks for certificates,
/// Istio's CRDs before the mesh and everything routed through it, the <c>kubeflow</c> namespace and roles
/// before the applications in it, Knative before KServe.
/// </summary>
public static class KubeflowCatalog
{
    /// <summary>The applications a stack chooses from, in the order the README lists them.</summary>
    public static ImmutableArray<string> Applications { get; } = ["dashboard", "profiles", "notebooks", "training", "kserve", "pipelines", "katib"];

    /// <summary>The applications a maturity level runs by default: notebooks at level 0; Pipelines, training, KServe and Katib from level 1.</summary>
    public static ImmutableArray<string> Defaults(Options.MaturityLevel level) => level switch
    {
        Options.MaturityLevel.Level0 => ["dashboard", "profiles", "notebooks"],
        _ => ["dashboard", "profiles", "notebooks", "training", "kserve", "katib", "pipelines"],
    };

    private static KubeflowComponent Unit(string name, string directory, params string[] needs) => new(name, directory, [.. needs]);

    /// <summary>The common services every application needs: certificates, the mesh, sign-in, the namespace and roles.</summary>
    public static ImmutableArray<KubeflowComponent> Common { get; } =
    [
        Unit("cert-manager", KubeflowVersions.Directory("common/cert-manager/base")),
        Unit("cert-manager-issuer", KubeflowVersions.Directory("common/cert-manager/kubeflow-issuer/base"), "cert-manager"),
        Unit("istio-crds", KubeflowVersions.Directory("common/istio/istio-crds/base")),
        Unit("istio-namespace", KubeflowVersions.Directory("common/istio/istio-namespace/base")),
        Unit("istio", KubeflowVersions.Directory("common/istio/istio-install/overlays/oauth2-proxy"), "istio-crds", "istio-namespace"),
        Unit("oauth2-proxy", "kubeflow/oauth2-proxy", "istio"),
        Unit("dex", "kubeflow/dex", "istio"),
        Unit("kubeflow-namespace", KubeflowVersions.Directory("common/kubeflow-namespace/base")),
        Unit("kubeflow-roles", KubeflowVersions.Directory("common/kubeflow-roles/base")),
        Unit("kubeflow-istio-resources", KubeflowVersions.Directory("common/istio/kubeflow-istio-resources/base"), "istio", "kubeflow-namespace"),
    ];

    /// <summary>Each application's kustomizations.</summary>
    public static ImmutableDictionary<string, ImmutableArray<KubeflowComponent>> ByApplication { get; } = new Dictionary<string, ImmutableArray<KubeflowComponent>>
    {
        ["dashboard"] = [Unit("centraldashboard", KubeflowVersions.Directory("applications/centraldashboard/overlays/oauth2-proxy"), "kubeflow-istio-resources", "kubeflow-roles")],
        ["profiles"] = [Unit("profiles", KubeflowVersions.Directory("applications/profiles/upstream/overlays/kubeflow"), "kubeflow-istio-resources", "kubeflow-roles")],
        ["notebooks"] =
        [
            Unit("admission-webhook", KubeflowVersions.Directory("applications/admission-webhook/upstream/overlays/cert-manager"), "cert-manager-issuer", "kubeflow-namespace"),
            Unit("notebook-controller", KubeflowVersions.Directory("applications/jupyter/notebook-controller/upstream/overlays/kubeflow"), "kubeflow-istio-resources", "kubeflow-roles"),
            Unit("jupyter-web-app", KubeflowVersions.Directory("applications/jupyter/jupyter-web-app/upstream/overlays/istio"), "kubeflow-istio-resources", "kubeflow-roles"),
            Unit("volumes-web-app", KubeflowVersions.Directory("applications/volumes-web-app/upstream/overlays/istio"), "kubeflow-istio-resources", "kubeflow-roles"),
            Unit("pvcviewer-controller", KubeflowVersions.Directory("applications/pvcviewer-controller/upstream/base"), "cert-manager-issuer", "kubeflow-namespace"),
            Unit("tensorboard-controller", KubeflowVersions.Directory("applications/tensorboard/tensorboard-controller/upstream/overlays/kubeflow"), "kubeflow-istio-resources", "kubeflow-roles"),
            Unit("tensorboards-web-app", KubeflowVersions.Directory("applications/tensorboard/tensorboards-web-app/upstream/overlays/istio"), "kubeflow-istio-resources", "kubeflow-roles"),
        ],
        ["training"] = [Unit("training-operator", KubeflowVersions.Directory("applications/training-operator/upstream/overlays/kubeflow"), "kubeflow-namespace", "kubeflow-roles")],
        ["kserve"] =
        [
            Unit("knative-serving", KubeflowVersions.Directory("common/knative/knative-serving/overlays/gateways"), "istio"),
            Unit("cluster-local-gateway", KubeflowVersions.Directory("common/istio/cluster-local-gateway/base"), "istio"),
            Unit("kserve", KubeflowVersions.Directory("applications/kserve/kserve"), "cert-manager-issuer", "knative-serving", "cluster-local-gateway"),
            Unit("models-web-app", KubeflowVersions.Directory("applications/kserve/models-web-app/overlays/kubeflow"), "kserve", "kubeflow-istio-resources"),
        ],
        ["pipelines"] = [Unit("pipelines", "kubeflow/pipelines", "cert-manager-issuer", "kubeflow-istio-resources", "kubeflow-roles")],
        ["katib"] = [Unit("katib", "kubeflow/katib", "cert-manager-issuer", "kubeflow-istio-resources")],
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// What each unit takes on the cluster, from the release's own table (kubeflow/manifests v1.10.2, README.md,
    /// "the maximum of actual usage and configured requests"): CPU in millicores and memory in MiB. Knative's row
    /// covers serving and eventing and Istio's the gateways, so they stand for the units that install them; the
    /// table gives no figure for the Tensorboards web app. Its Model Registry and Spark Operator rows are not
    /// installed from the release here (MLflow and the platform's own Spark operator are).
    /// </summary>
    public static ImmutableDictionary<string, (int CpuMillis, int MemoryMi)> Footprints { get; } = new Dictionary<string, (int, int)>
    {
        ["cert-manager"] = (3, 128),
        ["istio"] = (750, 2364),
        ["oauth2-proxy"] = (3, 27),
        ["dex"] = (3, 27),
        ["centraldashboard"] = (2, 159),
        ["profiles"] = (7, 129),
        ["admission-webhook"] = (1, 14),
        ["notebook-controller"] = (5, 93),
        ["jupyter-web-app"] = (4, 231),
        ["volumes-web-app"] = (4, 226),
        ["pvcviewer-controller"] = (15, 128),
        ["tensorboard-controller"] = (15, 128),
        ["training-operator"] = (3, 25),
        ["knative-serving"] = (1450, 1038),
        ["kserve"] = (600, 1200),
        ["models-web-app"] = (6, 259),
        ["pipelines"] = (970, 3552),
        ["katib"] = (13, 476),
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The units of <paramref name="applications"/> after the common services; the plan's graph orders them by their needs.</summary>
    public static ImmutableArray<KubeflowComponent> For(IEnumerable<string> applications) =>
        [.. Common, .. applications.SelectMany(a => ByApplication[a])];
}
