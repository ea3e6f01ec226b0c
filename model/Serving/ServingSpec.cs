using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;

namespace Infra.Model.Serving;

/// <summary>
/// Model serving with KServe, where Kubeflow runs its <c>kserve</c> application: in each team's namespace the
/// runtimes, the account its InferenceServices load models with (the team's own object store identity, reaching
/// only its folder), the right of its CI account to deploy them, the sign-in in front of them and the defaults
/// the project template deploys with; and each team's endpoints at <c>&lt;name&gt;.&lt;team&gt;.&lt;domain&gt;</c>.
/// </summary>
/// <param name="Domain">Knative's domain, the endpoints' hosts end in: <c>models.&lt;ingress domain&gt;</c>, or <c>svc.cluster.local</c> (in-cluster only) without an ingress.</param>
/// <param name="Ingress">The platform's ingress, or null where endpoints are reached in the cluster only.</param>
/// <param name="MinReplicas">The fewest replicas an endpoint keeps.</param>
/// <param name="MaxReplicas">The most replicas an endpoint scales to.</param>
/// <param name="Registry">The registry mirror, or null.</param>
/// <param name="Store">The object store the models are in.</param>
/// <param name="TeamsBucket">The teams' bucket, where each team's models are under its own prefix.</param>
/// <param name="CiAccount">Whether the teams have Pipelines' CI account, which may deploy their models.</param>
/// <param name="Teams">The teams.</param>
/// <param name="LogRetentionDays">How many days the endpoints' logged requests and responses are kept.</param>
public sealed record ServingSpec(string Domain, IngressSpec? Ingress, int MinReplicas, int MaxReplicas, string? Registry, ObjectStoreAccess Store, string TeamsBucket, bool CiAccount, ImmutableArray<ServingTeam> Teams, int LogRetentionDays = 30)
{
    /// <summary>This project's serving component.</summary>
    public const string ComponentType = "infra:ml:Serving";

    /// <summary>The component's logical name.</summary>
    public const string Name = "serving";

    /// <summary>The ServiceAccount a team's InferenceServices run as, holding the team's store identity.</summary>
    public const string ServiceAccount = "models";

    /// <summary>The Secret with the team's store identity, annotated for KServe's S3 credential builder.</summary>
    public const string StoreSecret = "models-s3";

    /// <summary>The ConfigMap with the defaults the project template deploys with.</summary>
    public const string DefaultsConfigMap = "serving-defaults";

    /// <summary>The release's ClusterRole with the rights on InferenceServices that <c>kubeflow-edit</c> aggregates.</summary>
    public const string DeployRole = "kubeflow-kserve-edit";

    /// <summary>The name of the RoleBinding, the RequestAuthentication and the AuthorizationPolicy in each team namespace.</summary>
    public const string AccessName = "models";

    /// <summary>The label, and its value, KServe gives each predictor pod (v0.15.0 <c>components/predictor.go</c>).</summary>
    public static KeyValuePair<string, string> PredictorLabel { get; } = KeyValuePair.Create("component", "predictor");

    /// <summary>
    /// The issuer of the cluster's service-account tokens: a Tanzu cluster's API server, set up by kubeadm, names
    /// itself <c>https://kubernetes.default.svc.cluster.local</c>.
    /// </summary>
    public const string ServiceAccountIssuer = "https://kubernetes.default.svc.cluster.local";

    /// <summary>Where the mesh reads the keys of the service-account tokens: the release's cluster-jwks-proxy, in front of the API server's.</summary>
    public const string ServiceAccountKeys = "http://cluster-jwks-proxy.istio-system.svc.cluster.local/openid/v1/jwks";

    /// <summary>The Knative domain of endpoints reached in the cluster only.</summary>
    public const string ClusterLocalDomain = "svc.cluster.local";

    /// <summary>The serving spec for <paramref name="options"/>, or null where KServe does not run.</summary>
    public static ServingSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    /// <summary>The endpoints' domain under <paramref name="ingress"/>: <c>models.&lt;domain&gt;</c>, or in the cluster only without one.</summary>
    public static string DomainFor(IngressSpec? ingress) => ingress is null ? ClusterLocalDomain : ingress.Host("models");

    private static ServingSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Kubeflow.KubeflowSpec.For(options) is not { } kubeflow || !kubeflow.Applications.Contains("kserve") || ObjectStoreAccess.For(options) is not { } store)
        {
            return null;
        }

        var serving = options.Platform?.Serving;
        var gpuPool = Tanzu.NodePoolDefaults.For(options).Any(p => p.Gpu);
        var teams = kubeflow.Profiles.Select(p => new ServingTeam(p.Name, [p.Owner, .. p.Contributors.Select(c => c.User)], gpuPool && p.Gpus > 0));
        return new ServingSpec(DomainFor(kubeflow.Ingress), kubeflow.Ingress, serving?.MinReplicas ?? (options.IsProduction ? 1 : 0), serving?.MaxReplicas ?? 3,
            options.Platform?.Registry, store, ObjectStoreSpec.BucketName(Validated.Required(options.Environment), "teams"), kubeflow.PipelinesStores is not null, [.. teams], serving?.LogRetentionDays ?? 30);
    }

    /// <summary>Where team <paramref name="team"/>'s endpoint <c>&lt;name&gt;</c> answers: its URL with <c>{name}</c> for the InferenceService's name.</summary>
    public string EndpointUrl(string team) => Domain == ClusterLocalDomain
        ? $"http://{{name}}.{team}.{ClusterLocalDomain}"
        : $"{(Ingress?.ClusterIssuer is null ? "http" : "https")}://{{name}}.{team}.{Domain}";

    /// <summary>The host pattern of team <paramref name="team"/>'s endpoints on the ingress: <c>*.&lt;team&gt;.&lt;domain&gt;</c>.</summary>
    public string IngressHost(string team) => $"*.{team}.{Domain}";

    /// <summary>The defaults the project template deploys team <paramref name="team"/>'s models with.</summary>
    public IReadOnlyList<(string Key, string Value)> Defaults(ServingTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return
        [
            ("clusterUrl", $"http://{{name}}.{team.Name}.{ClusterLocalDomain}"),
            ("endpointUrl", EndpointUrl(team.Name)),
            ("gpuRuntime", team.Gpu ? ServingRuntimes.Gpu : string.Empty),
            ("loggerUrl", InferenceLogging.Url(team.Name)),
            ("maxReplicas", MaxReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("minReplicas", MinReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("modelStore", $"s3://{TeamsBucket}/{team.Name}/models"),
            ("runtime", ServingRuntimes.Mlflow),
            ("serviceAccount", ServiceAccount),
            ("storeEndpoint", Store.Endpoint),
        ];
    }

    /// <summary>The annotations that tell KServe's S3 credential builder where the store is (v0.15.0 <c>credentials/s3</c>).</summary>
    public IReadOnlyDictionary<string, string> StoreAnnotations()
    {
        var endpoint = new Uri(Store.Endpoint);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["serving.kserve.io/s3-endpoint"] = endpoint.Authority,
            ["serving.kserve.io/s3-region"] = Store.Region,
            ["serving.kserve.io/s3-usehttps"] = Store.Secure ? "1" : "0",
        };
    }

    /// <summary>
    /// The RequestAuthentication that has the sidecars of team <paramref name="team"/>'s predictors check the
    /// tokens requests carry: Dex's ID tokens (people, which oauth2-proxy puts in the <c>Authorization</c> header
    /// the gateway forwards) and the cluster's service-account tokens (programs).
    /// </summary>
    public static JsonObject RequestAuthentication(ServingTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new JsonObject
        {
            ["apiVersion"] = "security.istio.io/v1",
            ["kind"] = "RequestAuthentication",
            ["metadata"] = new JsonObject { ["name"] = AccessName, ["namespace"] = team.Name },
            ["spec"] = new JsonObject
            {
                ["selector"] = PredictorSelector(),
                ["jwtRules"] = new JsonArray(
                    JwtRule(Kubeflow.DexClient.Issuer, $"{Kubeflow.DexClient.Issuer}/keys"),
                    JwtRule(ServiceAccountIssuer, ServiceAccountKeys)),
            },
        };
    }

    /// <summary>
    /// The AuthorizationPolicy that lets into team <paramref name="team"/>'s predictors the requests of its people
    /// (the owner and members, by the e-mail of their Dex token) and of its programs (a service-account token of its
    /// own namespace), whichever way they come: through the ingress gateway, the cluster-local gateway or Knative's
    /// activator. Kubeflow's own policy of the namespace adds its owner through the gateway, its own pods, and
    /// Knative's probes.
    /// </summary>
    public static JsonObject AuthorizationPolicy(ServingTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        var people = new JsonArray([.. team.People.Select(p => (JsonNode)JsonValue.Create(p))]);
        return new JsonObject
        {
            ["apiVersion"] = "security.istio.io/v1",
            ["kind"] = "AuthorizationPolicy",
            ["metadata"] = new JsonObject { ["name"] = AccessName, ["namespace"] = team.Name },
            ["spec"] = new JsonObject
            {
                ["action"] = "ALLOW",
                ["selector"] = PredictorSelector(),
                ["rules"] = new JsonArray(
                    new JsonObject
                    {
                        ["from"] = new JsonArray(new JsonObject { ["source"] = new JsonObject { ["requestPrincipals"] = new JsonArray($"{Kubeflow.DexClient.Issuer}/*") } }),
                        ["when"] = new JsonArray(new JsonObject { ["key"] = "request.auth.claims[email]", ["values"] = people }),
                    },
                    new JsonObject
                    {
                        ["from"] = new JsonArray(new JsonObject { ["source"] = new JsonObject { ["requestPrincipals"] = new JsonArray($"{ServiceAccountIssuer}/system:serviceaccount:{team.Name}:*") } }),
                    }),
            },
        };
    }

    /// <summary>The port Knative's queue-proxy serves the endpoint's request metrics on (<c>http-usermetric</c>), which Prometheus scrapes.</summary>
    public const int MetricsPort = 9091;

    /// <summary>
    /// The PeerAuthentication that keeps team <paramref name="team"/>'s predictors on mutual TLS but for the
    /// queue-proxy's metrics port, which Prometheus scrapes from outside the mesh (a workload's policy with a port of
    /// its own takes precedence over the namespace's strict one; Kubeflow's policy of the namespace lets
    /// <c>/metrics</c> through).
    /// </summary>
    public static JsonObject MetricsPortPolicy(ServingTeam team)
    {
        ArgumentNullException.ThrowIfNull(team);
        return new JsonObject
        {
            ["apiVersion"] = "security.istio.io/v1",
            ["kind"] = "PeerAuthentication",
            ["metadata"] = new JsonObject { ["name"] = $"{AccessName}-metrics", ["namespace"] = team.Name },
            ["spec"] = new JsonObject
            {
                ["selector"] = PredictorSelector(),
                ["mtls"] = new JsonObject { ["mode"] = "STRICT" },
                ["portLevelMtls"] = new JsonObject { [MetricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["mode"] = "PERMISSIVE" } },
            },
        };
    }

    /// <summary>The Ingress of team <paramref name="team"/>'s endpoints on the cluster's ingress controller, to the Istio ingress gateway, where there is an ingress.</summary>
    public JsonObject? TeamIngress(string team)
    {
        if (Ingress is null)
        {
            return null;
        }

        var host = IngressHost(team);
        var spec = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["host"] = host,
                ["http"] = new JsonObject
                {
                    ["paths"] = new JsonArray(new JsonObject
                    {
                        ["path"] = "/",
                        ["pathType"] = "Prefix",
                        ["backend"] = new JsonObject { ["service"] = new JsonObject { ["name"] = "istio-ingressgateway", ["port"] = new JsonObject { ["number"] = 80 } } },
                    }),
                },
            }),
        };
        if (Ingress.ClassName is not null)
        {
            spec["ingressClassName"] = Ingress.ClassName;
        }

        if (Ingress.ClusterIssuer is not null)
        {
            spec["tls"] = new JsonArray(new JsonObject { ["hosts"] = new JsonArray(host), ["secretName"] = IngressSpec.TlsSecret(IngressName(team)) });
        }

        return new JsonObject
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "Ingress",
            ["metadata"] = new JsonObject { ["name"] = IngressName(team), ["namespace"] = "istio-system", ["annotations"] = Ingress.Annotations() },
            ["spec"] = spec,
        };
    }

    /// <summary>The name of team <paramref name="team"/>'s Ingress.</summary>
    public static string IngressName(string team) => $"models-{team}";

    private static JsonObject PredictorSelector() => new() { ["matchLabels"] = new JsonObject { [PredictorLabel.Key] = PredictorLabel.Value } };

    private static JsonObject JwtRule(string issuer, string keys) => new()
    {
        ["issuer"] = issuer,
        ["jwksUri"] = keys,
        ["forwardOriginalToken"] = true,
        ["fromHeaders"] = new JsonArray(new JsonObject { ["name"] = "Authorization", ["prefix"] = "Bearer " }),
    };
}

/// <summary>A team that serves models.</summary>
/// <param name="Name">The team, its namespace.</param>
/// <param name="People">Its owner and members, by e-mail.</param>
/// <param name="Gpu">Whether it gets the GPU runtime: the cluster has a GPU pool and the team a GPU quota.</param>
public sealed record ServingTeam(string Name, ImmutableArray<string> People, bool Gpu);
