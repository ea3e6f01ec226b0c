using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Gpu;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Tanzu;
using Infra.Model.Vsphere;

namespace Infra.Model.Stacks;

/// <summary>
/// What a stack exports, by output name, as plan values: each running service's endpoints, and its generated
/// administrator credentials as secrets. Services that are off have no output.
/// </summary>
public static class StackOutputs
{
    /// <summary>The stack's environment.</summary>
    public const string Environment = "environment";

    /// <summary>The stack's maturity level.</summary>
    public const string Maturity = "maturity";

    /// <summary>What teams stacks rely on of the platform (<see cref="Teams.Tenancy"/>), where the platform accepts them.</summary>
    public const string Tenancy = PlanCheck.TenancyMatches.Output;

    /// <summary>A teams stack's team namespaces.</summary>
    public const string TeamNamespaces = "teamNamespaces";

    /// <summary>The workload cluster's kubeconfig (secret), which platform-only stacks read.</summary>
    public const string Kubeconfig = PlatformPlanner.KubeconfigOutput;

    /// <summary>The vSphere datacenter's id.</summary>
    public const string DatacenterId = "datacenterId";

    /// <summary>The folder of the platform's VMs.</summary>
    public const string VmFolder = "vmFolder";

    /// <summary>The passthrough VMs' addresses, by VM.</summary>
    public const string GpuVmAddresses = "gpuVmAddresses";

    /// <summary>The vGPU VM class's name; empty outside vGPU mode.</summary>
    public const string GpuVmClass = "gpuVmClass";

    /// <summary>The GPU capacity per host.</summary>
    public const string GpuCapacity = "gpuCapacity";

    /// <summary>The object store's S3 endpoint.</summary>
    public const string ObjectStoreEndpoint = "objectStoreEndpoint";

    /// <summary>MinIO's console.</summary>
    public const string ObjectStoreConsole = "objectStoreConsole";

    /// <summary>MinIO's generated root password (secret).</summary>
    public const string ObjectStoreRootPassword = "objectStoreRootPassword";

    /// <summary>The shared PostgreSQL's read-write host.</summary>
    public const string PostgresHost = "postgresHost";

    /// <summary>The shared Redis's <c>host:port</c>.</summary>
    public const string RedisAddress = "redisAddress";

    /// <summary>Feast's online feature server.</summary>
    public const string FeastOnlineUrl = "feastOnlineUrl";

    /// <summary>Where Feast's registry lives.</summary>
    public const string FeastRegistry = "feastRegistry";

    /// <summary>GitLab's URL.</summary>
    public const string GitlabUrl = "gitlabUrl";

    /// <summary>GitLab's generated root password (secret).</summary>
    public const string GitlabRootPassword = "gitlabRootPassword";

    /// <summary>MLflow's tracking URI.</summary>
    public const string MlflowUrl = "mlflowUrl";

    /// <summary>MLflow's generated admin password (secret).</summary>
    public const string MlflowAdminPassword = "mlflowAdminPassword";

    /// <summary>Kubeflow's central dashboard.</summary>
    public const string KubeflowUrl = "kubeflowUrl";

    /// <summary>The Pipelines API.</summary>
    public const string KubeflowPipelinesUrl = "kubeflowPipelinesUrl";

    /// <summary>ML Metadata's gRPC endpoint.</summary>
    public const string MlMetadataEndpoint = "mlMetadataEndpoint";

    /// <summary>The Spark history server.</summary>
    public const string SparkHistoryUrl = "sparkHistoryUrl";

    /// <summary>Grafana: its host behind the ingress, else its in-cluster address.</summary>
    public const string GrafanaUrl = "grafanaUrl";

    /// <summary>Grafana's generated break-glass admin password (secret).</summary>
    public const string GrafanaAdminPassword = "grafanaAdminPassword";

    /// <summary>Prometheus's in-cluster query API.</summary>
    public const string PrometheusUrl = "prometheusUrl";

    /// <summary>The outputs of a stack with valid <paramref name="options"/>.</summary>
    public static ImmutableSortedDictionary<string, PlanValue> For(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var outputs = ImmutableSortedDictionary.CreateBuilder<string, PlanValue>(StringComparer.Ordinal);
        outputs[Environment] = PlanValue.Of(Validated.Required(options.Environment));
        outputs[Maturity] = PlanValue.Of(ConfigSchema.ChoiceName(options.Maturity ?? MaturityLevel.Level0));
        if (options.DeploysFoundation)
        {
            Foundation(FoundationSpec.For(options), outputs);
        }

        if (options.DeploysPlatform && PlatformPlanner.ServicesDeploy(options))
        {
            Platform(options, outputs);
        }

        // What teams stacks read: the tenancy they check, and, from a platform-only stack, the cluster's kubeconfig.
        if (options.AcceptsTeamStacks)
        {
            outputs[Tenancy] = Teams.Tenancy.Output(options);
            if (!options.DeploysFoundation)
            {
                outputs[Kubeconfig] = PlanValue.StackOutput(PlatformPlanner.FoundationReferenceId(options), PlatformPlanner.KubeconfigOutput);
            }
        }

        if (options.IsTeamsStack)
        {
            outputs[TeamNamespaces] = PlanValue.List(Teams.TeamNamespaces.For(options).Select(t => PlanValue.Of(t.Name)));
        }

        return outputs.ToImmutable();
    }

    private static void Foundation(FoundationSpec spec, ImmutableSortedDictionary<string, PlanValue>.Builder outputs)
    {
        outputs[DatacenterId] = FoundationPlanner.Ref(VsphereTokens.GetDatacenter, VsphereLookups.Names.Datacenter, "id");
        outputs[VmFolder] = FoundationPlanner.Ref(VsphereTokens.Folder, spec.Folder.LogicalName, "path");
        outputs[GpuVmAddresses] = PlanValue.Map(spec.Gpu.Vms.Select(vm => KeyValuePair.Create(vm.Name, FoundationPlanner.VmAddress(vm))));
        outputs[GpuVmClass] = spec.Gpu.VmClass is { } vmClass ? FoundationPlanner.VmClassName(vmClass) : PlanValue.Of(string.Empty);
        outputs[GpuCapacity] = PlanValue.List(spec.Gpu.Capacity.Select(row => PlanNodes.Map(
            ("host", PlanValue.Of(row.Host)),
            ("gpus", PlanValue.Of(row.Gpus)),
            ("sharing", PlanValue.Of(row.Sharing)),
            ("slots", PlanValue.Of(row.Slots)),
            ("used", PlanValue.Of(row.Used)),
            ("free", PlanValue.Of(row.Free)))));
        if (spec.Tanzu.DeploysCluster)
        {
            outputs[Kubeconfig] = TanzuPlanner.Kubeconfig(spec.Tanzu);
        }
    }

    private static void Platform(PlatformOptions options, ImmutableSortedDictionary<string, PlanValue>.Builder outputs)
    {
        foreach (var (name, value) in Technologies.All.SelectMany(t => t.Outputs(options)))
        {
            outputs[name] = value;
        }
    }
}
