using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Postgres;
using Infra.Model.Redis;
using Infra.Model.Storage;

namespace Infra.Model.Gitlab;

/// <summary>
/// GitLab on the platform's services: its database in the shared PostgreSQL, its caches and queues in the shared
/// Redis as its own user, every object storage type in its buckets, served at <c>gitlab.&lt;domain&gt;</c> on the
/// cluster's ingress with certificates from the cert-manager issuer. The chart's own PostgreSQL, Redis, MinIO,
/// cert-manager, NGINX and Prometheus are off, the root password is generated, and the chart's runner
/// registers with the registration token its shared-secrets job generates into a Secret.
/// </summary>
/// <param name="Replicas">Web service and Sidekiq replicas.</param>
/// <param name="Cpu">The web service's CPU request.</param>
/// <param name="Memory">The web service's memory request.</param>
/// <param name="GitalyStorageGi">Gitaly's repository volume in GiB.</param>
/// <param name="StorageClass">The StorageClass of Gitaly's volume.</param>
/// <param name="Ingress">Where GitLab is served.</param>
/// <param name="User">GitLab's database and owner.</param>
/// <param name="Store">The object store of its buckets.</param>
/// <param name="Buckets">Its buckets, by purpose (e.g. <c>gitlab-artifacts</c>).</param>
/// <param name="Registry">The registry mirror images are pulled through, or null.</param>
/// <param name="Protect">Whether the release is protected from deletion.</param>
/// <param name="ScheduledBackups">Whether the toolbox backs GitLab up every night (where the stack has a backup target).</param>
/// <param name="Restore">The restore that brings GitLab back from its backup, or null.</param>
/// <param name="PythonIndex">The site's Python package index the CI jobs install from, or null for PyPI.</param>
public sealed record GitlabSpec(int Replicas, string Cpu, string Memory, int GitalyStorageGi, string StorageClass, IngressSpec Ingress, DatabaseUser User, ObjectStoreAccess Store, ImmutableDictionary<string, string> Buckets, string? Registry, bool Protect, bool ScheduledBackups = false, Backup.RestoreSpec? Restore = null, string? PythonIndex = null)
{
    /// <summary>GitLab's client of the platform's Dex, where people sign in through the company's provider, or null.</summary>
    public Kubeflow.DexClient? SignIn { get; init; }

    /// <summary>
    /// What stands for the client's secret while the provider is written as YAML, a plain scalar the writer leaves
    /// as it is; the generated secret (letters and digits) takes its place, as plain.
    /// </summary>
    public const string SecretPlaceholder = "GITLABDEXCLIENTSECRET";

    /// <summary>The Secret with GitLab's OmniAuth provider (key <c>provider</c>), which the chart mounts and loads.</summary>
    public const string OidcProviderSecret = "gitlab-oidc-provider";

    /// <summary>
    /// GitLab's client of Dex: where GitLab, Kubeflow (and so Dex) and a corporate connector (OIDC or LDAP) are on,
    /// people sign in to GitLab with the company's account through Dex, as to Kubeflow and Grafana. Not with
    /// Dex's GitLab connector alone, which signs people in through GitLab itself.
    /// </summary>
    public static Kubeflow.DexClient? SignInClientFor(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kubeflow = options.Platform?.Kubeflow;
        return options.IsEnabled(Gitlab.GitlabTechnology.Service) && options.IsEnabled(Kubeflow.KubeflowTechnology.Service)
            && (kubeflow?.OidcSignIn is not null || kubeflow?.LdapSignIn is not null) && IngressSpec.For(options) is { } ingress
            ? new Kubeflow.DexClient("gitlab", "GitLab", $"{ingress.Url(Namespace)}/users/auth/openid_connect/callback", "GITLAB_OIDC_CLIENT_SECRET", "gitlab-oidc-client") { OwnsPassword = true }
            : null;
    }

    /// <summary>
    /// GitLab's OmniAuth provider for Dex (the <c>openid_connect</c> strategy): the browser signs in at Dex behind
    /// the dashboard's host, GitLab reads tokens and keys from Dex in the cluster (whose issuer the tokens name),
    /// with the client's secret <paramref name="secret"/>.
    /// </summary>
    public string OidcProvider(string secret) => SignIn is not { } client ? throw new InvalidOperationException("GitLab signs in through Dex only with a corporate connector.") : Rendering.YamlText.Of(new JsonObject
    {
        ["name"] = "openid_connect",
        ["label"] = "Corporate sign-in",
        ["args"] = new JsonObject
        {
            ["name"] = "openid_connect",
            ["scope"] = new JsonArray("openid", "profile", "email"),
            ["response_type"] = "code",
            ["issuer"] = Kubeflow.DexClient.Issuer,
            ["discovery"] = false,
            ["client_auth_method"] = "basic",
            ["client_options"] = new JsonObject
            {
                ["identifier"] = client.Id,
                ["secret"] = secret,
                ["redirect_uri"] = client.RedirectUri,
                ["authorization_endpoint"] = Kubeflow.DexClient.AuthorizationUrl(Ingress),
                ["token_endpoint"] = Kubeflow.DexClient.TokenUrl,
                ["userinfo_endpoint"] = Kubeflow.DexClient.UserInfoUrl,
                ["jwks_uri"] = Kubeflow.DexClient.KeysUrl,
            },
        },
    });

    /// <summary>The restore's Job, its ServiceAccount and Role: it runs the chart's restore in the toolbox pod.</summary>
    public const string RestoreJob = "gitlab-restore";

    /// <summary>The Secret with Rails' keys, which the chart reads by default (<c>global.railsSecrets.secret</c>: <c>&lt;release&gt;-rails-secret</c>) and its shared-secrets job creates only where it is missing.</summary>
    public const string RailsSecret = "gitlab-rails-secret";

    /// <summary>The key of <see cref="RailsSecret"/> Rails reads its keys from.</summary>
    public const string RailsSecretKey = "secrets.yml";

    /// <summary>
    /// The image the restore Job runs: the chart's own kubectl image (<c>global.kubectl.image</c>, tagged with the
    /// GitLab version the chart deploys), which its hooks run too.
    /// </summary>
    public const string KubectlImage = GitlabVersions.ImageRegistry + "/gitlab-org/build/cng/kubectl:v" + GitlabVersions.AppVersion;

    /// <summary>
    /// When the toolbox's backup runs: nightly at 01:00, into the <c>gitlab-backups</c> bucket, before MinIO's
    /// mirror copies the buckets to the backup target at 02:30.
    /// </summary>
    public const string BackupSchedule = "0 1 * * *";

    /// <summary>The namespace and the release.</summary>
    public const string Namespace = "gitlab";

    /// <summary>The Secret (basic-auth) with GitLab's database credentials.</summary>
    public const string DatabaseSecret = "gitlab-database";

    /// <summary>The Secret with GitLab's Redis password.</summary>
    public const string RedisSecret = "gitlab-redis";

    /// <summary>The Redis user (and service) name of GitLab.</summary>
    public const string RedisUser = "gitlab";

    /// <summary>The Secret with the object storage configurations: Rails' connection, the registry's storage and the backups' s3cmd file.</summary>
    public const string StorageSecret = "gitlab-object-storage";

    /// <summary>The Secret cert-manager writes the web service Ingress's certificate into.</summary>
    public const string WebserviceTlsSecret = "gitlab-webservice-tls";

    /// <summary>The Secret cert-manager writes the container registry Ingress's certificate into.</summary>
    public const string RegistryTlsSecret = "gitlab-registry-tls";

    /// <summary>The Secret with the generated root password.</summary>
    public const string RootPasswordSecret = "gitlab-initial-root-password";

    /// <summary>How long the release may take: a first install migrates a new database, in seconds.</summary>
    public const int ReleaseTimeoutSeconds = 1800;

    /// <summary>GitLab's minimum across the cluster's CPU pools: the chart's documented 8 vCPUs and 30 GB.</summary>
    public static (int Cpu, int MemoryGi) Minimum { get; } = (8, 28);

    /// <summary>The decisions for <paramref name="options"/>, or null where GitLab is off or cannot run (validation says why).</summary>
    public static GitlabSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static GitlabSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(Gitlab.GitlabTechnology.Service) || ObjectStoreAccess.For(options) is not { } store || IngressSpec.For(options) is not { } ingress)
        {
            return null;
        }

        var block = options.Platform?.Gitlab;
        var production = options.IsProduction;
        var buckets = ObjectStoreSpec.Purposes(StoreConsumer.Gitlab)
            .ToImmutableDictionary(p => p, p => ObjectStoreSpec.BucketName(Validated.Required(options.Environment), p), StringComparer.Ordinal);
        return new GitlabSpec(
            block?.Replicas ?? (production ? 2 : 1),
            block?.Cpu ?? (production ? "1" : "300m"),
            block?.Memory ?? (production ? "4Gi" : "2.5Gi"),
            (int)(Quantity.ToGibibytes(block?.Storage) ?? (production ? 200 : 50)),
            StorageSpec.For(options).Default?.Name ?? "default",
            ingress,
            PostgresSpec.UsersFor(options).Single(u => u.Service == Namespace),
            store,
            buckets,
            options.Platform?.Registry,
            production,
            Infra.Model.Backup.BackupTarget.For(options) is not null,
            Infra.Model.Backup.RestoreSpec.For(options),
            options.Platform?.Mirrors?.Python)
        {
            SignIn = SignInClientFor(options),
        };
    }

    /// <summary>
    /// The restore's script, as the chart's restore guide runs it (doc/backup-restore/restore.md at v9.9.1): the
    /// backup named in the setting or the newest in the backups bucket, the web service and Sidekiq stopped by
    /// their labels while <c>backup-utility --restore</c> runs in the toolbox pod (<c>GITLAB_ASSUME_YES</c>, which
    /// GitLab's restore task reads, answers its questions), then started again (their autoscalers take over).
    /// </summary>
    public string RestoreScript()
    {
        var restore = Restore ?? throw new InvalidOperationException("No restore: the restore Job runs only in one.");
        var bucket = Buckets["gitlab-backups"];
        var ns = $"kubectl -n {Namespace}";
        var selector = $"-l app=toolbox,release={Namespace}";
        return new System.Text.StringBuilder()
            .Append("set -eu\n")
            .Append(CultureInfo.InvariantCulture, $"{ns} wait --for=condition=Ready pod {selector} --timeout=15m\n")
            .Append(CultureInfo.InvariantCulture, $"toolbox=$({ns} get pods {selector} -o jsonpath='{{.items[0].metadata.name}}')\n")
            .Append(restore.GitlabBackup is { } id
                ? $"id={id}\n"
                : $"id=$({ns} exec \"$toolbox\" -- s3cmd ls s3://{bucket}/ | sed -n 's|.*/\\([0-9]\\{{10\\}}_.*\\)_gitlab_backup\\.tar$|\\1|p' | sort | tail -n 1)\n")
            .Append(CultureInfo.InvariantCulture, $"[ -n \"$id\" ] || {{ echo 'No GitLab backup in s3://{bucket}/: restore the bucket first.' >&2; exit 1; }}\n")
            .Append(CultureInfo.InvariantCulture, $"echo \"Restoring GitLab backup $id\"\n")
            .Append(CultureInfo.InvariantCulture, $"{ns} scale deployment -l app=webservice,release={Namespace} --replicas=0\n")
            .Append(CultureInfo.InvariantCulture, $"{ns} scale deployment -l app=sidekiq,release={Namespace} --replicas=0\n")
            .Append(CultureInfo.InvariantCulture, $"{ns} exec \"$toolbox\" -- env GITLAB_ASSUME_YES=1 backup-utility --restore -t \"$id\"\n")
            .Append(CultureInfo.InvariantCulture, $"{ns} scale deployment -l app=webservice,release={Namespace} --replicas={Replicas}\n")
            .Append(CultureInfo.InvariantCulture, $"{ns} scale deployment -l app=sidekiq,release={Namespace} --replicas={Replicas}\n")
            .ToString();
    }

    /// <summary>The restore's Job: the chart's kubectl image under the restricted profile, as the restore's ServiceAccount, tried once (a half-run restore is looked at, not repeated).</summary>
    public JsonObject RestoreJobManifest() =>
        RestrictedJob.Once(RestoreJob, Namespace, Images.Through(Registry, KubectlImage), RestoreScript(), RestoreJob, deadlineSeconds: 6 * 3600);

    /// <summary>What the restore may do in GitLab's namespace: find and exec into the toolbox pod, and scale the deployments.</summary>
    public static JsonArray RestoreRules() => new(
        new JsonObject { ["apiGroups"] = new JsonArray(""), ["resources"] = new JsonArray("pods"), ["verbs"] = new JsonArray("get", "list", "watch") },
        new JsonObject { ["apiGroups"] = new JsonArray(""), ["resources"] = new JsonArray("pods/exec"), ["verbs"] = new JsonArray("create") },
        new JsonObject { ["apiGroups"] = new JsonArray("apps"), ["resources"] = new JsonArray("deployments"), ["verbs"] = new JsonArray("get", "list") },
        new JsonObject { ["apiGroups"] = new JsonArray("apps"), ["resources"] = new JsonArray("deployments/scale"), ["verbs"] = new JsonArray("get", "patch", "update") });

    /// <summary>GitLab's external URL.</summary>
    public string Url => Ingress.Url(Namespace);

    /// <summary>The identity GitLab's object storage uses.</summary>
    public static string Identity => ObjectStoreSpec.IdentityName(StoreConsumer.Gitlab);

    /// <summary>
    /// An object storage configuration in <see cref="StorageSecret"/> with the secret access key in place:
    /// <c>connection</c> (Rails, fog), <c>registry</c> (the registry's S3 driver) or <c>s3cfg</c> (backups, s3cmd).
    /// </summary>
    public static string StorageConfig(string key, ObjectStoreAccess store, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(store);
        var accessKey = store.AccessKey(Identity);
        var host = new Uri(store.Endpoint).Authority;
        return key switch
        {
            "connection" => $"provider: AWS\nregion: {store.Region}\naws_access_key_id: {accessKey}\naws_secret_access_key: {secretKey}\nendpoint: {store.Endpoint}\npath_style: {(store.PathStyle ? "true" : "false")}\n",
            "registry" => $"s3:\n  accesskey: {accessKey}\n  secretkey: {secretKey}\n  region: {store.Region}\n  regionendpoint: {store.Endpoint}\n  bucket: {{bucket}}\n  forcepathstyle: {(store.PathStyle ? "true" : "false")}\n",
            "s3cfg" => $"[default]\naccess_key = {accessKey}\nsecret_key = {secretKey}\nhost_base = {host}\nhost_bucket = {(store.PathStyle ? host : "%(bucket)s." + host)}\nuse_https = {(store.Secure ? "True" : "False")}\nbucket_location = {store.Region}\n",
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown storage configuration."),
        };
    }

    /// <summary>The keys of <see cref="StorageSecret"/>.</summary>
    public static ImmutableArray<string> StorageKeys { get; } = ["connection", "registry", "s3cfg"];

    /// <summary>The storage configuration <paramref name="key"/> with the registry bucket filled in.</summary>
    public string StorageConfigFor(string key, string secretKey) =>
        StorageConfig(key, Store, secretKey).Replace("{bucket}", Buckets["gitlab-registry"], StringComparison.Ordinal);

    /// <summary>
    /// The Kubernetes executor of the chart's runner subchart: jobs run as pods in GitLab's namespace, in the
    /// default job image unless a job names one, through the registry mirror where one is set, and with the site's
    /// Python index as <c>PIP_INDEX_URL</c> where one is set.
    /// </summary>
    public string RunnerConfig()
    {
        var helper = Registry is null
            ? string.Empty
            : $"\n    helper_image = \"{Images.Through(Registry, GitlabVersions.RunnerHelperImage)}\"";
        // The jobs' environment belongs to the runner, before its executor's table.
        var environment = PythonIndex is null ? string.Empty : $"\n  environment = [\"PIP_INDEX_URL={PythonIndex}\"]";
        return $"""
            [[runners]]{environment}
              [runners.kubernetes]
                namespace = "{Namespace}"
                image = "{Images.Through(Registry, GitlabVersions.DefaultJobImage)}"{helper}
                cpu_request = "500m"
                memory_request = "1Gi"
                memory_limit = "4Gi"

            """;
    }

    private JsonObject Runner()
    {
        var runner = new JsonObject
        {
            ["install"] = true,
            ["rbac"] = new JsonObject { ["create"] = true },
            ["runners"] = new JsonObject { ["locked"] = false, ["config"] = RunnerConfig() },
        };
        if (Registry is not null)
        {
            runner["image"] = new JsonObject { ["registry"] = Images.Through(Registry, GitlabVersions.ImageRegistry) };
        }

        return runner;
    }

    /// <summary>The chart's values: the platform's services wired in by Secret, the bundled ones off.</summary>
    public JsonObject Values()
    {
        JsonObject Bucket(string purpose) => new() { ["bucket"] = Buckets[purpose] };
        var https = Ingress.ClusterIssuer is not null;
        var ingress = new JsonObject
        {
            ["configureCertmanager"] = false,
            ["annotations"] = Ingress.Annotations(),
            ["tls"] = new JsonObject { ["enabled"] = https },
        };
        if (Ingress.ClassName is not null)
        {
            ingress["class"] = Ingress.ClassName;
        }

        var global = new JsonObject
        {
            ["edition"] = "ce",
            ["hosts"] = new JsonObject { ["domain"] = Ingress.Domain, ["https"] = https },
            ["ingress"] = ingress,
            ["initialRootPassword"] = SecretKey(RootPasswordSecret, "password"),
            ["psql"] = new JsonObject
            {
                ["host"] = PostgresSpec.Host,
                ["port"] = 5432,
                ["database"] = User.Database,
                ["username"] = User.Owner,
                ["password"] = new JsonObject { ["useSecret"] = true, ["secret"] = DatabaseSecret, ["key"] = "password" },
            },
            ["redis"] = new JsonObject
            {
                ["host"] = RedisSpec.Host,
                ["port"] = RedisSpec.Port,
                ["user"] = RedisUser,
                ["auth"] = new JsonObject { ["enabled"] = true, ["secret"] = RedisSecret, ["key"] = "password" },
            },
            ["minio"] = new JsonObject { ["enabled"] = false },
            ["kas"] = new JsonObject { ["enabled"] = false },
            ["registry"] = new JsonObject { ["bucket"] = Buckets["gitlab-registry"] },
            ["appConfig"] = new JsonObject
            {
                ["object_store"] = new JsonObject { ["enabled"] = true, ["proxy_download"] = true, ["connection"] = SecretKey(StorageSecret, "connection") },
                ["artifacts"] = Bucket("gitlab-artifacts"),
                ["lfs"] = Bucket("gitlab-lfs"),
                ["uploads"] = Bucket("gitlab-uploads"),
                ["packages"] = Bucket("gitlab-packages"),
                ["backups"] = new JsonObject { ["bucket"] = Buckets["gitlab-backups"], ["tmpBucket"] = Buckets["gitlab-tmp"] },
            },
        };
        if (SignIn is not null)
        {
            // The chart's global.appConfig.omniauth (templates/_omniauth.tpl at 9.9.1): people signed in by Dex get an
            // account, linked by e-mail to an existing one, with their name and e-mail from the company's provider.
            global["appConfig"]!["omniauth"] = new JsonObject
            {
                ["enabled"] = true,
                ["allowSingleSignOn"] = new JsonArray("openid_connect"),
                ["blockAutoCreatedUsers"] = false,
                ["autoLinkUser"] = new JsonArray("openid_connect"),
                ["syncProfileFromProvider"] = new JsonArray("openid_connect"),
                ["syncProfileAttributes"] = new JsonArray("email", "name"),
                ["providers"] = new JsonArray(new JsonObject { ["secret"] = OidcProviderSecret, ["key"] = "provider" }),
            };
        }
        var values = new JsonObject
        {
            ["global"] = global,
            ["upgradeCheck"] = new JsonObject { ["enabled"] = false },
            ["installCertmanager"] = false,
            ["nginx-ingress"] = new JsonObject { ["enabled"] = false },
            ["prometheus"] = new JsonObject { ["install"] = false },
            ["redis"] = new JsonObject { ["install"] = false },
            ["postgresql"] = new JsonObject { ["install"] = false },
            ["gitlab-runner"] = Runner(),
            ["registry"] = new JsonObject
            {
                ["storage"] = SecretKey(StorageSecret, "registry"),
                ["hpa"] = new JsonObject { ["minReplicas"] = Replicas, ["maxReplicas"] = Replicas * 2 },
            },
            ["gitlab"] = new JsonObject
            {
                ["webservice"] = new JsonObject
                {
                    ["minReplicas"] = Replicas,
                    ["maxReplicas"] = Replicas * 2,
                    ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = Cpu, ["memory"] = Memory } },
                },
                ["sidekiq"] = new JsonObject { ["minReplicas"] = Replicas, ["maxReplicas"] = Replicas * 2 },
                ["gitaly"] = new JsonObject
                {
                    ["persistence"] = new JsonObject { ["size"] = $"{GitalyStorageGi}Gi", ["storageClass"] = StorageClass },
                },
                ["toolbox"] = new JsonObject
                {
                    ["backups"] = Backups(),
                },
            },
        };
        if (https)
        {
            // Each Ingress its own certificate, which cert-manager writes for the issuer the annotation names; with every
            // enabled Ingress's Secret named, the chart runs no self-signed job (its gitlab.ingress.tls.configured).
            Set(values, "gitlab.webservice.ingress.tls.secretName", WebserviceTlsSecret);
            Set(values, "registry.ingress.tls.secretName", RegistryTlsSecret);
        }

        foreach (var (value, repository) in Registry is null ? [] : GitlabVersions.ChartImages)
        {
            Set(values, value, Images.Through(Registry, repository));
        }

        return values;
    }

    // The toolbox's backups: to the gitlab-backups bucket through the s3cmd configuration; with a backup target,
    // every night, staged on a volume as large as Gitaly's (a backup holds every repository).
    private JsonObject Backups()
    {
        var backups = new JsonObject { ["objectStorage"] = new JsonObject { ["config"] = SecretKey(StorageSecret, "s3cfg") } };
        if (ScheduledBackups)
        {
            backups["cron"] = new JsonObject
            {
                ["enabled"] = true,
                ["schedule"] = BackupSchedule,
                ["persistence"] = new JsonObject { ["enabled"] = true, ["size"] = $"{GitalyStorageGi}Gi", ["storageClass"] = StorageClass },
            };
        }

        return backups;
    }

    // A key of a Secret, as the chart's values name one.
    private static JsonObject SecretKey(string name, string key) => new() { ["secret"] = name, ["key"] = key };

    /// <summary>Sets the value at the dotted <paramref name="path"/>, adding the objects on the way that are not there yet.</summary>
    private static void Set(JsonObject root, string path, string value)
    {
        var keys = path.Split('.');
        var at = root;
        foreach (var key in keys[..^1])
        {
            if (at[key] is not JsonObject next)
            {
                next = [];
                at[key] = next;
            }

            at = next;
        }

        at[keys[^1]] = value;
    }
}
