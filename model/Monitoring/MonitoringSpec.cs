using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Storage;

namespace Infra.Model.Monitoring;

/// <summary>
/// The platform's monitoring: kube-prometheus-stack in its own namespace, with Prometheus scraping what every running
/// technology declares (<see cref="ScrapeTarget"/>) and alerting on its rules (<see cref="AlertRule"/>), Alertmanager
/// sending to the configured receivers, and Grafana behind the ingress with sign-in through the platform's Dex.
/// </summary>
/// <param name="Replicas">Prometheus replicas (each scrapes everything; two keep alerts firing through a restart).</param>
/// <param name="Cpu">Each Prometheus replica's CPU request.</param>
/// <param name="Memory">Each Prometheus replica's memory request and limit.</param>
/// <param name="Retention">How long samples are kept.</param>
/// <param name="StorageGi">Each Prometheus replica's volume in GiB.</param>
/// <param name="StorageClass">The StorageClass of the volumes.</param>
/// <param name="AlertmanagerReplicas">Alertmanager replicas, which deduplicate notifications between them.</param>
/// <param name="RemoteWrite">The stores every sample is also written to.</param>
/// <param name="Receivers">Where alerts go.</param>
/// <param name="Environment">The stack's environment, the <c>cluster</c> label of every series that leaves it.</param>
/// <param name="Ingress">The ingress Grafana is served behind, or null for in-cluster only.</param>
/// <param name="SignIn">Grafana's client of the platform's Dex, where people sign in through it; null where only the admin signs in.</param>
/// <param name="Admins">The e-mail addresses Grafana makes administrators when they sign in through Dex.</param>
/// <param name="Registry">The registry mirror the images are pulled through, or null.</param>
public sealed record MonitoringSpec(
    int Replicas,
    string Cpu,
    string Memory,
    string Retention,
    int StorageGi,
    string StorageClass,
    int AlertmanagerReplicas,
    ImmutableArray<RemoteWriteStore> RemoteWrite,
    AlertReceivers Receivers,
    string Environment,
    IngressSpec? Ingress,
    Kubeflow.DexClient? SignIn,
    ImmutableArray<string> Admins,
    string? Registry)
{
    /// <summary>The namespace.</summary>
    public const string Namespace = "monitoring";

    /// <summary>The Helm release; the chart names its objects after it.</summary>
    public const string Release = "kube-prometheus-stack";

    /// <summary>The API group and version of the Prometheus Operator's monitors and rules.</summary>
    public const string ApiVersion = "monitoring.coreos.com/v1";

    /// <summary>The Secret with Grafana's generated admin (the chart's <c>admin.existingSecret</c>).</summary>
    public const string GrafanaAdminSecret = "grafana-admin";

    /// <summary>The Grafana admin's user name, for break-glass access.</summary>
    public const string GrafanaAdminUser = "admin";

    /// <summary>The logical name of Grafana's generated admin password.</summary>
    public const string GrafanaAdminPassword = "grafana-admin-password";

    /// <summary>The Secret with Grafana's client secret for Dex, which Grafana reads as an environment variable.</summary>
    public const string GrafanaSignInSecret = "grafana-oidc";

    /// <summary>The Secret with the receivers' credentials, mounted into Alertmanager under <see cref="SecretsFolder"/>.</summary>
    public const string ReceiversSecret = "alertmanager-receivers";

    /// <summary>Where the Prometheus Operator mounts <see cref="ReceiversSecret"/> in Alertmanager (its <c>alertmanagerSpec.secrets</c>).</summary>
    public const string SecretsFolder = "/etc/alertmanager/secrets/" + ReceiversSecret;

    /// <summary>The Secret with the remote-write stores' passwords, one key a store.</summary>
    public const string RemoteWriteSecret = "prometheus-remote-write";

    /// <summary>The label of ConfigMaps Grafana's sidecar loads as dashboards, and its value (the chart's defaults).</summary>
    public static KeyValuePair<string, string> DashboardLabel { get; } = KeyValuePair.Create("grafana_dashboard", "1");

    /// <summary>Prometheus's in-cluster query URL.</summary>
    public const string PrometheusUrl = "http://kube-prometheus-stack-prometheus.monitoring.svc.cluster.local:9090";

    /// <summary>The Grafana service's name, behind the ingress.</summary>
    public const string GrafanaService = "grafana";

    /// <summary>Grafana's in-cluster URL.</summary>
    public const string GrafanaClusterUrl = "http://kube-prometheus-stack-grafana.monitoring.svc.cluster.local";

    /// <summary>The decisions for <paramref name="options"/>, or null where monitoring is off.</summary>
    public static MonitoringSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static MonitoringSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(MonitoringTechnology.Service))
        {
            return null;
        }

        var production = options.IsProduction;
        var block = options.Platform?.Monitoring;
        var ingress = IngressSpec.For(options);
        return new MonitoringSpec(
            block?.Replicas ?? (production ? 2 : 1),
            block?.Cpu ?? (production ? "1" : "250m"),
            block?.Memory ?? (production ? "8Gi" : "2Gi"),
            block?.Retention ?? (production ? "15d" : "3d"),
            (int)(Quantity.ToGibibytes(block?.Storage) ?? (production ? 100 : 20)),
            StorageSpec.For(options).Default?.Name ?? "default",
            production ? 2 : 1,
            [.. (block?.RemoteWrite ?? []).Select((w, i) => new RemoteWriteStore(Validated.Required(w.Url), w.Username, w.Password, $"password-{i}"))],
            AlertReceivers.For(block?.Alerts),
            Validated.Required(options.Environment),
            ingress,
            SignInClientFor(options),
            [Kubeflow.KubeflowSpec.AdminFor(ingress)],
            options.Platform?.Registry);
    }

    /// <summary>
    /// Grafana's client of the platform's Dex, where monitoring runs, Kubeflow (and so Dex) runs, and Grafana is
    /// behind the ingress (a browser must reach both); else null, and only Grafana's admin signs in.
    /// </summary>
    public static Kubeflow.DexClient? SignInClientFor(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsEnabled(MonitoringTechnology.Service) && options.IsEnabled(Kubeflow.KubeflowTechnology.Service) && IngressSpec.For(options) is { } ingress
            ? new Kubeflow.DexClient("grafana", "Grafana", $"{ingress.Url(GrafanaService)}/login/generic_oauth", "GRAFANA_CLIENT_SECRET", "grafana-oidc-client")
            : null;
    }

    /// <summary>Grafana's URL: its host behind the ingress, else in the cluster.</summary>
    public string GrafanaUrl => Ingress?.Url(GrafanaService) ?? GrafanaClusterUrl;

    /// <summary>The most the samples may take of a volume before Prometheus drops the oldest, so that a full volume never stops it: 85%.</summary>
    public string RetentionSize => string.Create(CultureInfo.InvariantCulture, $"{StorageGi * 85 / 100}GB");

    /// <summary>
    /// The chart's values: every image through the mirror; the monitors, rules and probes of every namespace selected
    /// (not only the release's); the control plane's components a Tanzu cluster does not expose left unscraped;
    /// Prometheus sized, with retention, a volume and the remote-write stores; Alertmanager with the receivers; and
    /// Grafana with its generated admin and, where Dex signs people in, single sign-on.
    /// </summary>
    public JsonObject Values()
    {
        var values = new JsonObject
        {
            ["crds"] = new JsonObject { ["enabled"] = true },
            ["defaultRules"] = new JsonObject
            {
                ["create"] = true,
                ["rules"] = new JsonObject
                {
                    // The Supervisor runs a Tanzu cluster's control plane: its etcd, scheduler, controller manager
                    // and kube-proxy metrics are not served to the workload cluster.
                    ["etcd"] = false,
                    ["kubeSchedulerAlerting"] = false,
                    ["kubeSchedulerRecording"] = false,
                    ["kubeControllerManager"] = false,
                    ["kubeProxy"] = false,
                },
            },
            ["kubeEtcd"] = new JsonObject { ["enabled"] = false },
            ["kubeScheduler"] = new JsonObject { ["enabled"] = false },
            ["kubeControllerManager"] = new JsonObject { ["enabled"] = false },
            ["kubeProxy"] = new JsonObject { ["enabled"] = false },
            ["kube-state-metrics"] = new JsonObject { ["metricLabelsAllowlist"] = new JsonArray(MonitoringRules.HelmSecretLabels) },
            ["prometheus"] = new JsonObject { ["prometheusSpec"] = PrometheusValues() },
            ["alertmanager"] = AlertmanagerValues(),
            ["grafana"] = GrafanaValues(),
        };
        if (Registry is { } mirror)
        {
            foreach (var image in MonitoringVersions.ChartImages)
            {
                var at = HelmValues.At(values, image.ValuesPath);
                at["registry"] = mirror;
                at["repository"] = $"{image.Registry}/{image.Repository}";
            }
        }

        return values;
    }

    private JsonObject PrometheusValues()
    {
        var spec = new JsonObject
        {
            ["replicas"] = Replicas,
            ["retention"] = Retention,
            ["retentionSize"] = RetentionSize,
            ["externalLabels"] = new JsonObject { ["cluster"] = Environment },
            ["serviceMonitorSelectorNilUsesHelmValues"] = false,
            ["podMonitorSelectorNilUsesHelmValues"] = false,
            ["ruleSelectorNilUsesHelmValues"] = false,
            ["probeSelectorNilUsesHelmValues"] = false,
            ["scrapeConfigSelectorNilUsesHelmValues"] = false,
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = Cpu, ["memory"] = Memory },
                ["limits"] = new JsonObject { ["memory"] = Memory },
            },
            ["storageSpec"] = Volume($"{StorageGi}Gi"),
        };
        if (!RemoteWrite.IsEmpty)
        {
            spec["remoteWrite"] = new JsonArray([.. RemoteWrite.Select(w => (JsonNode)w.Values())]);
        }

        return spec;
    }

    private JsonObject AlertmanagerValues() => new()
    {
        ["config"] = Receivers.Config(),
        ["alertmanagerSpec"] = new JsonObject
        {
            ["replicas"] = AlertmanagerReplicas,
            ["secrets"] = Receivers.Any ? new JsonArray(ReceiversSecret) : new JsonArray(),
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = "50m", ["memory"] = "128Mi" },
                ["limits"] = new JsonObject { ["memory"] = "256Mi" },
            },
            ["storage"] = Volume("2Gi"),
        },
    };

    // A volume of each replica, as the operator's StorageSpec takes it.
    private JsonObject Volume(string size) => new()
    {
        ["volumeClaimTemplate"] = new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["storageClassName"] = StorageClass,
                ["accessModes"] = new JsonArray("ReadWriteOnce"),
                ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["storage"] = size } },
            },
        },
    };

    private JsonObject GrafanaValues()
    {
        var ini = new JsonObject
        {
            ["server"] = new JsonObject { ["root_url"] = GrafanaUrl },
            ["users"] = new JsonObject { ["allow_sign_up"] = false },
            ["auth"] = new JsonObject { ["disable_login_form"] = false },
            ["analytics"] = new JsonObject { ["reporting_enabled"] = false, ["check_for_updates"] = false, ["check_for_plugin_updates"] = false },
        };
        var grafana = new JsonObject
        {
            ["admin"] = new JsonObject { ["existingSecret"] = GrafanaAdminSecret, ["userKey"] = "admin-user", ["passwordKey"] = "admin-password" },
            ["defaultDashboardsEnabled"] = true,
            ["grafana.ini"] = ini,
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "256Mi" },
                ["limits"] = new JsonObject { ["memory"] = "512Mi" },
            },
        };
        if (SignIn is { } client && Ingress is { } ingress)
        {
            ini["auth.generic_oauth"] = new JsonObject
            {
                ["enabled"] = true,
                ["name"] = "Kubeflow",
                ["client_id"] = client.Id,
                ["client_secret"] = "$__env{GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET}",
                ["scopes"] = "openid profile email groups",
                ["auth_url"] = Kubeflow.DexClient.AuthorizationUrl(ingress),
                ["token_url"] = Kubeflow.DexClient.TokenUrl,
                ["api_url"] = Kubeflow.DexClient.UserInfoUrl,
                ["email_attribute_path"] = "email",
                ["login_attribute_path"] = "email",
                ["role_attribute_path"] = RoleMapping(),
                ["allow_sign_up"] = true,
                ["use_pkce"] = true,
            };
            grafana["envValueFrom"] = new JsonObject
            {
                ["GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET"] = new JsonObject
                {
                    ["secretKeyRef"] = new JsonObject { ["name"] = GrafanaSignInSecret, ["key"] = "client-secret" },
                },
            };
        }

        if (Ingress is { } served)
        {
            var ingressValues = new JsonObject
            {
                ["enabled"] = true,
                ["annotations"] = served.Annotations(),
                ["hosts"] = new JsonArray(served.Host(GrafanaService)),
                ["tls"] = served.Tls(GrafanaService),
            };
            if (served.ClassName is { } className)
            {
                ingressValues["ingressClassName"] = className;
            }

            grafana["ingress"] = ingressValues;
        }

        return grafana;
    }

    // Dex's users are the platform admin and the teams' people: the admin is Grafana's Admin, everyone else a Viewer.
    private string RoleMapping() =>
        $"contains([{string.Join(", ", Admins.Select(a => $"'{a.Replace("'", string.Empty, StringComparison.Ordinal)}'"))}], email) && 'Admin' || 'Viewer'";
}

/// <summary>A store every sample is also written to.</summary>
/// <param name="Url">Its remote-write URL.</param>
/// <param name="Username">Its basic-auth user, or null.</param>
/// <param name="Password">That user's password, a secret setting, or null.</param>
/// <param name="SecretKey">The key of the password in <see cref="MonitoringSpec.RemoteWriteSecret"/>.</param>
public sealed record RemoteWriteStore(string Url, string? Username, SecretSetting? Password, string SecretKey)
{
    /// <summary>Its entry of <c>prometheusSpec.remoteWrite</c> (the operator's RemoteWriteSpec).</summary>
    public JsonObject Values()
    {
        var entry = new JsonObject { ["url"] = Url };
        if (Username is { } user && Password is not null)
        {
            entry["basicAuth"] = new JsonObject
            {
                ["username"] = new JsonObject { ["name"] = MonitoringSpec.RemoteWriteSecret, ["key"] = UserKey },
                ["password"] = new JsonObject { ["name"] = MonitoringSpec.RemoteWriteSecret, ["key"] = SecretKey },
            };
        }

        return entry;
    }

    /// <summary>The key of the user in <see cref="MonitoringSpec.RemoteWriteSecret"/> (the operator reads both from a Secret).</summary>
    public string UserKey => SecretKey.Replace("password-", "username-", StringComparison.Ordinal);
}
