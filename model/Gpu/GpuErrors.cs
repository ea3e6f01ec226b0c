using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Gpu.GpuErrors))]

namespace Infra.Model.Gpu;

/// <summary>The GPU rules: catalog, hosts, passthrough VMs and their placement, the vGPU class and capacity, the GPU Operator.</summary>
public static class GpuErrors
{
    /// <summary>No GPU model.</summary>
    public static readonly ErrorCode ModelRequired = new("MLOPS0301", "mlops:gpu.model", "A GPU mode other than 'none' names the hosts' GPU model.");

    /// <summary>No vGPU profile.</summary>
    public static readonly ErrorCode ProfileRequired = new("MLOPS0302", "mlops:gpu.profile", "vGPU mode names the profile the GPU VM class gets.");

    /// <summary>A profile outside vGPU mode.</summary>
    public static readonly ErrorCode ProfileWithoutVgpu = new("MLOPS0303", "mlops:gpu.profile", "A vGPU profile is set only in vGPU mode.");

    /// <summary>No GPU hosts.</summary>
    public static readonly ErrorCode HostsRequired = new("MLOPS0304", "mlops:gpu.hosts", "A GPU mode other than 'none' lists the ESXi hosts with GPUs.");

    /// <summary>GPUs per host out of range.</summary>
    public static readonly ErrorCode HostGpus = new("MLOPS0305", "mlops:gpu.hosts[].gpus", "A host has 1 to 16 GPUs.");

    /// <summary>What other stacks take of a host, out of range.</summary>
    public static readonly ErrorCode HostReserved = new("MLOPS0306", "mlops:gpu.hosts[].reserved", "What other stacks take of a host is 0 to what the host offers (its GPUs in passthrough, its vGPUs of the profile in vGPU mode).");

    /// <summary>A malformed stack name sharing a host.</summary>
    public static readonly ErrorCode SharedWith = new("MLOPS0307", "mlops:gpu.hosts[].sharedWith[]", "A stack sharing a host is named as Pulumi names stacks.");

    /// <summary>A malformed host name.</summary>
    public static readonly ErrorCode HostName = new("MLOPS0308", "mlops:gpu.hosts[].name", "A host is named as vCenter lists it: a DNS name or an IPv4 address.");

    /// <summary>A host listed twice.</summary>
    public static readonly ErrorCode HostTwice = new("MLOPS0309", "mlops:gpu.hosts[].name", "Each host is listed once, with all its GPUs.");

    /// <summary>An unknown GPU model.</summary>
    public static readonly ErrorCode UnknownModel = new("MLOPS0310", "mlops:gpu.model", "The GPU model is one the catalog knows.");

    /// <summary>A profile the model does not offer.</summary>
    public static readonly ErrorCode UnknownProfile = new("MLOPS0311", "mlops:gpu.profile", "The vGPU profile is one the GPU model offers.");

    /// <summary>Standalone VMs outside passthrough mode.</summary>
    public static readonly ErrorCode VmsWithoutPassthrough = new("MLOPS0312", "mlops:gpu.vms", "Standalone GPU VMs need passthrough mode: in vGPU mode GPUs reach workloads through the cluster's GPU node pools.");

    /// <summary>A VM class outside vGPU mode.</summary>
    public static readonly ErrorCode VmClassWithoutVgpu = new("MLOPS0313", "mlops:gpu.vmClass", "The vGPU VM class is set only in vGPU mode.");

    /// <summary>GPU VMs without a template.</summary>
    public static readonly ErrorCode TemplateRequired = new("MLOPS0314", "mlops:vsphere.template", "GPU VMs are cloned from a template, so one is named.");

    /// <summary>VM names too long.</summary>
    public static readonly ErrorCode VmNameTooLong = new("MLOPS0315", "mlops:gpu.vms[].name", "A GPU VM group's name keeps its VMs' names (mlops-<env>-<name>-NN) within 63 characters.");

    /// <summary>Addresses not one per VM.</summary>
    public static readonly ErrorCode AddressCount = new("MLOPS0316", "mlops:gpu.vms[].network.addresses", "Static addresses are one per VM of the group, or none for DHCP.");

    /// <summary>A malformed static address.</summary>
    public static readonly ErrorCode Address = new("MLOPS0317", "mlops:gpu.vms[].network.addresses[]", "A static address is IPv4 with a prefix length, such as 10.0.10.21/24.");

    /// <summary>Static addresses without a gateway.</summary>
    public static readonly ErrorCode GatewayRequired = new("MLOPS0318", "mlops:gpu.vms[].network.gateway", "Static addresses come with a gateway.");

    /// <summary>A malformed gateway, or one outside the VMs' subnet.</summary>
    public static readonly ErrorCode Gateway = new("MLOPS0319", "mlops:gpu.vms[].network.gateway", "The gateway is an IPv4 address in the VMs' subnet.");

    /// <summary>A malformed DNS server.</summary>
    public static readonly ErrorCode DnsServer = new("MLOPS0320", "mlops:gpu.vms[].network.dnsServers[]", "A DNS server is an IPv4 address.");

    /// <summary>VMs that do not fit the hosts.</summary>
    public static readonly ErrorCode Placement = new("MLOPS0321", "mlops:gpu.vms", "Every passthrough VM finds one host with all the GPUs it asks for free.");

    /// <summary>PCI addresses needed.</summary>
    public static readonly ErrorCode PciRequired = new("MLOPS0322", "mlops:gpu.hosts[].pciAddresses", "A host whose VMs take more than one GPU lists its GPUs' PCI addresses, one per GPU.");

    /// <summary>PCI addresses not one per GPU.</summary>
    public static readonly ErrorCode PciCount = new("MLOPS0323", "mlops:gpu.hosts[].pciAddresses", "A host lists one PCI address per GPU.");

    /// <summary>A malformed PCI address.</summary>
    public static readonly ErrorCode PciAddress = new("MLOPS0324", "mlops:gpu.hosts[].pciAddresses[]", "A PCI address is domain:bus:device.function in lowercase hex, such as 0000:3b:00.0.");

    /// <summary>A PCI address listed twice.</summary>
    public static readonly ErrorCode PciTwice = new("MLOPS0325", "mlops:gpu.hosts[].pciAddresses[]", "Each GPU of a host has its own PCI address.");

    /// <summary>A malformed VM class name.</summary>
    public static readonly ErrorCode VmClassName = new("MLOPS0326", "mlops:gpu.vmClass.name", "The VM class's name is a lowercase DNS label of at most 63 characters.");

    /// <summary>GPU pools that need more vGPUs than the hosts offer.</summary>
    public static readonly ErrorCode VgpuCapacity = new("MLOPS0327", "mlops:gpu.hosts", "The hosts offer at least the vGPUs of the profile that the GPU node pools need, one per node.");

    /// <summary>A GPU Operator outside vGPU mode.</summary>
    public static readonly ErrorCode OperatorWithoutVgpu = new("MLOPS0328", "mlops:gpu.operator", "The GPU Operator is set only in vGPU mode, where the cluster has GPU nodes.");

    /// <summary>No driver repository.</summary>
    public static readonly ErrorCode DriverRepository = new("MLOPS0329", "mlops:gpu.operator.driverRepository", "vGPU mode names the registry path of NVIDIA's licensed guest driver image.");

    /// <summary>No driver version.</summary>
    public static readonly ErrorCode DriverVersion = new("MLOPS0330", "mlops:gpu.operator.driverVersion", "vGPU mode names the guest driver version matching the hosts' vGPU Manager.");

    /// <summary>No pull secret.</summary>
    public static readonly ErrorCode PullSecret = new("MLOPS0331", "mlops:gpu.operator.pullSecret", "vGPU mode has the Docker config JSON that pulls the guest driver, as a secret.");

    /// <summary>No license token.</summary>
    public static readonly ErrorCode LicenseToken = new("MLOPS0332", "mlops:gpu.operator.licenseToken", "vGPU mode has the NVIDIA License System client configuration token, as a secret.");

    /// <summary>A guest driver on a branch the pinned GPU Operator does not support.</summary>
    public static readonly ErrorCode DriverBranch = new("MLOPS0333", "mlops:gpu.operator.driverVersion", "The guest driver is on a branch the pinned GPU Operator supports (R580 or R595 for v26.7.0), written as <branch>.<minor>.<patch>.");
}
