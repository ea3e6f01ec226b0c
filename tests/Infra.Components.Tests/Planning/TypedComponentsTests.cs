using Infra.Components.Feast;
using Infra.Components.Gitlab;
using Infra.Components.Gpu;
using Infra.Components.Kubeflow;
using Infra.Components.Minio;
using Infra.Components.Mlflow;
using Infra.Components.Planning;
using Infra.Components.Postgres;
using Infra.Components.Redis;
using Infra.Components.Spark;
using Infra.Components.Tanzu;
using Infra.Components.Vsphere;
using Infra.Components.Tests.Harness;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Tanzu;
using Infra.Model.Teams;
using Infra.Model.Vsphere;
using Pulumi;

namespace Infra.Components.Tests.Planning;

/// <summary>
/// The typed components, composed as a user's own program would: the rest of the dev plan registered through one
/// registrar, the component in its place, and the whole registered exactly as the stack's plan says.
/// </summary>
public sealed class TypedComponentsTests
{
    private static readonly Dictionary<string, Func<Context, Resource>> Components = new(StringComparer.Ordinal)
    {
        ["infra:ml:ObjectStore::minio"] = c => new MinioObjectStore("minio", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Minio.MinioSpec.For(c.Options)!, StorageClassNodeId = c.StorageClass }, c.Under),
        ["infra:ml:Databases::postgres"] = c => new PostgresDatabases("postgres", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Postgres.PostgresSpec.For(c.Options)!, StorageClassNodeId = c.StorageClass }, c.Under),
        ["infra:ml:KeyValueStore::redis"] = c => new KeyValueStore("redis", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Redis.RedisSpec.For(c.Options)!, StorageClassNodeId = c.StorageClass }, c.Under),
        ["infra:ml:FeatureStore::feast"] = c => new FeatureStore("feast", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Feast.FeastSpec.For(c.Options)! }, c.Under),
        ["infra:ml:SourceControl::gitlab"] = c => new SourceControl("gitlab", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Gitlab.GitlabSpec.For(c.Options)!, StorageClassNodeId = c.StorageClass }, c.Under),
        ["infra:ml:ModelRegistry::mlflow"] = c => new ModelRegistry("mlflow", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Mlflow.MlflowSpec.For(c.Options)!, TeamUsers = Model.Mlflow.MlflowTeamUsers.For(c.Options), TeamNamespaceIds = c.Teams }, c.Under),
        ["infra:ml:SparkOperator::spark"] = c => new SparkOperator("spark", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Spark.SparkSpec.For(c.Options)!, TeamNamespaceIds = c.Teams }, c.Under),
        ["infra:ml:Kubeflow::kubeflow"] = c => new KubeflowPlatform("kubeflow", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Kubeflow.KubeflowSpec.For(c.Options)!, TeamNamespaceIds = c.Teams }, c.Under),
        ["infra:gpu:GpuOperator::gpu-operator"] = c => new GpuOperator("gpu-operator", new() { Registrar = c.Registrar, ProviderId = c.Provider, Spec = Model.Gpu.GpuOperatorSpec.For(c.Options)! }, c.Under),
        ["infra:vsphere:GpuVmClass::mlops-dev-vgpu-a100d-20c"] = c => new GpuVmClass("mlops-dev-vgpu-a100d-20c", new() { Registrar = c.Registrar, Spec = c.Foundation.Gpu.VmClass! }, c.Under),
        ["infra:tanzu:WorkloadCluster::mlops-dev"] = c => new WorkloadCluster("mlops-dev", new()
        {
            Registrar = c.Registrar,
            Spec = c.Foundation.Tanzu,
            Storage = c.Foundation.Storage,
            VmClassNodeId = PlanNode.IdOf(VsphereTokens.VirtualMachineClass, c.Foundation.Gpu.VmClass!.Name),
            ContentLibrary = c.Foundation.Lookups.ContentLibrary is not null,
            Protect = c.Foundation.Protect,
        }, c.Under),
        ["infra:vsphere:GpuVirtualMachine::lab-train-01"] = c => new GpuVirtualMachine("lab-train-01", new() { Registrar = c.Registrar, Spec = c.Foundation.Gpu.Vms.Single(v => v.Name == "lab-train-01"), Foundation = c.Foundation }, c.Under),
    };

    public static TheoryData<string> ComponentIds => [.. Components.Keys];

    [Theory]
    [MemberData(nameof(ComponentIds))]
    public async Task TypedComponent_RegistersExactlyItsPartOfThePlan(string componentId)
    {
        var stack = componentId.StartsWith("infra:vsphere:GpuVirtualMachine::", StringComparison.Ordinal) ? "lab" : "dev";
        var options = StackFiles.Options(stack);
        var plan = StackPlanner.Plan(stack, options);
        var part = Descendants(plan, componentId).Append(componentId).ToHashSet(StringComparer.Ordinal);
        var before = Before(plan, part);
        IDictionary<string, object?>? outputs = null;

        var run = await StackRun.RunAsync(() =>
        {
            var registrar = new PlanRegistrar(TestSecrets.Create().Object);
            registrar.Register(plan.Nodes.Where(n => before.Contains(n.Id)));
            var component = Components[componentId](new Context(registrar, options, new ComponentResourceOptions { Parent = registrar.Resources[plan[componentId].Parent!] }));
            outputs = Outputs(component);
            registrar.Register(plan.Nodes.Where(n => !before.Contains(n.Id) && !part.Contains(n.Id)));
            return outputs;
        });

        PlanComparison.AssertMatches(plan, run, options);
        foreach (var (name, value) in outputs!)
        {
            var expected = name.Split('/') is [var output, var entry] ? ((PlanValue.MapValue)plan.Outputs[output]).Entries[entry] : plan.Outputs[name];
            Assert.Equal(SdkValue(plan, expected), await Pulumi.Utilities.OutputUtilities.GetValueAsync((Output<string>)value!));
        }
    }

    // What the part waits for outside itself, with those nodes' own dependencies and parents: registered first.
    private static HashSet<string> Before(Plan plan, HashSet<string> part)
    {
        var before = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(part.SelectMany(plan.DependenciesOf).Concat(part.Select(p => plan[p].Parent).OfType<string>()).Where(d => !part.Contains(d)));
        while (pending.TryPop(out var id))
        {
            if (part.Contains(id) || !before.Add(id))
            {
                continue;
            }

            foreach (var next in plan.DependenciesOf(id).Append(plan[id].Parent).OfType<string>())
            {
                pending.Push(next);
            }
        }

        return before;
    }

    private static IEnumerable<string> Descendants(Plan plan, string id) =>
        plan.ChildrenOf(id).SelectMany(c => Descendants(plan, c.Id).Prepend(c.Id));

    private static Dictionary<string, object?> Outputs(Resource component) =>
        component.GetType().GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(p => p.GetCustomAttributes(typeof(OutputAttribute), inherit: false).Length > 0 && p.GetValue(component) is not null)
            .ToDictionary(p => OutputName(component, p.Name), p => p.GetValue(component), StringComparer.Ordinal);

    // The stack output each typed output stands for.
    private static string OutputName(Resource component, string property) => (component.GetType().Name, property) switch
    {
        ("MinioObjectStore", "Endpoint") => StackOutputs.ObjectStoreEndpoint,
        ("MinioObjectStore", "ConsoleUrl") => StackOutputs.ObjectStoreConsole,
        ("MinioObjectStore", "RootPassword") => StackOutputs.ObjectStoreRootPassword,
        ("PostgresDatabases", "Host") => StackOutputs.PostgresHost,
        ("KeyValueStore", "Address") => StackOutputs.RedisAddress,
        ("FeatureStore", "OnlineUrl") => StackOutputs.FeastOnlineUrl,
        ("FeatureStore", "RegistryLocation") => StackOutputs.FeastRegistry,
        ("SourceControl", "Url") => StackOutputs.GitlabUrl,
        ("SourceControl", "RootPassword") => StackOutputs.GitlabRootPassword,
        ("ModelRegistry", "Url") => StackOutputs.MlflowUrl,
        ("ModelRegistry", "AdminPassword") => StackOutputs.MlflowAdminPassword,
        ("SparkOperator", "HistoryServerUrl") => StackOutputs.SparkHistoryUrl,
        ("KubeflowPlatform", "DashboardUrl") => StackOutputs.KubeflowUrl,
        ("KubeflowPlatform", "PipelinesUrl") => StackOutputs.KubeflowPipelinesUrl,
        ("KubeflowPlatform", "MetadataEndpoint") => StackOutputs.MlMetadataEndpoint,
        ("GpuVmClass", "ClassName") => StackOutputs.GpuVmClass,
        ("WorkloadCluster", "Kubeconfig") => StackOutputs.Kubeconfig,
        ("GpuVirtualMachine", "Address") => $"{StackOutputs.GpuVmAddresses}/{component.GetResourceName()}",
        var other => throw new InvalidOperationException($"No stack output for {other}."),
    };

    // What the echoing mocks give for a value: a literal, a generated password, an input echoed back, a Secret's data.
    private static string? SdkValue(Plan plan, PlanValue value) => value switch
    {
        PlanValue.Literal { Value: string text } => text,
        PlanValue.OutputRef output => plan[output.NodeId].Inputs.TryGetValue(output.Property, out var input) ? SdkValue(plan, input) : null,
        PlanValue.SecretDataKey data => EchoMocks.KubeconfigOf(data.NodeId[(data.NodeId.IndexOf("::", StringComparison.Ordinal) + 2)..]),
        PlanValue.GeneratedPassword generated => EchoMocks.PasswordOf(generated.NodeId[(generated.NodeId.IndexOf("::", StringComparison.Ordinal) + 2)..]),
        _ => throw new InvalidOperationException($"No expected value for {value}."),
    };

    private sealed record Context(PlanRegistrar Registrar, PlatformOptions Options, ComponentResourceOptions Under)
    {
        public string Provider => TanzuPlanner.WorkloadProviderId;

        public string StorageClass => PlanNode.IdOf(KubernetesTokens.StorageClass, Model.Storage.StorageSpec.For(Options).Default!.Name);

        public FoundationSpec Foundation => FoundationSpec.For(Options);

        public IReadOnlyDictionary<string, string> Teams => TeamNamespaces.For(Options)
            .ToDictionary(t => t.Name, t => PlanNode.IdOf(KubernetesTokens.Namespace, TeamNamespaces.ResourceName(t)), StringComparer.Ordinal);
    }
}
