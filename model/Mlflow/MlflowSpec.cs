using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Postgres;

namespace Infra.Model.Mlflow;

/// <summary>
/// The MLflow tracking server and model registry: runs and registered models in its PostgreSQL database,
/// artifacts in its object store bucket (proxied, so clients need no object store credentials), and basic
/// authentication with a generated admin, its users and permissions in a second database.
/// </summary>
/// <param name="Replicas">Server replicas.</param>
/// <param name="Cpu">The server's CPU request.</param>
/// <param name="Memory">The server's memory request and limit.</param>
/// <param name="Bucket">The artifact bucket.</param>
/// <param name="User">MLflow's databases and owner.</param>
/// <param name="Registry">The registry mirror images are pulled through, or null.</param>
/// <param name="Ingress">The ingress it is served behind, or null for in-cluster only.</param>
/// <param name="Store">The object store of the artifacts.</param>
public sealed record MlflowSpec(int Replicas, string Cpu, string Memory, string Bucket, DatabaseUser User, string? Registry, IngressSpec? Ingress, ObjectStoreAccess Store)
{
    /// <summary>What a user may do with experiments and registered models it neither created nor was granted.</summary>
    public const string DefaultPermission = "NO_PERMISSIONS";

    /// <summary>The namespace and the Helm release's name.</summary>
    public const string Namespace = "mlflow";

    /// <summary>The tracking server's pod port, where the chart's Service points.</summary>
    public const int ServerPort = 5000;

    /// <summary>The Secret (basic-auth) with MLflow's database credentials, in its namespace.</summary>
    public const string DatabaseSecret = "mlflow-database";

    /// <summary>The Secret with MLflow's object store credentials.</summary>
    public const string StoreSecret = "mlflow-s3";

    /// <summary>The Secret (basic-auth) with the generated admin's credentials.</summary>
    public const string AdminSecret = "mlflow-admin";

    /// <summary>The ConfigMap with the AWS client configuration that makes boto3 use path-style requests.</summary>
    public const string AwsConfigMap = "mlflow-aws-config";

    /// <summary>Where the server reads the AWS client configuration.</summary>
    public const string AwsConfigDirectory = "/etc/mlflow/aws";

    /// <summary>The AWS client configuration: path-style requests (which MinIO answers without wildcard DNS) where the store wants them.</summary>
    public string AwsConfig => $"[default]\nregion = {Store.Region}\ns3 =\n    addressing_style = {(Store.PathStyle ? "path" : "virtual")}\n";

    /// <summary>The admin's user name.</summary>
    public const string AdminUser = "admin";

    /// <summary>The in-cluster URL of the tracking server (<c>MLFLOW_TRACKING_URI</c>).</summary>
    public const string Url = "http://mlflow.mlflow.svc.cluster.local";

    /// <summary>The decisions for <paramref name="options"/>, or null where MLflow is disabled.</summary>
    public static MlflowSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static MlflowSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(Mlflow.MlflowTechnology.Service) || ObjectStoreAccess.For(options) is not { } store)
        {
            return null;
        }

        var block = options.Platform?.Mlflow;
        var production = options.IsProduction;
        return new MlflowSpec(
            block?.Replicas ?? (production ? 2 : 1),
            block?.Cpu ?? (production ? "1" : "250m"),
            block?.Memory ?? (production ? "4Gi" : "1Gi"),
            ObjectStoreSpec.BucketName(Validated.Required(options.Environment), ObjectStoreSpec.Purposes(StoreConsumer.Mlflow)[0]),
            PostgresSpec.UsersFor(options).Single(u => u.Service == Namespace),
            options.Platform?.Registry,
            IngressSpec.For(options),
            store);
    }

    /// <summary>The tracking URI users reach: the ingress host where there is one, else the in-cluster URL.</summary>
    public string TrackingUri => Ingress?.Url(Namespace) ?? Url;

    /// <summary>An image through the registry mirror, where one is set: <c>&lt;mirror&gt;/&lt;image&gt;</c>.</summary>
    public string Image(string image) => Images.Through(Registry, image);

    /// <summary>The chart's values: pinned images, the databases, the bucket and the admin, credentials only by Secret.</summary>
    public JsonObject Values()
    {
        JsonObject Pinned(string image, string tag) => new() { ["repository"] = Image(image), ["tag"] = tag };
        JsonObject Postgres(string database) => new()
        {
            ["enabled"] = true,
            ["host"] = PostgresSpec.Host,
            ["port"] = 5432,
            ["database"] = database,
            ["driver"] = "psycopg2",
        };
        JsonObject Credentials() => new() { ["name"] = DatabaseSecret, ["usernameKey"] = "username", ["passwordKey"] = "password" };

        var auth = Postgres(User.AuthDatabase!);
        auth["existingSecret"] = Credentials();
        return new JsonObject
        {
            ["replicaCount"] = Replicas,
            // The chart's container defaults meet the restricted standard but for seccomp, which the pod's context
            // gives every container, the init containers too (templates/deployment.yaml at mlflow-1.11.5); Helm
            // merges it with the chart's fsGroup.
            ["podSecurityContext"] = new JsonObject { ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" } },
            ["image"] = Pinned(MlflowVersions.Image, MlflowVersions.Tag),
            ["initImages"] = new JsonObject
            {
                ["dbchecker"] = Pinned(MlflowVersions.Busybox, MlflowVersions.BusyboxTag),
                ["mlflowDbMigration"] = Pinned(MlflowVersions.Image, MlflowVersions.Tag),
                ["iniFileInitializer"] = Pinned(MlflowVersions.Busybox, MlflowVersions.BusyboxTag),
            },
            ["resources"] = new JsonObject
            {
                ["requests"] = new JsonObject { ["cpu"] = Cpu, ["memory"] = Memory },
                ["limits"] = new JsonObject { ["memory"] = Memory },
            },
            ["backendStore"] = new JsonObject
            {
                ["databaseMigration"] = true,
                ["databaseConnectionCheck"] = true,
                ["postgres"] = Postgres(User.Database),
                ["existingDatabaseSecret"] = Credentials(),
            },
            ["artifactRoot"] = new JsonObject
            {
                ["proxiedArtifactStorage"] = true,
                ["s3"] = new JsonObject
                {
                    ["enabled"] = true,
                    ["bucket"] = Bucket,
                    ["existingSecret"] = new JsonObject
                    {
                        ["name"] = StoreSecret,
                        ["keyOfAccessKeyId"] = ObjectStoreAccess.AccessKeyVariable,
                        ["keyOfSecretAccessKey"] = ObjectStoreAccess.SecretKeyVariable,
                    },
                },
            },
            ["extraEnvVars"] = new JsonObject
            {
                ["MLFLOW_S3_ENDPOINT_URL"] = Store.Endpoint,
                ["AWS_DEFAULT_REGION"] = Store.Region,
                ["AWS_CONFIG_FILE"] = $"{AwsConfigDirectory}/config",
            },
            ["extraVolumes"] = new JsonArray(new JsonObject { ["name"] = "aws-config", ["configMap"] = new JsonObject { ["name"] = AwsConfigMap } }),
            ["extraVolumeMounts"] = new JsonArray(new JsonObject { ["name"] = "aws-config", ["mountPath"] = AwsConfigDirectory, ["readOnly"] = true }),
            ["ingress"] = IngressValues(),
            ["auth"] = new JsonObject
            {
                ["enabled"] = true,
                ["existingAdminSecret"] = new JsonObject { ["name"] = AdminSecret, ["usernameKey"] = "username", ["passwordKey"] = "password" },
                // A team's user reaches only what it created (MLflow gives the creator MANAGE) or was granted: no team
                // reads another's runs and models (the chart's auth_ini_configmap.yaml writes it as default_permission).
                ["defaultPermission"] = DefaultPermission,
                ["postgres"] = auth,
            },
        };
    }

    private JsonObject IngressValues()
    {
        if (Ingress is null)
        {
            return new JsonObject { ["enabled"] = false };
        }

        var values = new JsonObject
        {
            ["enabled"] = true,
            ["annotations"] = Ingress.Annotations(),
            ["hosts"] = new JsonArray(new JsonObject
            {
                ["host"] = Ingress.Host(Namespace),
                ["paths"] = new JsonArray(new JsonObject { ["path"] = "/", ["pathType"] = "Prefix" }),
            }),
            ["tls"] = Ingress.Tls(Namespace),
        };
        if (Ingress.ClassName is not null)
        {
            values["className"] = Ingress.ClassName;
        }

        return values;
    }

    /// <summary>
    /// A budget that keeps all but one server up through node drains, where there is more than one; the chart
    /// has none. It selects the chart's pods by their name and instance labels.
    /// </summary>
    public JsonObject? DisruptionBudget() => Replicas < 2 ? null : new JsonObject
    {
        ["apiVersion"] = "policy/v1",
        ["kind"] = "PodDisruptionBudget",
        ["metadata"] = new JsonObject { ["name"] = Namespace, ["namespace"] = Namespace },
        ["spec"] = new JsonObject
        {
            ["maxUnavailable"] = 1,
            ["selector"] = new JsonObject
            {
                ["matchLabels"] = new JsonObject { ["app.kubernetes.io/name"] = "mlflow", ["app.kubernetes.io/instance"] = Namespace },
            },
        },
    };
}
