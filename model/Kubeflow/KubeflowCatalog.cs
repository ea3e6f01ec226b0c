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

    // Why a controller stays at one replica: kubebuilder's --leader-elect (or the operator's own switch) defaults to
    // false and the release's manifests do not set it, so two replicas would both reconcile.
    private const string NoLeaderElection = "a controller whose leader election the release leaves off (its flag defaults to false)";

    /// <summary>The common services every application needs: certificates, the mesh, sign-in, the namespace and roles.</summary>
    public static ImmutableArray<KubeflowComponent> Common { get; } =
    [
        // cert-manager's controller and cainjector elect a leader by default (--leader-elect defaults to true; the
        // release sets --leader-election-namespace); its webhook serves from a shared CA Secret.
        Unit("cert-manager", KubeflowVersions.Directory("common/cert-manager/base")) with { Replicated = ["cert-manager", "cert-manager-cainjector", "cert-manager-webhook"] },
        Unit("cert-manager-issuer", KubeflowVersions.Directory("common/cert-manager/kubeflow-issuer/base"), "cert-manager"),
        Unit("istio-crds", KubeflowVersions.Directory("common/istio/istio-crds/base")),
        Unit("istio-namespace", KubeflowVersions.Directory("common/istio/istio-namespace/base")),
        // istiod always elects leaders for its controllers; it and the ingress gateway are scaled by their autoscalers (1 to 5).
        Unit("istio", KubeflowVersions.Directory("common/istio/istio-install/overlays/oauth2-proxy"), "istio-crds", "istio-namespace") with { Autoscaled = ["istio-ingressgateway", "istiod"] },
        Unit("oauth2-proxy", "kubeflow/oauth2-proxy", "istio"),
        // Dex keeps its state in Kubernetes custom resources (storage type kubernetes), not in the pod.
        Unit("dex", "kubeflow/dex", "istio") with { Replicated = ["dex"] },
        Unit("kubeflow-namespace", KubeflowVersions.Directory("common/kubeflow-namespace/base")),
        Unit("kubeflow-roles", KubeflowVersions.Directory("common/kubeflow-roles/base")),
        Unit("kubeflow-istio-resources", KubeflowVersions.Directory("common/istio/kubeflow-istio-resources/base"), "istio", "kubeflow-namespace"),
    ];

    /// <summary>Each application's kustomizations.</summary>
    public static ImmutableDictionary<string, ImmutableArray<KubeflowComponent>> ByApplication { get; } = new Dictionary<string, ImmutableArray<KubeflowComponent>>
    {
        ["dashboard"] = [Unit("centraldashboard", KubeflowVersions.Directory("applications/centraldashboard/overlays/oauth2-proxy"), "kubeflow-istio-resources", "kubeflow-roles") with { Replicated = ["centraldashboard"] }],
        ["profiles"] =
        [
            // The release's Pod Security overlay: the profile controller labels each profile's namespace to enforce
            // the baseline standard, as the plan's team namespaces already are.
            Unit("profiles", KubeflowVersions.Directory("applications/profiles/pss"), "kubeflow-istio-resources", "kubeflow-roles")
                with { Single = [("profiles-deployment", "the profile controller, without leader election, shares the pod with the access management API")] },
        ],
        ["notebooks"] =
        [
            Unit("admission-webhook", KubeflowVersions.Directory("applications/admission-webhook/upstream/overlays/cert-manager"), "cert-manager-issuer", "kubeflow-namespace") with { Replicated = ["admission-webhook-deployment"] },
            Unit("notebook-controller", KubeflowVersions.Directory("applications/jupyter/notebook-controller/upstream/overlays/kubeflow"), "kubeflow-istio-resources", "kubeflow-roles")
                with { Single = [("notebook-controller-deployment", NoLeaderElection)] },
            Unit("jupyter-web-app", KubeflowVersions.Directory("applications/jupyter/jupyter-web-app/upstream/overlays/istio"), "kubeflow-istio-resources", "kubeflow-roles") with { Replicated = ["jupyter-web-app-deployment"] },
            Unit("volumes-web-app", KubeflowVersions.Directory("applications/volumes-web-app/upstream/overlays/istio"), "kubeflow-istio-resources", "kubeflow-roles") with { Replicated = ["volumes-web-app-deployment"] },
            // The release runs it with --leader-elect.
            Unit("pvcviewer-controller", KubeflowVersions.Directory("applications/pvcviewer-controller/upstream/base"), "cert-manager-issuer", "kubeflow-namespace") with { Replicated = ["pvcviewer-controller-manager"] },
            Unit("tensorboard-controller", KubeflowVersions.Directory("applications/tensorboard/tensorboard-controller/upstream/overlays/kubeflow"), "kubeflow-istio-resources", "kubeflow-roles")
                with { Single = [("tensorboard-controller-deployment", NoLeaderElection)] },
            Unit("tensorboards-web-app", KubeflowVersions.Directory("applications/tensorboard/tensorboards-web-app/upstream/overlays/istio"), "kubeflow-istio-resources", "kubeflow-roles") with { Replicated = ["tensorboards-web-app-deployment"] },
        ],
        ["training"] =
        [
            Unit("training-operator", KubeflowVersions.Directory("applications/training-operator/upstream/overlays/kubeflow"), "kubeflow-namespace", "kubeflow-roles")
                with { Single = [("training-operator", NoLeaderElection + "; its certificate rotator also writes the webhook's Secret")] },
        ],
        ["kserve"] =
        [
            // Knative's controllers run with high availability unless --disable-ha (knative/pkg sharedmain); the
            // activator and the webhook have autoscalers (1 to 20, 1 to 5).
            Unit("knative-serving", KubeflowVersions.Directory("common/knative/knative-serving/overlays/gateways"), "istio")
                with { Replicated = ["autoscaler", "controller", "net-istio-controller", "net-istio-webhook"], Autoscaled = ["activator", "webhook"] },
            Unit("cluster-local-gateway", KubeflowVersions.Directory("common/istio/cluster-local-gateway/base"), "istio") with { Autoscaled = ["cluster-local-gateway"] },
            // The release runs KServe's controller with --leader-elect; the local model controller without.
            Unit("kserve", KubeflowVersions.Directory("applications/kserve/kserve"), "cert-manager-issuer", "knative-serving", "cluster-local-gateway")
                with { Replicated = ["kserve-controller-manager"], Single = [("kserve-localmodel-controller-manager", NoLeaderElection)] },
            Unit("models-web-app", KubeflowVersions.Directory("applications/kserve/models-web-app/overlays/kubeflow"), "kserve", "kubeflow-istio-resources") with { Replicated = ["kserve-models-web-app"] },
        ],
        ["pipelines"] =
        [
            // Argo's workflow controller elects a leader (LEADER_ELECTION_IDENTITY is set, LEADER_ELECTION_DISABLE is not).
            Unit("pipelines", "kubeflow/pipelines", "cert-manager-issuer", "kubeflow-istio-resources", "kubeflow-roles")
                with
                {
                    Replicated = ["ml-pipeline-ui", "ml-pipeline-visualizationserver", "metadata-envoy-deployment", "kubeflow-pipelines-profile-controller", "workflow-controller"],
                    Single =
                    [
                        ("ml-pipeline", "every API server replica loads the samples and reconciles the recurring runs at start, unguarded against another doing the same"),
                        ("metadata-grpc-deployment", "every ML Metadata replica would run the schema upgrade (--enable_database_upgrade) on a new version"),
                        ("metadata-writer", "a watch loop without leader election: two would write each execution to ML Metadata twice"),
                        ("ml-pipeline-persistenceagent", "an informer loop without leader election: two would report each workflow twice"),
                        ("ml-pipeline-scheduledworkflow", "no leader election: two could start the same recurring run twice"),
                        ("ml-pipeline-viewer-crd", NoLeaderElection),
                        ("metacontroller", "a StatefulSet whose --leader-election defaults to false"),
                    ],
                },
        ],
        ["katib"] =
        [
            Unit("katib", "kubeflow/katib", "cert-manager-issuer", "kubeflow-istio-resources")
                with { Replicated = ["katib-db-manager", "katib-ui"], Single = [("katib-controller", "its katib-config leaves enableLeaderElection at its default, false")] },
        ],
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

    /// <summary>The release's own NetworkPolicies in <c>kubeflow</c> (each service's callers; the webhooks open to the API server), where the network is isolated.</summary>
    public static KubeflowComponent NetworkPolicies { get; } = Unit("networkpolicies", KubeflowVersions.Directory("common/networkpolicies/base"), "kubeflow-namespace");

    /// <summary>
    /// The units of <paramref name="applications"/> after the common services, and the release's policies where the
    /// network is <paramref name="isolated"/>; the plan's graph orders them by their needs.
    /// </summary>
    public static ImmutableArray<KubeflowComponent> For(IEnumerable<string> applications, bool isolated = true) =>
        [.. Common, .. isolated ? [NetworkPolicies] : Array.Empty<KubeflowComponent>(), .. applications.SelectMany(a => ByApplication[a])];
}
