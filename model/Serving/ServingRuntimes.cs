using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;

namespace Infra.Model.Serving;

/// <summary>
/// The serving runtimes each team namespace gets, from the runtimes KServe v0.15.0 ships (kubeflow/manifests
/// v1.10.2 <c>applications/kserve/kserve/kserve-cluster-resources.yaml</c>), with the images through the mirror:
/// MLServer for the models the project template registers in MLflow (the <c>mlflow</c> model format, on the v2
/// inference protocol), and the Hugging Face server's GPU build for large models on the GPU pool.
/// </summary>
public static class ServingRuntimes
{
    /// <summary>The runtime for MLflow models.</summary>
    public const string Mlflow = "mlflow";

    /// <summary>The GPU runtime for large models.</summary>
    public const string Gpu = "llm-gpu";

    /// <summary>MLServer, as KServe v0.15.0's <c>kserve-mlserver</c> pins it.</summary>
    public const string MlserverImage = "docker.io/seldonio/mlserver:1.5.0";

    /// <summary>KServe's Hugging Face server with vLLM, as <c>kserve-huggingfaceserver-multinode</c> pins its GPU build.</summary>
    public const string HuggingfaceGpuImage = "kserve/huggingfaceserver:v0.15.0-gpu";

    /// <summary>The annotations KServe's runtimes carry, where Prometheus finds the server's metrics.</summary>
    private static JsonObject MetricsAnnotations() => new() { ["prometheus.kserve.io/path"] = "/metrics", ["prometheus.kserve.io/port"] = "8080" };

    // The container context of the release's runtimes, with the runtime's seccomp profile besides.
    private static JsonObject SecurityContext() => new()
    {
        ["allowPrivilegeEscalation"] = false,
        ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
        ["privileged"] = false,
        ["runAsNonRoot"] = true,
        ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" },
    };

    /// <summary>MLServer for MLflow models in <paramref name="team"/>'s namespace, its image through <paramref name="registry"/> where set.</summary>
    public static JsonObject MlflowRuntime(string team, string? registry) => Runtime(Mlflow, team, new JsonObject
    {
        ["annotations"] = MetricsAnnotations(),
        ["containers"] = new JsonArray(new JsonObject
        {
            // KServe sets the model's class, name and location only for a runtime named kserve-mlserver (v0.15.0
            // SetMlServerDefaults), so this one names them itself: MLServer's MLflow runtime, the model downloaded
            // to /mnt/models, served under the InferenceService's name.
            ["env"] = new JsonArray(
                Variable("MLSERVER_MODEL_IMPLEMENTATION", "mlserver_mlflow.MLflowRuntime"),
                Variable("MLSERVER_MODEL_NAME", "{{.Name}}"),
                Variable("MLSERVER_MODEL_URI", "/mnt/models"),
                Variable("MLSERVER_HTTP_PORT", "8080"),
                Variable("MLSERVER_GRPC_PORT", "9000"),
                Variable("MODELS_DIR", "/mnt/models")),
            ["image"] = Images.Through(registry, MlserverImage),
            ["name"] = "kserve-container",
            ["resources"] = Resources("1", "2Gi", gpus: 0),
            ["securityContext"] = SecurityContext(),
        }),
        ["protocolVersions"] = new JsonArray("v2"),
        ["supportedModelFormats"] = new JsonArray(Format("mlflow", "1"), Format("mlflow", "2")),
    });

    /// <summary>
    /// The Hugging Face server on one GPU in <paramref name="team"/>'s namespace: it asks for <c>nvidia.com/gpu</c>,
    /// which only the GPU pool's nodes offer (the GPU Operator's device plugin), and tolerates the GPU taint a site may
    /// put on them; its image through <paramref name="registry"/> where set.
    /// </summary>
    public static JsonObject GpuRuntime(string team, string? registry) => Runtime(Gpu, team, new JsonObject
    {
        ["annotations"] = MetricsAnnotations(),
        ["containers"] = new JsonArray(new JsonObject
        {
            ["args"] = new JsonArray("--model_name={{.Name}}"),
            ["image"] = Images.Through(registry, HuggingfaceGpuImage),
            ["name"] = "kserve-container",
            ["resources"] = Resources("4", "16Gi", gpus: 1),
            ["securityContext"] = SecurityContext(),
            ["volumeMounts"] = new JsonArray(new JsonObject { ["mountPath"] = "/dev/shm", ["name"] = "devshm" }),
        }),
        ["protocolVersions"] = new JsonArray("v2", "v1"),
        ["supportedModelFormats"] = new JsonArray(Format("huggingface", "1")),
        ["tolerations"] = new JsonArray(new JsonObject { ["effect"] = "NoSchedule", ["key"] = "nvidia.com/gpu", ["operator"] = "Exists" }),
        ["volumes"] = new JsonArray(new JsonObject { ["emptyDir"] = new JsonObject { ["medium"] = "Memory" }, ["name"] = "devshm" }),
    });

    private static JsonObject Runtime(string name, string team, JsonObject spec) => new()
    {
        ["apiVersion"] = "serving.kserve.io/v1alpha1",
        ["kind"] = "ServingRuntime",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = team },
        ["spec"] = spec,
    };

    private static JsonObject Variable(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static JsonObject Format(string name, string version) => new() { ["autoSelect"] = true, ["name"] = name, ["priority"] = 1, ["version"] = version };

    private static JsonObject Resources(string cpu, string memory, int gpus)
    {
        JsonObject Amounts() => gpus == 0
            ? new JsonObject { ["cpu"] = cpu, ["memory"] = memory }
            : new JsonObject { ["cpu"] = cpu, ["memory"] = memory, ["nvidia.com/gpu"] = gpus.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new JsonObject { ["limits"] = Amounts(), ["requests"] = Amounts() };
    }
}
