namespace Infra.Model.Kubeflow;

/// <summary>
/// An OpenID Connect client that signs people in through the platform's Dex, beside oauth2-proxy (Grafana, for
/// one): Dex knows it by <see cref="Id"/>, reads its generated secret from <see cref="SecretVariable"/> (in the
/// <c>dex-oidc-client</c> Secret) and sends people back to <see cref="RedirectUri"/> only.
/// </summary>
/// <param name="Id">The client ID.</param>
/// <param name="Name">What Dex shows.</param>
/// <param name="RedirectUri">The client's callback.</param>
/// <param name="SecretVariable">The environment variable Dex reads the client's secret from.</param>
/// <param name="PasswordName">The logical name of the generated secret, which the client's own Secret also reads.</param>
public sealed record DexClient(string Id, string Name, string RedirectUri, string SecretVariable, string PasswordName)
{
    /// <summary>Whether the client's own technology generates its secret (it is planned before Kubeflow), rather than Kubeflow.</summary>
    public bool OwnsPassword { get; init; }

    /// <summary>Dex's key set, in the cluster.</summary>
    public const string KeysUrl = Issuer + "/keys";

    /// <summary>Dex's issuer, as Dex and the clients inside the cluster reach it.</summary>
    public const string Issuer = "http://dex.auth.svc.cluster.local:5556/dex";

    /// <summary>Where a browser signs in: Dex's authorization endpoint behind the dashboard's host, which the release's gateway serves without oauth2-proxy.</summary>
    public static string AuthorizationUrl(Kubernetes.IngressSpec ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return $"{ingress.Url("kubeflow")}/dex/auth";
    }

    /// <summary>Dex's token endpoint, in the cluster.</summary>
    public const string TokenUrl = Issuer + "/token";

    /// <summary>Dex's user-info endpoint, in the cluster.</summary>
    public const string UserInfoUrl = Issuer + "/userinfo";

    /// <summary>The client's entry in Dex's <c>staticClients</c>.</summary>
    public System.Text.Json.Nodes.JsonObject Entry() => new()
    {
        ["id"] = Id,
        ["redirectURIs"] = new System.Text.Json.Nodes.JsonArray(RedirectUri),
        ["name"] = Name,
        ["secretEnv"] = SecretVariable,
    };
}
