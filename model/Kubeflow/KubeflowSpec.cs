using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Stacks;

namespace Infra.Model.Kubeflow;

/// <summary>
/// Kubeflow from the pinned kubeflow/manifests release: the chosen applications and the common services they
/// need, sign-in through Dex and oauth2-proxy with generated credentials only (the release's example user and
/// secrets are removed by this repository's overlays), a <c>Profile</c> per team over the team's namespace,
/// and the dashboard behind the cluster ingress.
/// </summary>
/// <param name="Applications">The chosen applications.</param>
/// <param name="Units">Their kustomizations with the common services'.</param>
/// <param name="Users">Dex's static users, by e-mail: the platform admin, then each team owner.</param>
/// <param name="Profiles">One profile per team.</param>
/// <param name="Ingress">The ingress the dashboard is served behind, or null.</param>
/// <param name="Registry">The registry mirror images are pulled through, or null.</param>
/// <param name="Services">What a team's pods reach through the <c>mlops-services</c> PodDefault, or null without notebooks.</param>
/// <param name="KatibDatabase">Katib's database and role on the shared PostgreSQL, where Katib runs.</param>
/// <param name="PipelinesStores">Pipelines' databases and buckets on the platform's stores, where Pipelines runs.</param>
/// <param name="GitlabSignIn">Dex's GitLab connector, where team members sign in with GitLab.</param>
/// <param name="Clients">The other services people sign in to through Dex (Grafana), beside oauth2-proxy.</param>
/// <param name="Replicas">How many replicas each workload that may run more than once runs: 1, or 2 in production.</param>
public sealed record KubeflowSpec(ImmutableArray<string> Applications, ImmutableArray<KubeflowComponent> Units, ImmutableArray<string> Users, ImmutableArray<KubeflowProfile> Profiles, IngressSpec? Ingress, string? Registry, TeamServices? Services = null, Postgres.DatabaseUser? KatibDatabase = null, PipelinesStores? PipelinesStores = null, GitlabSignIn? GitlabSignIn = null, int Replicas = 1, ImmutableArray<DexClient> Clients = default)
{
    /// <summary>Dex's connectors to the company's identity provider (OIDC, LDAP), from config.</summary>
    public ImmutableArray<DexConnector> Connectors { get; init; } = [];

    /// <summary>The namespace of Kubeflow's applications.</summary>
    public const string Namespace = "kubeflow";

    /// <summary>
    /// The rules the engine applies to <paramref name="unit"/>'s objects: its workloads' time to become ready,
    /// the registry mirror where one is set, and, with more than one replica, the replicas of the workloads that may
    /// run more than once.
    /// </summary>
    public ImmutableArray<Planning.PlanTransform> TransformsOf(KubeflowComponent unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var transforms = ImmutableArray.Create<Planning.PlanTransform>(new Planning.PlanTransform.WorkloadTimeouts(KubeflowVersions.WorkloadTimeout));
        if (Registry is not null)
        {
            transforms = transforms.Add(new Planning.PlanTransform.MirrorImages(Registry));
            if (KubeflowImages.Named(unit.Name) is { Length: > 0 } named)
            {
                transforms = transforms.Add(new Planning.PlanTransform.MirrorNamedImages(Registry, named));
            }
        }

        if (unit.Name == "knative-serving" && Applications.Contains("kserve"))
        {
            // The endpoints' domain, where the release's gateways overlay names example.com.
            transforms = transforms.Add(new Planning.PlanTransform.ConfigMapData("knative-serving", "config-domain",
                ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(Serving.ServingSpec.DomainFor(Ingress), string.Empty)])));
        }

        return Replicas > 1 && unit.RunsMoreThanOnce
            ? transforms.Add(new Planning.PlanTransform.Replicas(Replicas, unit.Replicated, unit.Autoscaled))
            : transforms;
    }

    /// <summary>How many times <paramref name="unit"/> runs as a whole: <see cref="Replicas"/> where every workload it names runs more than once, else once.</summary>
    public int ReplicasOf(KubeflowComponent unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return unit.Single.IsEmpty && unit.RunsMoreThanOnce ? Replicas : 1;
    }

    /// <summary>The Secret (basic-auth) in <c>kubeflow</c> with Katib's database credentials, which the katib overlay reads.</summary>
    public const string KatibDatabaseSecret = "katib-database";

    /// <summary>The Pipelines API, for the SDK's <c>KFP_HOST</c>.</summary>
    public const string PipelinesApiUrl = "http://ml-pipeline.kubeflow.svc.cluster.local:8888";

    /// <summary>ML Metadata's gRPC endpoint.</summary>
    public const string MetadataEndpoint = "metadata-grpc-service.kubeflow.svc.cluster.local:8080";

    /// <summary>Whether Pipelines with ML Metadata runs.</summary>
    public bool Pipelines => Applications.Contains("pipelines");

    /// <summary>The PodDefault in each team's namespace that notebooks and pipelines opt into.</summary>
    public const string ServicesPodDefault = "mlops-services";

    /// <summary>Dex's namespace.</summary>
    public const string AuthNamespace = "auth";

    /// <summary>oauth2-proxy's namespace.</summary>
    public const string ProxyNamespace = "oauth2-proxy";

    /// <summary>The Secret with the static users' bcrypt hashes, which Dex reads as environment variables.</summary>
    public const string PasswordHashesSecret = "dex-passwords";

    /// <summary>The Secret with the static users' passwords, for the platform team to hand out.</summary>
    public const string UserPasswordsSecret = "kubeflow-user-passwords";

    /// <summary>The Secret with the OIDC client Dex knows oauth2-proxy by.</summary>
    public const string OidcClientSecret = "dex-oidc-client";

    /// <summary>The OIDC client's ID.</summary>
    public const string OidcClientId = "kubeflow-oidc-authservice";

    /// <summary>Dex's configuration ConfigMap.</summary>
    public const string DexConfigMap = "dex";

    /// <summary>oauth2-proxy's Secret (client and cookie secrets).</summary>
    public const string ProxySecret = "oauth2-proxy";

    /// <summary>
    /// The ConfigMap of oauth2-proxy's settings that depend on the stack, which the <c>kubeflow/oauth2-proxy</c>
    /// overlay's Deployment reads: <c>cookieSecure</c>.
    /// </summary>
    public const string ProxySettingsConfigMap = "oauth2-proxy-settings";

    /// <summary>
    /// Whether oauth2-proxy marks its session cookie secure (HTTPS only): where the dashboard is served over
    /// HTTPS, that is behind an ingress with a cert-manager issuer; a secure cookie over plain HTTP would never
    /// come back, so sign-in would loop.
    /// </summary>
    public bool SecureCookies => Ingress?.ClusterIssuer is not null;

    /// <summary>The in-cluster address of the Istio ingress gateway, where the dashboard is served.</summary>
    public const string GatewayUrl = "http://istio-ingressgateway.istio-system.svc.cluster.local";

    /// <summary>The decisions for <paramref name="options"/>, or null where Kubeflow is disabled.</summary>
    public static KubeflowSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static KubeflowSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(Kubeflow.KubeflowTechnology.Service))
        {
            return null;
        }

        var applications = ApplicationsFor(options);
        var ingress = IngressSpec.For(options);
        var admin = AdminFor(ingress);
        var teams = options.Teams ?? [];
        var gitlab = GitlabSignIn.For(options, ingress);
        var connectors = DexConnector.For(options.Platform?.Kubeflow, ingress is null ? null : $"{ingress.Url("kubeflow")}/dex/callback");

        // With GitLab or the company's sign-in the team owners sign in there; the admin keeps a generated password
        // to get in without it (break-glass).
        var owners = gitlab is null && connectors.IsEmpty ? teams.Select(t => t.Owner).OfType<string>() : [];
        var users = new[] { admin }.Concat(owners).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        var profiles = applications.Contains("profiles")
            ? teams.Where(t => t.Name is not null && t.Owner is not null).Select(t => new KubeflowProfile(t.Name!, t.Owner!, t.CpuQuota, t.MemoryQuota, t.GpuQuota)
                {
                    Contributors = [.. (t.Members ?? []).Where(m => m.User is not null).Select(m => new KubeflowContributor(t.Name!, m.User!, m.Role ?? MemberRole.Edit))],
                }).ToImmutableArray()
            : [];
        var store = ObjectStore.ObjectStoreAccess.For(options);
        var services = applications.Contains("notebooks")
            ? new TeamServices(
                options.IsEnabled(Mlflow.MlflowTechnology.Service) ? Mlflow.MlflowSpec.Url : null,
                store?.Endpoint,
                store?.Region,
                store is null ? null : ObjectStore.ObjectStoreSpec.BucketName(Validated.Required(options.Environment), "teams"),
                options.Platform?.Mirrors?.Python)
            : null;
        var katib = applications.Contains("katib") ? Postgres.PostgresSpec.UsersFor(options).Single(u => u.Service == "katib") : null;
        return new KubeflowSpec(applications, KubeflowCatalog.For(applications, options.Platform?.Network?.Isolation != false), users, profiles, ingress, options.Platform?.Registry, services, katib, PipelinesStores.For(options), gitlab, options.IsProduction ? 2 : 1,
            [.. new[] { Monitoring.MonitoringSpec.SignInClientFor(options), Gitlab.GitlabSpec.SignInClientFor(options) }.OfType<DexClient>()])
        {
            Connectors = connectors,
        };
    }

    /// <summary>The other services' clients of Dex.</summary>
    public ImmutableArray<DexClient> SignInClients => Clients.IsDefault ? [] : Clients;

    /// <summary>The platform admin's e-mail, Dex's first static user: <c>admin@&lt;domain&gt;</c>.</summary>
    public static string AdminFor(IngressSpec? ingress) => $"admin@{ingress?.Domain ?? "kubeflow.local"}";

    /// <summary>The chosen applications: <c>mlops:platform.kubeflow.components</c>, else the level's defaults, in catalog order.</summary>
    public static ImmutableArray<string> ApplicationsFor(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var chosen = options.Platform?.Kubeflow?.Components ?? KubeflowCatalog.Defaults(options.Maturity ?? MaturityLevel.Level0);
        return [.. KubeflowCatalog.Applications.Where(chosen.Contains)];
    }

    /// <summary>The dashboard's URL: the ingress host where there is one, else the in-cluster gateway.</summary>
    public string DashboardUrl => Ingress?.Url("kubeflow") ?? GatewayUrl;

    /// <summary>The environment variable Dex reads user <paramref name="index"/>'s hash from.</summary>
    public static string HashVariable(int index) => $"DEX_USER_{index}_HASH";

    /// <summary>A Secret key for a user's e-mail: Secret keys allow letters, digits, '-', '_' and '.'.</summary>
    public static string UserKey(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return new string([.. email.Replace("@", "_at_", StringComparison.Ordinal).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
    }

    /// <summary>The logical name of a user's generated password.</summary>
    public static string PasswordName(string email) => $"kubeflow-{UserKey(email).ToLowerInvariant().Replace('_', '-').Replace('.', '-')}-password";

    /// <summary>
    /// Dex's configuration: Kubernetes storage, the password database with the generated static users (each
    /// hash from its environment variable), and oauth2-proxy as the OIDC client, its secret from the environment.
    /// </summary>
    public string DexConfig()
    {
        // Built as data and serialized, so that no e-mail or name ('*ops@example.com', '[ops]@example.com') can
        // break the YAML or add keys to it.
        var users = new JsonArray();
        for (var i = 0; i < Users.Length; i++)
        {
            var email = Users[i];
            users.Add((JsonNode)new JsonObject
            {
                ["email"] = email,
                ["hashFromEnv"] = HashVariable(i),
                ["username"] = email[..email.IndexOf('@', StringComparison.Ordinal)],
                ["userID"] = UserId(email),
            });
        }

        var config = new JsonObject
        {
            ["issuer"] = DexClient.Issuer,
            ["storage"] = new JsonObject { ["type"] = "kubernetes", ["config"] = new JsonObject { ["inCluster"] = true } },
            ["web"] = new JsonObject { ["http"] = "0.0.0.0:5556" },
            ["logger"] = new JsonObject { ["level"] = "info", ["format"] = "text" },
            ["oauth2"] = new JsonObject { ["skipApprovalScreen"] = true },
            ["enablePasswordDB"] = true,
            ["staticPasswords"] = users,
            ["staticClients"] = new JsonArray([
                new JsonObject
                {
                    ["idEnv"] = "OIDC_CLIENT_ID",
                    ["redirectURIs"] = new JsonArray("/oauth2/callback"),
                    ["name"] = "Kubeflow",
                    ["secretEnv"] = "OIDC_CLIENT_SECRET",
                },
                .. SignInClients.Select(c => (JsonNode)c.Entry()),
            ]),
        };
        JsonNode[] connectors = [.. new[] { GitlabSignIn?.Connector() }.OfType<JsonObject>(), .. Connectors.Select(c => c.Entry.DeepClone())];
        if (connectors.Length > 0)
        {
            config["connectors"] = new JsonArray(connectors);
        }

        return Rendering.YamlText.Of(config);
    }

    /// <summary>A stable user ID for Dex, from the e-mail.</summary>
    public static string UserId(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16];

    /// <summary>The dashboard's ingress to the Istio gateway, where there is an ingress.</summary>
    public JsonObject? DashboardIngress()
    {
        if (Ingress is null)
        {
            return null;
        }

        var spec = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["host"] = Ingress.Host("kubeflow"),
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
            spec["tls"] = Ingress.Tls("kubeflow");
        }

        return new JsonObject
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "Ingress",
            ["metadata"] = new JsonObject { ["name"] = "kubeflow", ["namespace"] = "istio-system", ["annotations"] = Ingress.Annotations() },
            ["spec"] = spec,
        };
    }
}

/// <summary>
/// Dex's GitLab connector: people sign in with their GitLab accounts through an instance-wide OAuth application
/// whose secret Dex reads from <see cref="SecretVariable"/> (in the <c>dex-oidc-client</c> Secret), and come
/// back to Dex at <see cref="RedirectUri"/>. Kubeflow knows them by their GitLab e-mail addresses.
/// </summary>
/// <param name="Url">GitLab's URL.</param>
/// <param name="ClientId">The OAuth application's ID.</param>
/// <param name="ClientSecret">The OAuth application's secret.</param>
/// <param name="RedirectUri">Dex's callback behind the dashboard's host.</param>
/// <param name="CaCertificate">The PEM certificate of the CA that signs GitLab's certificate, where Dex must trust it, or null.</param>
public sealed record GitlabSignIn(string Url, string ClientId, Configuration.SecretSetting ClientSecret, string RedirectUri, string? CaCertificate = null)
{
    /// <summary>The environment variable Dex expands the application's secret from.</summary>
    public const string SecretVariable = "GITLAB_CLIENT_SECRET";

    /// <summary>
    /// The ConfigMap in <c>auth</c> with GitLab's CA as <c>ca.crt</c>, which the <c>kubeflow/dex</c> overlay mounts
    /// (optionally) where <c>SSL_CERT_FILE</c> points, so Dex trusts it beside the image's public CAs.
    /// </summary>
    public const string CaConfigMap = "dex-gitlab-ca";

    /// <summary>The connector for <paramref name="options"/>, or null without <c>mlops:platform.kubeflow.gitlabSignIn</c> or an ingress.</summary>
    public static GitlabSignIn? For(PlatformOptions options, IngressSpec? ingress)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Platform?.Kubeflow?.GitlabSignIn is not { ClientId: { Length: > 0 } clientId, ClientSecret: { } secret } block || ingress is null)
        {
            return null;
        }

        var url = block.Url?.TrimEnd('/') ?? ingress.Url("gitlab");
        return new GitlabSignIn(url, clientId, secret, $"{ingress.Url("kubeflow")}/dex/callback", block.CaCertificate);
    }

    /// <summary>The connector's entry in Dex's configuration.</summary>
    public JsonObject Connector() => new()
    {
        ["type"] = "gitlab",
        ["id"] = "gitlab",
        ["name"] = "GitLab",
        ["config"] = new JsonObject
        {
            ["baseURL"] = Url,
            ["clientID"] = ClientId,
            ["clientSecret"] = $"${SecretVariable}",
            ["redirectURI"] = RedirectUri,
        },
    };
}

/// <summary>The platform services a team's pods are pointed at: MLflow, and the team's prefix of the teams' bucket.</summary>
/// <param name="MlflowUrl">MLflow's in-cluster tracking URI, or null where MLflow is off.</param>
/// <param name="StoreEndpoint">The object store's endpoint, or null without one.</param>
/// <param name="StoreRegion">Its region.</param>
/// <param name="TeamsBucket">The teams' bucket.</param>
/// <param name="PythonIndex">The site's Python package index, or null for PyPI.</param>
public sealed record TeamServices(string? MlflowUrl, string? StoreEndpoint, string? StoreRegion, string? TeamsBucket, string? PythonIndex = null)
{
    /// <summary>
    /// The <c>mlops-services</c> PodDefault in <paramref name="team"/>'s namespace: pods labelled
    /// <c>mlops-services: "true"</c> (a checkbox in the notebook form) get MLflow's URI and the team's MLflow
    /// user, the object store's endpoint and the team's identity and folder.
    /// </summary>
    public JsonObject PodDefault(string team)
    {
        var env = new JsonArray();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                env.Add((JsonNode)new JsonObject { ["name"] = name, ["value"] = value });
            }
        }

        Add("MLFLOW_TRACKING_URI", MlflowUrl);
        Add("AWS_ENDPOINT_URL", StoreEndpoint);
        Add("AWS_DEFAULT_REGION", StoreRegion);
        Add("TEAM_BUCKET_URL", TeamsBucket is null ? null : $"s3://{TeamsBucket}/{team}/");
        Add("PIP_INDEX_URL", PythonIndex);
        var spec = new JsonObject
        {
            ["desc"] = "MLflow and the team's object store folder",
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { [KubeflowSpec.ServicesPodDefault] = "true" } },
            ["env"] = env,
        };
        var secrets = new JsonArray();
        if (MlflowUrl is not null)
        {
            secrets.Add((JsonNode)new JsonObject { ["secretRef"] = new JsonObject { ["name"] = Mlflow.MlflowTeamUsers.TeamSecret } });
        }

        if (StoreEndpoint is not null)
        {
            secrets.Add((JsonNode)new JsonObject { ["secretRef"] = new JsonObject { ["name"] = Teams.TeamNamespaces.StoreSecret } });
        }

        if (secrets.Count > 0)
        {
            spec["envFrom"] = secrets;
        }

        return new JsonObject
        {
            ["apiVersion"] = "kubeflow.org/v1alpha1",
            ["kind"] = "PodDefault",
            ["metadata"] = new JsonObject { ["name"] = KubeflowSpec.ServicesPodDefault, ["namespace"] = team },
            ["spec"] = spec,
        };
    }
}

/// <summary>A team's Kubeflow profile: its namespace, owner and quota.</summary>
/// <param name="Name">The team, and the profile's namespace.</param>
/// <param name="Owner">The owner's e-mail.</param>
/// <param name="Cpu">The CPU quota, or null.</param>
/// <param name="Memory">The memory quota, or null.</param>
/// <param name="Gpus">The GPU quota, or null.</param>
public sealed record KubeflowProfile(string Name, string Owner, string? Cpu, string? Memory, int? Gpus)
{
    /// <summary>The team's members beside its owner, bound as Kubeflow's contributors.</summary>
    public ImmutableArray<KubeflowContributor> Contributors { get; init; } = [];

    /// <summary>The <c>Profile</c>: the owner, and a quota on requests including <c>requests.nvidia.com/gpu</c>.</summary>
    public JsonObject Manifest()
    {
        var hard = new JsonObject();
        if (Cpu is not null)
        {
            hard["requests.cpu"] = Cpu;
        }

        if (Memory is not null)
        {
            hard["requests.memory"] = Memory;
        }

        hard["requests.nvidia.com/gpu"] = (Gpus ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["apiVersion"] = "kubeflow.org/v1",
            ["kind"] = "Profile",
            ["metadata"] = new JsonObject { ["name"] = Name },
            ["spec"] = new JsonObject
            {
                ["owner"] = new JsonObject { ["kind"] = "User", ["name"] = Owner },
                ["resourceQuotaSpec"] = new JsonObject { ["hard"] = hard },
            },
        };
    }
}
