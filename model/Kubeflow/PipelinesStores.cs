using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Postgres;

namespace Infra.Model.Kubeflow;

/// <summary>
/// Kubeflow Pipelines on the platform's stores instead of the release's MySQL and MinIO: the API server and ML
/// Metadata each on their own database and role in the shared PostgreSQL, uploaded pipeline packages in the
/// Pipelines bucket, and each team's runs under the team's own prefix of the teams' bucket with the team's own
/// identity, for artifacts (the launcher's <c>kfp-launcher</c> configuration) and archived step logs (Argo's
/// <c>artifact-repositories</c>). The <c>kubeflow/pipelines</c> overlay reads the Secrets and the ConfigMap named here.
/// </summary>
/// <param name="Api">The API server's database and role.</param>
/// <param name="Metadata">ML Metadata's database and role.</param>
/// <param name="Store">The object store.</param>
/// <param name="Bucket">The Pipelines bucket, for uploaded pipeline packages.</param>
/// <param name="TeamsBucket">The teams' bucket, whose team prefixes hold the runs' artifacts and logs.</param>
public sealed record PipelinesStores(DatabaseUser Api, DatabaseUser Metadata, ObjectStoreAccess Store, string Bucket, string TeamsBucket)
{
    /// <summary>The namespace Pipelines runs in.</summary>
    public const string Namespace = KubeflowSpec.Namespace;

    /// <summary>The Secret (basic-auth) with the API server's database credentials.</summary>
    public const string ApiDatabaseSecret = "kubeflow-pipelines-database";

    /// <summary>The Secret (basic-auth) with ML Metadata's database credentials.</summary>
    public const string MetadataDatabaseSecret = "ml-metadata-database";

    /// <summary>The Secret with the Pipelines identity's keys, under the name and keys the release's components read.</summary>
    public const string StoreSecret = "mlpipeline-minio-artifact";

    /// <summary>The ConfigMap with the stores' addresses, which the overlay's patched components read.</summary>
    public const string StoresConfigMap = "kubeflow-pipelines-stores";

    /// <summary>The launcher's configuration in a team's namespace: the default pipeline root and how to reach it.</summary>
    public const string LauncherConfigMap = "kfp-launcher";

    /// <summary>Argo's per-namespace artifact repositories, where a team's step logs are archived.</summary>
    public const string ArtifactRepositoriesConfigMap = "artifact-repositories";

    /// <summary>
    /// The Secret with <paramref name="team"/>'s identity that its log repository names: in the team's namespace,
    /// where Argo archives the logs, and in <c>kubeflow</c>, where the UI reads archived logs back (it looks the
    /// repository's Secret up in its own namespace), hence a name per team.
    /// </summary>
    public static string LogsSecret(string team) => $"kfp-logs-{team}";

    /// <summary>The logical name of the copy of <see cref="LogsSecret"/> in <c>kubeflow</c>.</summary>
    public static string LogsSecretForUi(string team) => $"{LogsSecret(team)}-{Namespace}";

    /// <summary>The key of the default repository in <see cref="ArtifactRepositoriesConfigMap"/>.</summary>
    public const string DefaultRepositoryKey = "default-v1";

    /// <summary>The annotation that names the default repository.</summary>
    public const string DefaultRepositoryAnnotation = "workflows.argoproj.io/default-artifact-repository";

    /// <summary>The Pipelines identity in the object store.</summary>
    public static string Identity => ObjectStoreSpec.IdentityName(StoreConsumer.KubeflowPipelines);

    /// <summary>The stores for <paramref name="options"/>, or null where Pipelines does not run or there is no object store.</summary>
    public static PipelinesStores? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static PipelinesStores? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(Kubeflow.KubeflowTechnology.Service) || !KubeflowSpec.ApplicationsFor(options).Contains("pipelines") || ObjectStoreAccess.For(options) is not { } store)
        {
            return null;
        }

        return new PipelinesStores(
            PostgresSpec.PipelinesApi,
            PostgresSpec.PipelinesMetadata,
            store,
            ObjectStoreSpec.BucketName(Validated.Required(options.Environment), ObjectStoreSpec.Purposes(StoreConsumer.KubeflowPipelines)[0]),
            ObjectStoreSpec.BucketName(Validated.Required(options.Environment), ObjectStoreSpec.Purposes(StoreConsumer.Team)[0]));
    }

    private Uri Endpoint => new(Store.Endpoint);

    /// <summary>The store's host and, where it is not the scheme's default, port: how Argo names an S3 endpoint.</summary>
    public string StoreAddress => Endpoint.IsDefaultPort ? Endpoint.Host : $"{Endpoint.Host}:{Endpoint.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The stores' addresses, as the overlay's patched API server and ML Metadata read them: PostgreSQL's host,
    /// port and databases; the object store's host, port (empty for the scheme's default, the API server's reading),
    /// port number (always, for the UI's MinIO client, which parses it), TLS and region; the bucket.
    /// </summary>
    public ImmutableArray<(string Key, string Value)> Settings() =>
    [
        ("postgresHost", PostgresSpec.Host),
        ("postgresPort", PostgresSpec.Port.ToString(CultureInfo.InvariantCulture)),
        ("pipelineDb", Api.Database),
        ("metadataDb", Metadata.Database),
        ("objectStoreHost", Endpoint.Host),
        ("objectStorePort", Endpoint.IsDefaultPort ? string.Empty : Endpoint.Port.ToString(CultureInfo.InvariantCulture)),
        ("objectStorePortNumber", Endpoint.Port.ToString(CultureInfo.InvariantCulture)),
        ("objectStoreSecure", Store.Secure ? "true" : "false"),
        ("objectStoreRegion", Store.Region),
        ("bucketName", Bucket),
    ];

    /// <summary>The Pipelines identity's keys under the names the release's components read.</summary>
    public IReadOnlyList<(string Key, Planning.PlanValue Value)> StoreKeys() =>
        [("accesskey", Planning.PlanValue.Of(Store.AccessKey(Identity))), ("secretkey", Store.SecretKey(Identity))];

    /// <summary>The default pipeline root of <paramref name="team"/>: <c>s3://&lt;teams bucket&gt;/&lt;team&gt;/pipelines</c>.</summary>
    public string PipelineRoot(string team) => $"s3://{TeamsBucket}/{team}/pipelines";

    /// <summary>
    /// The launcher's configuration in <paramref name="team"/>'s namespace: runs default to the team's pipeline
    /// root, and the launcher (and the UI, for previews) reach the store with the team's <c>team-s3</c> identity.
    /// </summary>
    public ImmutableArray<(string Key, string Value)> LauncherConfig(string team) =>
    [
        ("defaultPipelineRoot", PipelineRoot(team)),
        ("providers", $"""
            s3:
              default:
                endpoint: {Store.Endpoint}
                region: {Store.Region}
                disableSSL: {(Store.Secure ? "false" : "true")}
                forcePathStyle: {(Store.PathStyle ? "true" : "false")}
                credentials:
                  fromEnv: false
                  secretRef:
                    secretName: {Teams.TeamNamespaces.StoreSecret}
                    accessKeyKey: {ObjectStoreAccess.AccessKeyVariable}
                    secretKeyKey: {ObjectStoreAccess.SecretKeyVariable}

            """),
    ];

    /// <summary>
    /// Argo's default artifact repository in <paramref name="team"/>'s namespace: step logs are archived under
    /// <c>&lt;team&gt;/logs/</c> in the teams' bucket with the team's identity (<see cref="LogsSecret"/>), not in a
    /// bucket every team shares.
    /// </summary>
    public ImmutableArray<(string Key, string Value)> ArtifactRepositories(string team) =>
    [
        (DefaultRepositoryKey, $$$"""
            archiveLogs: true
            s3:
              endpoint: {{{StoreAddress}}}
              bucket: {{{TeamsBucket}}}
              region: {{{Store.Region}}}
              insecure: {{{(Store.Secure ? "false" : "true")}}}
              keyFormat: "{{{team}}}/logs/{{workflow.name}}/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}/{{pod.name}}"
              accessKeySecret:
                name: {{{LogsSecret(team)}}}
                key: {{{ObjectStoreAccess.AccessKeyVariable}}}
              secretKeySecret:
                name: {{{LogsSecret(team)}}}
                key: {{{ObjectStoreAccess.SecretKeyVariable}}}

            """),
    ];

    /// <summary>The annotations of <see cref="ArtifactRepositoriesConfigMap"/>: its default repository.</summary>
    public static ImmutableSortedDictionary<string, string> ArtifactRepositoriesAnnotations { get; } =
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(DefaultRepositoryAnnotation, DefaultRepositoryKey)]);

    /// <summary>
    /// The ConfigMaps as manifests, for review: the stores' addresses in kubeflow, then each team's launcher and
    /// log repository configuration.
    /// </summary>
    public IEnumerable<JsonObject> Manifests(IEnumerable<string> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        yield return ConfigMap(StoresConfigMap, Namespace, Settings(), null);
        foreach (var team in teams)
        {
            yield return ConfigMap(LauncherConfigMap, team, LauncherConfig(team), null);
            yield return ConfigMap(ArtifactRepositoriesConfigMap, team, ArtifactRepositories(team), ArtifactRepositoriesAnnotations);
        }
    }

    private static JsonObject ConfigMap(string name, string ns, IEnumerable<(string Key, string Value)> data, IReadOnlyDictionary<string, string>? annotations)
    {
        var metadata = new JsonObject { ["name"] = name, ["namespace"] = ns };
        if (annotations is not null)
        {
            metadata["annotations"] = new JsonObject([.. annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
        }

        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = metadata,
            ["data"] = new JsonObject([.. data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value))]),
        };
    }
}
