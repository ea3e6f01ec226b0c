using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;

namespace Infra.Model.Serving;

/// <summary>
/// Where a team's endpoints log their requests and responses: KServe's logger (the InferenceService's
/// <c>spec.predictor.logger</c>) posts each as a CloudEvent to the team's <c>inference-logger</c>, a Vector
/// (vectordotdev/vector v0.57.0: an <c>http_server</c> source, an <c>aws_s3</c> sink) that writes them, gzipped
/// newline-delimited JSON with the CloudEvent's <c>Ce-*</c> headers (the model, its namespace, request or response),
/// into the team's folder with the team's own identity; a daily CronJob deletes what is older than the retention.
/// Vector because it is maintained, small (one static binary), speaks plain HTTP in and S3 out with batching and
/// retries, and needs nothing else; Knative Eventing, the other sink KServe documents, would add a broker and a
/// channel layer to every cluster.
/// </summary>
public static class InferenceLogging
{
    /// <summary>The logger's name: its Deployment, Service and ConfigMap.</summary>
    public const string Name = "inference-logger";

    /// <summary>The retention CronJob's name.</summary>
    public const string RetentionJob = "inference-log-retention";

    /// <summary>Vector's image: the static build on distroless, pinned by its release's tag (its Docker README's tag scheme).</summary>
    public const string Image = "docker.io/timberio/vector:0.57.0-distroless-static";

    /// <summary>The port the logger listens on.</summary>
    public const int Port = 8080;

    /// <summary>The folder, under the team's, the logs go to.</summary>
    public const string Folder = "inference-logs";

    /// <summary>The URL KServe's logger posts to, in team <paramref name="team"/>'s namespace.</summary>
    public static string Url(string team) => $"http://{Name}.{team}.svc.cluster.local";

    /// <summary>Vector's configuration for team <paramref name="team"/>: the requests and responses into <c>s3://&lt;teams bucket&gt;/&lt;team&gt;/inference-logs/date=&lt;day&gt;/</c>.</summary>
    public static string Configuration(ServingSpec spec, string team)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return string.Join('\n',
        [
            "data_dir: /var/lib/vector",
            "sources:",
            "  kserve:",
            "    type: http_server",
            $"    address: 0.0.0.0:{Port}",
            "    decoding:",
            "      codec: json",
            "    headers: [\"Ce-*\"]",
            "sinks:",
            "  team_folder:",
            "    type: aws_s3",
            "    inputs: [kserve]",
            $"    endpoint: {spec.Store.Endpoint}",
            $"    region: {spec.Store.Region}",
            $"    force_path_style: {(spec.Store.PathStyle ? "true" : "false")}",
            $"    bucket: {spec.TeamsBucket}",
            $"    key_prefix: {team}/{Folder}/date=%F/",
            "    compression: gzip",
            "    encoding:",
            "      codec: json",
            "    framing:",
            "      method: newline_delimited",
            "    batch:",
            "      timeout_secs: 60",
            string.Empty,
        ]);
    }

    /// <summary>The logger's Deployment: Vector as a non-root user with the team's identity from <c>team-s3</c>.</summary>
    public static JsonObject Deployment(ServingSpec spec, string team)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var labels = new JsonObject { ["app.kubernetes.io/name"] = Name };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = team, ["labels"] = labels.DeepClone() },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["selector"] = new JsonObject { ["matchLabels"] = labels.DeepClone() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() },
                    ["spec"] = new JsonObject
                    {
                        ["securityContext"] = new JsonObject { ["runAsNonRoot"] = true, ["runAsUser"] = 65532, ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" } },
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "vector",
                            ["image"] = Images.Through(spec.Registry, Image),
                            ["args"] = new JsonArray("--config", "/etc/vector/vector.yaml"),
                            ["envFrom"] = new JsonArray(new JsonObject { ["secretRef"] = new JsonObject { ["name"] = Teams.TeamNamespaces.StoreSecret } }),
                            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = Port }),
                            ["readinessProbe"] = new JsonObject { ["tcpSocket"] = new JsonObject { ["port"] = Port } },
                            ["resources"] = new JsonObject
                            {
                                ["requests"] = new JsonObject { ["cpu"] = "50m", ["memory"] = "128Mi" },
                                ["limits"] = new JsonObject { ["memory"] = "256Mi" },
                            },
                            ["securityContext"] = new JsonObject
                            {
                                ["allowPrivilegeEscalation"] = false,
                                ["readOnlyRootFilesystem"] = true,
                                ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
                            },
                            ["volumeMounts"] = new JsonArray(
                                new JsonObject { ["name"] = "config", ["mountPath"] = "/etc/vector", ["readOnly"] = true },
                                new JsonObject { ["name"] = "data", ["mountPath"] = "/var/lib/vector" }),
                        }),
                        ["volumes"] = new JsonArray(
                            new JsonObject { ["name"] = "config", ["configMap"] = new JsonObject { ["name"] = Name } },
                            new JsonObject { ["name"] = "data", ["emptyDir"] = new JsonObject() }),
                    },
                },
            },
        };
    }

    /// <summary>The logger's Service, on port 80.</summary>
    public static JsonObject Service(string team) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = team },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["app.kubernetes.io/name"] = Name },
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http" }),
        },
    };

    /// <summary>The daily CronJob that deletes the team's logs older than the retention, with the team's identity.</summary>
    public static JsonObject RetentionCronJob(ServingSpec spec, string team)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var script = "set -eu\n"
            + $"mc alias set team {spec.Store.Endpoint} \"$AWS_ACCESS_KEY_ID\" \"$AWS_SECRET_ACCESS_KEY\" >/dev/null\n"
            + $"mc rm --recursive --force --older-than {spec.LogRetentionDays.ToString(CultureInfo.InvariantCulture)}d team/{spec.TeamsBucket}/{team}/{Folder}/\n";
        var job = RestrictedJob.Of(RetentionJob, team, "retention", Images.Through(spec.Registry, Minio.MinioVersions.ClientImage), new JsonArray("/bin/sh", "-c", script),
            [.. new[] { ObjectStore.ObjectStoreAccess.AccessKeyVariable, ObjectStore.ObjectStoreAccess.SecretKeyVariable }.Select(key => SecretVariable.Of(key, Teams.TeamNamespaces.StoreSecret, key))],
            [], backoffLimit: 2, deadlineSeconds: 3600);
        // The job ends when mc does: no sidecar to outlive it (the store is outside the mesh).
        job["spec"]!["template"]!["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["sidecar.istio.io/inject"] = "false" } };
        return new JsonObject
        {
            ["apiVersion"] = "batch/v1",
            ["kind"] = "CronJob",
            ["metadata"] = new JsonObject { ["name"] = RetentionJob, ["namespace"] = team },
            ["spec"] = new JsonObject
            {
                ["schedule"] = "30 2 * * *",
                ["concurrencyPolicy"] = "Forbid",
                ["successfulJobsHistoryLimit"] = 1,
                ["failedJobsHistoryLimit"] = 3,
                ["jobTemplate"] = new JsonObject { ["spec"] = job["spec"]!.DeepClone() },
            },
        };
    }
}
