using System.Text.Json.Nodes;

namespace Infra.Model.Kubeflow;

/// <summary>
/// How a team reaches the Pipelines API, which in multi-user mode takes a service account token for the
/// <c>pipelines.kubeflow.org</c> audience and checks the account's permissions in the team's namespace:
/// notebooks through the <c>access-ml-pipeline</c> PodDefault (the checkbox Kubeflow's notebook form shows),
/// which mounts such a token for the pod's own account; CI through the team's <c>pipelines-ci</c> account,
/// bound to the release's <c>kubeflow-pipelines-edit</c> role, whose token the platform team requests for the
/// team's CI/CD variables.
/// </summary>
public static class PipelinesTeamAccess
{
    /// <summary>The team's service account for CI.</summary>
    public const string ServiceAccount = "pipelines-ci";

    /// <summary>The release's ClusterRole with the Pipelines permissions that <c>kubeflow-edit</c> aggregates.</summary>
    public const string EditRole = "kubeflow-pipelines-edit";

    /// <summary>The PodDefault that gives a pod a Pipelines token.</summary>
    public const string PodDefault = "access-ml-pipeline";

    /// <summary>The audience the Pipelines API accepts tokens for.</summary>
    public const string Audience = "pipelines.kubeflow.org";

    /// <summary>Where the SDK reads the token (<c>KF_PIPELINES_SA_TOKEN_PATH</c>).</summary>
    public const string TokenPath = "/var/run/secrets/kubeflow/pipelines/token";

    /// <summary>The logical name of a team's resource.</summary>
    public static string ResourceName(string name, string team) => KubeflowPlanner.InNamespace(name, team);

    /// <summary>The command that requests a CI token of <paramref name="team"/>'s account, valid for <paramref name="hours"/> hours.</summary>
    public static string TokenCommand(string team, int hours) =>
        $"kubectl -n {team} create token {ServiceAccount} --audience {Audience} --duration {hours}h";

    /// <summary>The binding of <paramref name="team"/>'s CI account to the Pipelines role in the team's namespace.</summary>
    public static JsonObject RoleBinding(string team) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = ServiceAccount, ["namespace"] = team },
        ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "ClusterRole", ["name"] = EditRole },
        ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = ServiceAccount, ["namespace"] = team }),
    };

    /// <summary>The volume of the PodDefault: a projected token for the Pipelines audience, renewed by the kubelet.</summary>
    public static JsonObject TokenVolume() => new()
    {
        ["name"] = "kf-pipelines-token",
        ["projected"] = new JsonObject
        {
            ["sources"] = new JsonArray(new JsonObject
            {
                ["serviceAccountToken"] = new JsonObject { ["path"] = "token", ["expirationSeconds"] = 7200, ["audience"] = Audience },
            }),
        },
    };

    /// <summary>The <c>access-ml-pipeline</c> PodDefault in <paramref name="team"/>'s namespace.</summary>
    public static JsonObject AccessPodDefault(string team) => new()
    {
        ["apiVersion"] = "kubeflow.org/v1alpha1",
        ["kind"] = "PodDefault",
        ["metadata"] = new JsonObject { ["name"] = PodDefault, ["namespace"] = team },
        ["spec"] = new JsonObject
        {
            ["desc"] = "Allow access to Kubeflow Pipelines",
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [PodDefault] = "true" } },
            ["env"] = new JsonArray(
                new JsonObject { ["name"] = "KF_PIPELINES_SA_TOKEN_PATH", ["value"] = TokenPath },
                new JsonObject { ["name"] = "KFP_HOST", ["value"] = KubeflowSpec.PipelinesApiUrl }),
            ["volumes"] = new JsonArray(TokenVolume()),
            ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "kf-pipelines-token", ["mountPath"] = TokenPath[..TokenPath.LastIndexOf('/')], ["readOnly"] = true }),
        },
    };
}
