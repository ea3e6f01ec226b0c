using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Infra.Model.Options;

namespace Infra.Model.Kubeflow;

/// <summary>
/// A member of a team's profile, bound as Kubeflow's access management (KFAM, kubeflow/kubeflow v1.10.0
/// <c>components/access-management/kfam/bindings.go</c>) binds a contributor the dashboard adds: a RoleBinding to
/// <c>kubeflow-admin</c>, <c>kubeflow-edit</c> or <c>kubeflow-view</c>, and an Istio AuthorizationPolicy that lets the
/// member's requests through the ingress gateway and the Pipelines UI, both named
/// <c>user-&lt;e-mail, each run of other characters a '-'&gt;-clusterrole-&lt;role&gt;</c> and annotated with the user
/// and role, so that the dashboard lists them as it lists its own and can remove them.
/// </summary>
/// <param name="Team">The team, the profile's namespace.</param>
/// <param name="User">The member's e-mail address.</param>
/// <param name="Role">The member's role.</param>
public sealed partial record KubeflowContributor(string Team, string User, MemberRole Role)
{
    /// <summary>The header the release's sign-in passes the user's e-mail in (the profiles manager's <c>USERID_HEADER</c>).</summary>
    public const string UserIdHeader = "kubeflow-userid";

    /// <summary>The principals KFAM lets a contributor's requests come from: the ingress gateway and the Pipelines UI.</summary>
    public static readonly string[] Principals =
    [
        "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account",
        "cluster.local/ns/kubeflow/sa/ml-pipeline-ui",
    ];

    /// <summary>KFAM's name of the role: admin, edit or view.</summary>
    public string RoleName => Role switch
    {
        MemberRole.Owner => "admin",
        MemberRole.View => "view",
        _ => "edit",
    };

    /// <summary>The binding's and the policy's name, as KFAM's <c>getBindingName</c> makes it.</summary>
    public string Name => NotAlphanumeric().Replace($"user-{NotAlphanumeric().Replace(User, "-")}-clusterrole-{RoleName}".ToLowerInvariant(), "-");

    /// <summary>The RoleBinding to the role's <c>kubeflow-</c> ClusterRole.</summary>
    public JsonObject RoleBinding() => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "RoleBinding",
        ["metadata"] = Metadata(),
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = $"kubeflow-{RoleName}" },
        ["subjects"] = new JsonArray(new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "User", ["name"] = User }),
    };

    /// <summary>The AuthorizationPolicy that lets the member's requests in, from the gateway and the Pipelines UI.</summary>
    public JsonObject AuthorizationPolicy() => new()
    {
        ["apiVersion"] = "security.istio.io/v1beta1",
        ["kind"] = "AuthorizationPolicy",
        ["metadata"] = Metadata(),
        ["spec"] = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["from"] = new JsonArray(new JsonObject { ["source"] = new JsonObject { ["principals"] = new JsonArray([.. Principals.Select(p => (JsonNode)p)]) } }),
                ["when"] = new JsonArray(new JsonObject { ["key"] = $"request.headers[{UserIdHeader}]", ["values"] = new JsonArray(User) }),
            }),
        },
    };

    private JsonObject Metadata() => new()
    {
        ["name"] = Name,
        ["namespace"] = Team,
        ["annotations"] = new JsonObject { ["role"] = RoleName, ["user"] = User },
    };

    [GeneratedRegex("[^a-zA-Z0-9]+")]
    private static partial Regex NotAlphanumeric();
}
