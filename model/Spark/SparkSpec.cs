using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Model.Teams;

namespace Infra.Model.Spark;

/// <summary>
/// The Spark operator, watching the shared <c>spark-jobs</c> namespace and every team's: in each, the chart's
/// <c>spark</c> service account and RBAC, the object store credentials as a Secret, and a <c>spark-defaults</c>
/// ConfigMap that points S3A at the object store (path-style, credentials from the environment) and event
/// logs at the Spark bucket.
/// </summary>
/// <param name="Replicas">Replicas of the controller and of the webhook.</param>
/// <param name="Cpu">The controller's CPU request, or null for none.</param>
/// <param name="Memory">The controller's memory request and limit, or null for none.</param>
/// <param name="JobNamespaces">The namespaces Spark applications run in.</param>
/// <param name="EventsBucket">The bucket of event logs.</param>
/// <param name="DataBucket">The bucket of data.</param>
/// <param name="Registry">The registry mirror images are pulled through, or null.</param>
/// <param name="HistoryServer">Whether a history server reads the event logs.</param>
/// <param name="Store">The object store of event logs and data.</param>
/// <param name="Mirrors">The site's mirrors, of which the history server's jars come from Maven's.</param>
/// <param name="EveryNamespace">
/// Whether the operator watches every namespace, as it must where teams stacks hold teams whose namespaces this stack
/// does not know; those stacks then give each namespace the <c>spark</c> account and role the chart gives its own.
/// </param>
public sealed record SparkSpec(int Replicas, string? Cpu, string? Memory, ImmutableArray<string> JobNamespaces, string EventsBucket, string DataBucket, string? Registry, bool HistoryServer, ObjectStoreAccess Store, Mirrors.SourceMirrors? Mirrors = null, bool EveryNamespace = false)
{
    /// <summary>The history server's Deployment, Service and labels' name, in the operator's namespace.</summary>
    public const string HistoryServerName = "spark-history-server";

    /// <summary>The history server's port.</summary>
    public const int HistoryServerPort = 18080;

    /// <summary>The history server's CPU request.</summary>
    public const string HistoryServerCpu = "100m";

    /// <summary>The history server's memory request and limit.</summary>
    public const string HistoryServerMemory = "1Gi";

    /// <summary>The history server's in-cluster URL.</summary>
    public const string HistoryServerUrl = $"http://{HistoryServerName}.{OperatorNamespace}.svc.cluster.local:18080";

    /// <summary>The operator's namespace and release.</summary>
    public const string OperatorNamespace = "spark-operator";

    /// <summary>The namespace of the platform's own Spark jobs.</summary>
    public const string JobsNamespace = "spark-jobs";

    /// <summary>The service account Spark drivers run as, in each job namespace.</summary>
    public const string ServiceAccount = "spark";

    /// <summary>The Secret with the object store credentials, in each job namespace.</summary>
    public const string StoreSecret = "spark-s3";

    /// <summary>The ConfigMap with <c>spark-defaults.conf</c>, in each job namespace (<c>spec.sparkConfigMap</c>).</summary>
    public const string DefaultsConfigMap = "spark-defaults";

    private static readonly string[] StoreKeys = [ObjectStoreAccess.AccessKeyVariable, ObjectStoreAccess.SecretKeyVariable];

    /// <summary>The decisions for <paramref name="options"/>, or null where Spark is disabled.</summary>
    public static SparkSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static SparkSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled(Spark.SparkTechnology.Service) || ObjectStoreAccess.For(options) is not { } store)
        {
            return null;
        }

        var block = options.Platform?.Spark;
        var purposes = ObjectStoreSpec.Purposes(StoreConsumer.Spark);
        return new SparkSpec(
            block?.Replicas ?? (options.IsProduction ? 2 : 1),
            block?.Cpu,
            block?.Memory,
            [JobsNamespace, .. TeamNamespaces.For(options).Select(t => t.Name)],
            ObjectStoreSpec.BucketName(Validated.Required(options.Environment), purposes[0]),
            ObjectStoreSpec.BucketName(Validated.Required(options.Environment), purposes[1]),
            options.Platform?.Registry,
            block?.HistoryServer ?? true,
            store,
            Infra.Model.Mirrors.SourceMirrors.For(options),
            options.AcceptsTeamStacks);
    }

    /// <summary>The jars the history server fetches, from the site's Maven mirror where one is set.</summary>
    public IEnumerable<string> HistoryServerJars => SparkVersions.HistoryServerJars.Select(url => Mirrors?.Jar(url) ?? url);

    /// <summary>The chart's values: the pinned image, replicas with leader election, the job namespaces.</summary>
    public JsonObject Values()
    {
        JsonObject Workload() => new()
        {
            ["replicas"] = Replicas,
            ["podDisruptionBudget"] = new JsonObject { ["enable"] = Replicas > 1, ["minAvailable"] = 1 },
        };

        var controller = Workload();
        controller["leaderElection"] = new JsonObject { ["enable"] = true };
        if (Cpu is not null || Memory is not null)
        {
            var requests = new JsonObject();
            if (Cpu is not null)
            {
                requests["cpu"] = Cpu;
            }

            if (Memory is not null)
            {
                requests["memory"] = Memory;
            }

            controller["resources"] = Memory is null ? new JsonObject { ["requests"] = requests } : new JsonObject { ["requests"] = requests, ["limits"] = new JsonObject { ["memory"] = Memory } };
        }

        return new JsonObject
        {
            ["image"] = new JsonObject
            {
                ["registry"] = Images.Through(Registry, SparkVersions.OperatorRegistry),
                ["repository"] = SparkVersions.OperatorRepository,
                ["tag"] = SparkVersions.OperatorTag,
            },
            ["controller"] = controller,
            ["webhook"] = Workload(),
            ["spark"] = new JsonObject
            {
                // The chart's "" watches every namespace, and gives the account and role only to those it names.
                ["jobNamespaces"] = new JsonArray([.. JobNamespaces.Select(n => (JsonNode)n), .. EveryNamespace ? [(JsonNode)string.Empty] : Array.Empty<JsonNode>()]),
                ["serviceAccount"] = new JsonObject { ["create"] = true, ["name"] = ServiceAccount },
                ["rbac"] = new JsonObject { ["create"] = true },
            },
        };
    }

    /// <summary>The S3A settings every Spark process here uses, as <c>key value</c> pairs.</summary>
    private IEnumerable<(string Key, string Value)> S3a() =>
    [
        ("spark.hadoop.fs.s3a.endpoint", Store.Endpoint),
        ("spark.hadoop.fs.s3a.endpoint.region", Store.Region),
        ("spark.hadoop.fs.s3a.path.style.access", Store.PathStyle ? "true" : "false"),
        ("spark.hadoop.fs.s3a.connection.ssl.enabled", Store.Secure ? "true" : "false"),
        ("spark.hadoop.fs.s3a.aws.credentials.provider", SparkVersions.CredentialsProvider),
    ];

    private static IEnumerable<JsonNode> StoreEnvironment() => StoreKeys.Select(key => (JsonNode)SecretVariable.Of(key, StoreSecret, key));

    private static JsonObject HistoryServerLabels() => new() { ["app.kubernetes.io/name"] = HistoryServerName };

    /// <summary>
    /// The history server's Deployment, or null where it is off: the Spark image running the history server
    /// over the events bucket through S3A, with the S3A jars an init container fetches by exact version, and
    /// the object store credentials from the Secret in the operator's namespace.
    /// </summary>
    public JsonObject? HistoryServerDeployment()
    {
        if (!HistoryServer)
        {
            return null;
        }

        var options = S3a().Prepend((Key: "spark.history.fs.logDirectory", Value: $"s3a://{EventsBucket}/")).Select(o => $"-D{o.Key}={o.Value}");
        var fetch = string.Join(" && ", HistoryServerJars.Select(url => $"wget -q -O /jars/{url[(url.LastIndexOf('/') + 1)..]} {url}"));
        var jars = new JsonObject { ["name"] = "jars", ["mountPath"] = "/jars" };
        return new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = new JsonObject { ["name"] = HistoryServerName, ["namespace"] = OperatorNamespace, ["labels"] = HistoryServerLabels() },
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["selector"] = new JsonObject { ["matchLabels"] = HistoryServerLabels() },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = HistoryServerLabels() },
                    ["spec"] = new JsonObject
                    {
                        // The Spark image's own user, under the restricted standard.
                        ["securityContext"] = new JsonObject
                        {
                            ["runAsNonRoot"] = true,
                            ["runAsUser"] = 185,
                            ["fsGroup"] = 185,
                            ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
                        },
                        ["initContainers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "s3a-jars",
                            ["image"] = Images.Through(Registry, SparkVersions.Busybox),
                            ["command"] = new JsonArray("sh", "-c", fetch),
                            ["securityContext"] = PodSecurity.RestrictedContainer(),
                            ["volumeMounts"] = new JsonArray(jars.DeepClone()),
                        }),
                        ["containers"] = new JsonArray(new JsonObject
                        {
                            ["name"] = "history-server",
                            ["image"] = Images.Through(Registry, SparkVersions.SparkImage),
                            ["command"] = new JsonArray("/opt/spark/bin/spark-class", "org.apache.spark.deploy.history.HistoryServer"),
                            ["securityContext"] = PodSecurity.RestrictedContainer(),
                            ["env"] = new JsonArray(
                            [
                                new JsonObject { ["name"] = "SPARK_DAEMON_CLASSPATH", ["value"] = "/jars/*" },
                                new JsonObject { ["name"] = "SPARK_HISTORY_OPTS", ["value"] = string.Join(' ', options) },
                                .. StoreEnvironment(),
                            ]),
                            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = HistoryServerPort }),
                            ["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/", ["port"] = "http" } },
                            ["resources"] = new JsonObject
                            {
                                ["requests"] = new JsonObject { ["cpu"] = HistoryServerCpu, ["memory"] = HistoryServerMemory },
                                ["limits"] = new JsonObject { ["memory"] = HistoryServerMemory },
                            },
                            ["volumeMounts"] = new JsonArray(jars),
                        }),
                        ["volumes"] = new JsonArray(new JsonObject { ["name"] = "jars", ["emptyDir"] = new JsonObject() }),
                    },
                },
            },
        };
    }

    /// <summary>The history server's Service, or null where it is off.</summary>
    public JsonObject? HistoryServerService() => !HistoryServer ? null : new JsonObject
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = HistoryServerName, ["namespace"] = OperatorNamespace, ["labels"] = HistoryServerLabels() },
        ["spec"] = new JsonObject
        {
            ["selector"] = HistoryServerLabels(),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = HistoryServerPort, ["targetPort"] = "http" }),
        },
    };

    /// <summary>
    /// <c>spark-defaults.conf</c>: S3A on the in-cluster object store, path-style and plain HTTP, credentials from
    /// the <c>AWS_*</c> environment the Secret provides, event logs in the events bucket.
    /// </summary>
    public string Defaults() => Defaults($"s3a://{EventsBucket}/");

    /// <summary>
    /// <c>spark-defaults.conf</c> with event logs under <paramref name="eventLogs"/>: a teams stack's team keeps them
    /// in its own folder, which its identity reaches, as it holds no identity of the events bucket.
    /// </summary>
    public string Defaults(string eventLogs) => string.Join('\n',
        [.. S3a().Select(o => $"{o.Key} {o.Value}"), "spark.eventLog.enabled true", $"spark.eventLog.dir {eventLogs}", string.Empty]);

    /// <summary>Where a teams stack's team keeps its event logs: <c>s3a://&lt;teams bucket&gt;/&lt;team&gt;/spark-events/</c>.</summary>
    public static string TeamEventLogs(string environment, string team) =>
        $"s3a://{ObjectStoreSpec.BucketName(environment, "teams")}/{team}/spark-events/";

    /// <summary>Whether Spark applications run in team namespaces, whose members then manage them through Kubeflow's roles.</summary>
    public bool RunsInTeamNamespaces => EveryNamespace || JobNamespaces.Any(n => n != JobsNamespace);

    /// <summary>
    /// What the chart gives each namespace it names (templates/spark/serviceaccount.yaml and rbac.yaml of v2.5.2), for
    /// a teams stack's namespace <paramref name="ns"/>: the <c>spark</c> account drivers run as, and its role over
    /// pods, ConfigMaps, claims and services with the binding.
    /// </summary>
    public static IEnumerable<JsonObject> DriverAccess(string ns)
    {
        JsonObject Metadata() => new() { ["name"] = ServiceAccount, ["namespace"] = ns };
        yield return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ServiceAccount", ["metadata"] = Metadata(), ["automountServiceAccountToken"] = true };
        yield return new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "Role",
            ["metadata"] = Metadata(),
            ["rules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray(string.Empty),
                ["resources"] = new JsonArray("pods", "configmaps", "persistentvolumeclaims", "services"),
                ["verbs"] = new JsonArray("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"),
            }),
        };
        yield return new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "RoleBinding",
            ["metadata"] = Metadata(),
            ["subjects"] = new JsonArray(new JsonObject { ["kind"] = "ServiceAccount", ["name"] = ServiceAccount, ["namespace"] = ns }),
            ["roleRef"] = new JsonObject { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Role", ["name"] = ServiceAccount },
        };
    }

    /// <summary>
    /// The ClusterRoles that Kubeflow's <c>kubeflow-edit</c> and <c>kubeflow-view</c> roles aggregate, so that a
    /// team's members and its notebooks (which run as <c>default-editor</c>) manage Spark applications in the
    /// team's namespace, and its viewers see them.
    /// </summary>
    public static IEnumerable<JsonObject> KubeflowRoles()
    {
        JsonObject Role(string access, string aggregateTo, params string[] verbs) => new()
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"mlops-spark-applications-{access}",
                ["labels"] = new JsonObject { [$"rbac.authorization.kubeflow.org/aggregate-to-kubeflow-{aggregateTo}"] = "true" },
            },
            ["rules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray("sparkoperator.k8s.io"),
                ["resources"] = new JsonArray("sparkapplications", "scheduledsparkapplications", "sparkapplications/status", "scheduledsparkapplications/status"),
                ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
            }),
        };

        yield return Role("edit", "edit", "get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");
        yield return Role("view", "view", "get", "list", "watch");
    }

    /// <summary>A sample application in <paramref name="ns"/>: SparkPi with the defaults, the credentials and its event log in the bucket.</summary>
    public JsonObject SampleApplication(string ns)
    {
        JsonObject Pod(JsonObject extra)
        {
            extra["env"] = new JsonArray([.. StoreEnvironment()]);
            return extra;
        }

        return new JsonObject
        {
            ["apiVersion"] = "sparkoperator.k8s.io/v1beta2",
            ["kind"] = "SparkApplication",
            ["metadata"] = new JsonObject { ["name"] = "spark-pi", ["namespace"] = ns },
            ["spec"] = new JsonObject
            {
                ["type"] = "Scala",
                ["mode"] = "cluster",
                ["image"] = Images.Through(Registry, SparkVersions.SparkImage),
                ["mainClass"] = "org.apache.spark.examples.SparkPi",
                ["mainApplicationFile"] = $"local:///opt/spark/examples/jars/spark-examples_{SparkVersions.ScalaVersion}-{SparkVersions.SparkVersion}.jar",
                ["arguments"] = new JsonArray("1000"),
                ["sparkVersion"] = SparkVersions.SparkVersion,
                ["sparkConfigMap"] = DefaultsConfigMap,
                ["deps"] = new JsonObject { ["packages"] = new JsonArray(SparkVersions.HadoopAws) },
                ["sparkConf"] = new JsonObject { ["spark.jars.ivy"] = "/tmp/.ivy2" },
                ["restartPolicy"] = new JsonObject { ["type"] = "Never" },
                ["driver"] = Pod(new JsonObject { ["cores"] = 1, ["memory"] = "1g", ["serviceAccount"] = ServiceAccount }),
                ["executor"] = Pod(new JsonObject { ["instances"] = 2, ["cores"] = 1, ["memory"] = "1g" }),
            },
        };
    }
}
