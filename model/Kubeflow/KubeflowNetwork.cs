using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Network;

namespace Infra.Model.Kubeflow;

/// <summary>Kubeflow's namespaces as the network policies see them: the ports team pods reach there, and which reach teams.</summary>
public static class KubeflowNetwork
{
    /// <summary>The Pipelines API server's pod ports (HTTP and gRPC), where <c>ml-pipeline</c> points.</summary>
    public static readonly TeamPort[] PipelinesApi = [new(8888, "the Pipelines API server (HTTP)"), new(8887, "the Pipelines API server (gRPC)")];

    /// <summary>ML Metadata's gRPC server's pod port.</summary>
    public static readonly TeamPort Metadata = new(8080, "ML Metadata's gRPC server");

    /// <summary>Katib's DB manager, where the trials' metrics collectors report (gRPC).</summary>
    public static readonly TeamPort KatibDbManager = new(6789, "Katib's DB manager (the trials' metrics)");

    /// <summary>istiod's port the sidecars of team pods fetch their configuration and certificates from.</summary>
    public static readonly TeamPort Istiod = new(15012, "istiod (the sidecars' configuration and certificates)");

    /// <summary>
    /// The gateways' pod ports: the ingress gateway's HTTP and HTTPS (its Service's 80 and 443), the cluster-local
    /// gateway's HTTP, and 8081, where Knative's <c>knative-local-gateway</c> Service sends in-cluster calls to served
    /// models on the same pods (common/knative/knative-serving/overlays/gateways, v1.10.2).
    /// </summary>
    public static readonly TeamPort[] Gateways = [new(8080, "the Istio gateways (HTTP)"), new(8081, "Knative's local gateway (served models in the cluster)"), new(8443, "the Istio ingress gateway (HTTPS)")];

    /// <summary>Knative's activator, which holds requests for a served model scaled to zero: HTTP/1 and h2c (gRPC).</summary>
    public static readonly TeamPort[] Activator = [new(8012, "Knative's activator (HTTP/1)"), new(8013, "Knative's activator (h2c)")];

    /// <summary>The name of the PeerAuthentication in each team namespace.</summary>
    public const string MutualTlsPolicy = "strict-mtls";

    /// <summary>
    /// The PeerAuthentication that has the sidecars in team <paramref name="team"/>'s namespace accept mutual TLS
    /// only. The release leaves the mesh permissive (v1.10.2 ships no PeerAuthentication but Knative's webhooks'
    /// PERMISSIVE ones), and the platform keeps it so outside team namespaces: Pipelines' run pods run without a
    /// sidecar (the API server annotates them <c>sidecar.istio.io/inject: "false"</c>) and call the API server and ML
    /// Metadata in <c>kubeflow</c> in plain text, and Prometheus scrapes without one. Into a team namespace every caller is
    /// in the mesh: the gateways, Knative's activator, the Pipelines UI, the team's own pods.
    /// </summary>
    public static JsonObject StrictMutualTls(string team) => new()
    {
        ["apiVersion"] = "security.istio.io/v1",
        ["kind"] = "PeerAuthentication",
        ["metadata"] = new JsonObject { ["name"] = MutualTlsPolicy, ["namespace"] = team },
        ["spec"] = new JsonObject { ["mtls"] = new JsonObject { ["mode"] = "STRICT" } },
    };

    /// <summary>The namespaces of <paramref name="spec"/>'s units, each created by its unit.</summary>
    public static IEnumerable<NamespaceAccess> Access(KubeflowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var units = spec.Units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        yield return NamespaceAccess.Serving("istio-system", KubeflowPlanner.UnitId("istio-namespace"), [Istiod, .. Gateways]) with { ReachesTeams = true };
        yield return NamespaceAccess.Closed("cert-manager", KubeflowPlanner.UnitId("cert-manager"));
        yield return NamespaceAccess.Closed(KubeflowSpec.AuthNamespace, KubernetesNodes.NamespaceId(KubeflowSpec.AuthNamespace));
        yield return NamespaceAccess.Closed(KubeflowSpec.ProxyNamespace, KubernetesNodes.NamespaceId(KubeflowSpec.ProxyNamespace));
        // The notebook controller culls idle notebooks by their kernels, the Pipelines UI reads each team's artifacts through its proxy.
        TeamPort[] kubeflow = [.. spec.Pipelines ? [.. PipelinesApi, Metadata] : Array.Empty<TeamPort>(), .. spec.Applications.Contains("katib") ? [KatibDbManager] : Array.Empty<TeamPort>()];
        yield return NamespaceAccess.Serving(KubeflowSpec.Namespace, KubeflowPlanner.UnitId("kubeflow-namespace"), kubeflow) with { ReachesTeams = true };
        if (units.Contains("knative-serving"))
        {
            yield return NamespaceAccess.Serving("knative-serving", KubeflowPlanner.UnitId("knative-serving"), Activator) with { ReachesTeams = true };
        }
    }
}
