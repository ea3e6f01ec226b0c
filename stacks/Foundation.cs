using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Components.Configuration;
using Infra.Components.Gpu;
using Infra.Components.Storage;
using Infra.Components.Tanzu;
using Infra.Components.Vsphere;
using Infra.Model.Gpu;
using Infra.Model.Stacks;
using Infra.Model.Vsphere;
using Pulumi;
using Pulumi.VSphere;

namespace Infra.Stacks;

/// <summary>
/// The vSphere foundation (<c>infra:stacks:Foundation</c>): the look-ups of what exists, the VM folder, the
/// passthrough GPU VMs and the vGPU VM class.
/// </summary>
public sealed class Foundation : InfraComponent
{
    /// <summary>Registers the foundation from its spec.</summary>
    public Foundation(FoundationSpec spec, ISecretSource secrets, ComponentResourceOptions? options = null)
        : base(StackTokens.Foundation, StackTokens.FoundationName, options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(secrets);
        var inventory = VsphereInventory.LookUp(spec.Lookups, spec.Gpu, this);
        DatacenterId = inventory.DatacenterId;

        var folder = new Folder(spec.Folder.LogicalName, new FolderArgs
        {
            Path = spec.Folder.Path,
            Type = FolderSpec.VmFolderType,
            DatacenterId = DatacenterId,
        }, ChildOptions());
        FolderPath = folder.Path;

        var policies = StorageTiers.Create(spec.Storage, this);
        var defaultPolicy = spec.Storage.Default is { } tier ? policies[tier.Name] : null;
        var vms = spec.Gpu.Vms
            .Select(vm => new GpuVirtualMachine(vm.Name, new GpuVirtualMachineArgs
            {
                Foundation = spec,
                Vm = vm,
                Inventory = inventory,
                FolderPath = folder.Path,
                StoragePolicyId = defaultPolicy,
            }, ChildComponentOptions()))
            .ToArray();
        var names = spec.Gpu.Vms.Select(vm => vm.Name).ToArray();
        GpuVmAddresses = Output.All(vms.Select(vm => vm.DefaultIpAddress))
            .Apply(ips => names.Zip(ips).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));

        Output<string>? vmClassName = spec.Gpu.VmClass is { } vmClass
            ? new GpuVmClass(vmClass.Name, new GpuVmClassArgs { VmClass = vmClass, HostIds = inventory.HostIds }, ChildComponentOptions()).ClassName
            : null;
        GpuVmClassName = vmClassName ?? Output.Create(string.Empty);

        Input<string> supervisorId = spec.Tanzu.Supervisor is { } enable
            ? SupervisorEnablement.Create(enable, new SupervisorInputs
            {
                DatacenterId = inventory.DatacenterId,
                ComputeClusterId = inventory.ComputeClusterId,
                StoragePolicyId = policies[spec.Storage.Default!.Name],
                Secrets = secrets,
            }, this, spec.Protect)
            : spec.Tanzu.SupervisorId!;

        Cluster = new WorkloadCluster(spec.Tanzu.ClusterName, new WorkloadClusterArgs
        {
            SupervisorId = supervisorId,
            Tanzu = spec.Tanzu,
            Storage = spec.Storage,
            StoragePolicyIds = policies,
            GpuVmClassName = vmClassName,
            ContentLibraryId = inventory.ContentLibraryId,
            SupervisorKubeconfig = spec.Tanzu.SupervisorKubeconfig is { } kubeconfig ? secrets.Require(kubeconfig) : null,
            Protect = spec.Protect,
        }, ChildComponentOptions());

        if (spec.GpuOperator is { } gpuOperator && spec.Tanzu.HasGpuPool && Cluster.Provider is { } clusterProvider)
        {
            _ = new GpuOperator(GpuOperatorSpec.ReleaseName, new GpuOperatorArgs
            {
                Spec = gpuOperator,
                Provider = clusterProvider,
                LicenseToken = secrets.Require(gpuOperator.LicenseToken),
                PullSecret = secrets.Require(gpuOperator.PullSecret),
            }, ChildComponentOptions());
        }

        RegisterOutputs(new Dictionary<string, object?>
        {
            ["datacenterId"] = DatacenterId,
            ["folderPath"] = FolderPath,
            ["gpuVmAddresses"] = GpuVmAddresses,
            ["gpuVmClassName"] = GpuVmClassName,
            ["clusterName"] = Cluster.ClusterName,
        });
    }

    /// <summary>The datacenter's managed object id.</summary>
    [Output]
    public Output<string> DatacenterId { get; }

    /// <summary>The VM folder's path, relative to the datacenter's VM folder.</summary>
    [Output]
    public Output<string> FolderPath { get; }

    /// <summary>Each passthrough GPU VM's IP address, by VM name.</summary>
    [Output]
    public Output<ImmutableDictionary<string, string>> GpuVmAddresses { get; }

    /// <summary>The workload cluster: its kubeconfig and the provider platform components use.</summary>
    public WorkloadCluster Cluster { get; }

    /// <summary>The vGPU VM class's name; empty outside vGPU mode.</summary>
    [Output]
    public Output<string> GpuVmClassName { get; }
}
