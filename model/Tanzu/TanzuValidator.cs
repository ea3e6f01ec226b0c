using System.Net;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Tanzu;

/// <summary>The rules of vSphere with Tanzu: the Supervisor (existing or enabled), the vSphere Namespace and the workload cluster.</summary>
public static class TanzuValidator
{
    /// <summary>The most nodes a pool may have: more than one workload cluster runs, so that no sum over the pools can overflow.</summary>
    public const int MaxPoolNodes = 1000;

    /// <summary>Checks the Tanzu settings of <paramref name="options"/>.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var tanzu = options.Tanzu;
        if (options.DeploysFoundation)
        {
            var enabling = tanzu?.Supervisor?.IsEnabled == true;
            if (enabling && tanzu!.SupervisorId is { Length: > 0 } existing)
            {
                errors.Fail(TanzuErrors.SupervisorIdWhileEnabling, "mlops:tanzu:supervisorId", $"'{existing}' is set, but mlops:tanzu.supervisor.enabled is true: the stack enables its own Supervisor and uses that. Remove it with 'pulumi config rm --path mlops:tanzu.supervisorId', or set 'pulumi config set --path mlops:tanzu.supervisor.enabled false'.");
            }
            else if (!enabling && string.IsNullOrEmpty(tanzu?.SupervisorId))
            {
                errors.Fail(TanzuErrors.SupervisorIdRequired, "mlops:tanzu:supervisorId", "is required: the Supervisor the vSphere Namespace is created on (vCenter shows it under Workload Management). Set it with 'pulumi config set --path mlops:tanzu.supervisorId <id>'.");
            }

            if (enabling)
            {
                Supervisor(tanzu!.Supervisor!, errors);
            }
            else if (tanzu?.SupervisorKubeconfig is null)
            {
                errors.Fail(TanzuErrors.SupervisorKubeconfigRequired, "mlops:tanzu:supervisorKubeconfig", "is required: the workload cluster is a custom resource on the Supervisor's Kubernetes API. Set it with 'pulumi config set --secret --path mlops:tanzu.supervisorKubeconfig \"$(cat supervisor.kubeconfig)\"'.");
            }
        }

        if (tanzu is not null)
        {
            Cluster(tanzu, errors);
            Pools(tanzu, options.Gpu, errors);
        }
    }

    /// <summary>Whether every pool is named and its node count in range: only then do sums over the pools mean anything.</summary>
    public static bool PoolsValid(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (options.Tanzu?.NodePools ?? []).All(p => p.Name is { Length: > 0 } && p.Replicas is null or (>= 1 and <= MaxPoolNodes));
    }

    private static void Cluster(TanzuOptions tanzu, ConfigErrors errors)
    {
        if (tanzu.Release is { Length: > 0 } release && TanzuReleases.Find(release) is null)
        {
            errors.Fail(TanzuErrors.UnknownRelease, "mlops:tanzu:release", $"'{release}' is not a pinned Tanzu Kubernetes release. Known: {string.Join(", ", TanzuReleases.All.Select(r => r.Name))}. Set it with 'pulumi config set --path mlops:tanzu.release <release>', or leave it unset for {TanzuReleases.Default.Name}.");
        }

        if (tanzu.ClusterName is { Length: > 0 } name && !ValueRules.IsDnsLabel(name, 41))
        {
            errors.Fail(TanzuErrors.ClusterName, "mlops:tanzu:clusterName", $"'{name}' is not a valid cluster name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 41 characters, so that node names derived from it stay under 63. Set it with 'pulumi config set --path mlops:tanzu.clusterName <name>'.");
        }

        var pods = errors.Cidr("mlops:tanzu:podCidr", tanzu.PodCidr, "192.168.0.0/16");
        var services = errors.Cidr("mlops:tanzu:serviceCidr", tanzu.ServiceCidr, "10.96.0.0/12");
        pods ??= tanzu.PodCidr is null ? Ipv4.ParseCidr(TanzuSpec.DefaultPodCidr) : null;
        services ??= tanzu.ServiceCidr is null ? Ipv4.ParseCidr(TanzuSpec.DefaultServiceCidr) : null;
        if (pods is { } p && services is { } s && ValueRules.SameSubnet(p.Address, s.Address, Math.Min(p.Prefix, s.Prefix)))
        {
            errors.Fail(TanzuErrors.CidrOverlap, "mlops:tanzu:serviceCidr", $"'{s.Address}/{s.Prefix}' overlaps the pods' CIDR {p.Address}/{p.Prefix}: pods and services need separate ranges. Set it with 'pulumi config set --path mlops:tanzu.serviceCidr 10.96.0.0/12'.");
        }

        var classes = tanzu.VmClasses ?? [];
        for (var i = 0; i < classes.Count; i++)
        {
            if (!ValueRules.IsDnsLabel(classes[i]))
            {
                errors.Fail(TanzuErrors.VmClassName, $"mlops:tanzu:vmClasses:{i}", $"'{classes[i]}' is not a valid VM class name: it must be a lowercase DNS label. Set it with 'pulumi config set --path \"mlops:tanzu.vmClasses[{i}]\" <class>'.");
            }
        }

        errors.Quantity("mlops:tanzu:limits:cpu", tanzu.Limits?.Cpu, "64");
        errors.Quantity("mlops:tanzu:limits:memory", tanzu.Limits?.Memory, "512Gi");
        errors.Quantity("mlops:tanzu:limits:storage", tanzu.Limits?.Storage, "10Ti");
    }

    private static void Pools(TanzuOptions tanzu, GpuOptions? gpu, ConfigErrors errors)
    {
        if (tanzu.Namespace is { Length: > 0 } ns && !ValueRules.IsDnsLabel(ns))
        {
            errors.Fail(TanzuErrors.Namespace, "mlops:tanzu:namespace", $"'{ns}' is not a valid vSphere Namespace name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path mlops:tanzu.namespace <name>'.");
        }

        if (tanzu.ControlPlane?.Replicas is { } replicas && replicas is not (1 or 3))
        {
            errors.Fail(TanzuErrors.ControlPlaneReplicas, "mlops:tanzu:controlPlane:replicas", $"'{replicas}' is not a valid control plane size: etcd needs 1 node (development) or 3 (highly available). Set it with 'pulumi config set --path mlops:tanzu.controlPlane.replicas 3'.");
        }

        var pools = tanzu.NodePools ?? [];
        for (var i = 0; i < pools.Count; i++)
        {
            var pool = pools[i];
            errors.LabelAndUnique(pools, p => p.Name, i, "mlops:tanzu:nodePools", "node pool");
            if (pool.Replicas is < 1 or > MaxPoolNodes)
            {
                errors.Fail(TanzuErrors.PoolReplicas, $"mlops:tanzu:nodePools:{i}:replicas", $"'{pool.Replicas}' is out of range: a node pool has 1 to {MaxPoolNodes} nodes. Set it with 'pulumi config set --path \"mlops:tanzu.nodePools[{i}].replicas\" <number>'.");
            }

            errors.Quantity($"mlops:tanzu:nodePools:{i}:containerdVolume", pool.ContainerdVolume, "100Gi");
            if (pool.Gpu == true && (gpu?.EffectiveMode ?? GpuMode.None) != GpuMode.Vgpu)
            {
                var mode = ConfigSchema.ChoiceName(gpu?.EffectiveMode ?? GpuMode.None);
                errors.Fail(TanzuErrors.GpuPoolWithoutVgpu, $"mlops:tanzu:nodePools:{i}:gpu", $"is true, but mlops:gpu.mode is '{mode}': cluster nodes get GPUs only through a vGPU VM class. Set 'pulumi config set --path mlops:gpu.mode vgpu', or 'pulumi config set --path \"mlops:tanzu.nodePools[{i}].gpu\" false'.");
            }
        }
    }

    private static void Supervisor(SupervisorOptions supervisor, ConfigErrors errors)
    {
        const string Path = "mlops:tanzu:supervisor";
        Required($"{Path}:managementNetwork", supervisor.ManagementNetwork, "the port group of the control plane VMs", "<port group>", errors);
        Required($"{Path}:workloadNetwork", supervisor.WorkloadNetwork, "the port group of cluster nodes and services", "<port group>", errors);
        var management = Gateway($"{Path}:managementGateway", supervisor.ManagementGateway, "10.0.0.1/24", errors);
        var workload = Gateway($"{Path}:workloadGateway", supervisor.WorkloadGateway, "192.168.0.1/16", errors);
        if (string.IsNullOrEmpty(supervisor.ManagementStartAddress))
        {
            errors.Fail(TanzuErrors.SupervisorSetting, $"{Path}:managementStartAddress", $"is required when the Supervisor is enabled: the first of the {SupervisorSpec.ManagementAddressCount} consecutive management addresses its control plane takes. Set it with 'pulumi config set --path mlops:tanzu.supervisor.managementStartAddress <address>'.");
        }
        else
        {
            InSubnet($"{Path}:managementStartAddress", supervisor.ManagementStartAddress, management, errors);
        }

        AddressRange($"{Path}:nodeAddresses", supervisor.NodeAddresses, workload, "the workload network addresses of cluster nodes", errors);
        AddressRange($"{Path}:serviceAddresses", supervisor.ServiceAddresses, null, "the Kubernetes service addresses", errors);
        if (supervisor.ControlPlaneCount is { } count && count is not (1 or 3))
        {
            errors.Fail(TanzuErrors.SupervisorControlPlane, $"{Path}:controlPlaneCount", $"'{count}' is not a valid control plane size: the Supervisor runs 1 or 3 control plane VMs. Set it with 'pulumi config set --path mlops:tanzu.supervisor.controlPlaneCount 3'.");
        }

        Addresses($"{Path}:dnsServers", supervisor.DnsServers, "DNS servers", errors);
        if (supervisor.NtpServers is not { Count: > 0 })
        {
            errors.Fail(TanzuErrors.SupervisorSetting, $"{Path}:ntpServers", "is required when the Supervisor is enabled: its VMs need time. Set one with 'pulumi config set --path \"mlops:tanzu.supervisor.ntpServers[0]\" <server>'.");
        }

        if (supervisor.LoadBalancer is not { } lb)
        {
            errors.Fail(TanzuErrors.SupervisorSetting, $"{Path}:loadBalancer", "is required when the Supervisor is enabled on vSphere networking: an HAProxy or NSX Advanced load balancer serves the Kubernetes APIs. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.type haproxy' and its host, username, password and caChain.");
            return;
        }

        if (lb.Port is < 1 or > 65535)
        {
            errors.Fail(TanzuErrors.LoadBalancerPort, $"{Path}:loadBalancer:port", $"'{lb.Port}' is not a TCP port. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.port <port>'.");
        }

        if (lb.CaChain is { Length: > 0 } chain && !ValueRules.IsPem(chain))
        {
            errors.Fail(TanzuErrors.LoadBalancerCa, $"{Path}:loadBalancer:caChain", "is not a PEM certificate chain: it must hold '-----BEGIN CERTIFICATE-----' blocks. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.caChain \"$(cat ca.pem)\"'.");
        }

        var ranges = lb.AddressRanges ?? [];
        if (ranges.Count == 0)
        {
            errors.Fail(TanzuErrors.SupervisorSetting, $"{Path}:loadBalancer:addressRanges", "is required: the virtual IPs the load balancer gives the Kubernetes APIs and services. Set one with 'pulumi config set --path \"mlops:tanzu.supervisor.loadBalancer.addressRanges[0].address\" <address>' and its count.");
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            AddressRange($"{Path}:loadBalancer:addressRanges:{i}", ranges[i], null, "virtual IPs", errors);
        }
    }

    private static void Required(string path, string? value, string what, string placeholder, ConfigErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Fail(TanzuErrors.SupervisorSetting, path, $"is required when the Supervisor is enabled: {what}. Set it with '{ConfigKeyPath.SetCommand(path, placeholder)}'.");
        }
    }

    private static (IPAddress Address, int Prefix)? Gateway(string path, string? value, string example, ConfigErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Fail(TanzuErrors.SupervisorSetting, path, $"is required when the Supervisor is enabled: the gateway with its prefix length, such as {example}. Set it with '{ConfigKeyPath.SetCommand(path, example)}'.");
            return null;
        }

        var gateway = Ipv4.ParseCidr(value);
        if (gateway is null)
        {
            errors.Fail(TanzuErrors.Gateway, path, $"'{value}' is not a gateway with a prefix length, such as {example}. Set it with '{ConfigKeyPath.SetCommand(path, example)}'.");
        }

        return gateway;
    }

    private static void InSubnet(string path, string address, (IPAddress Address, int Prefix)? subnet, ConfigErrors errors)
    {
        if (!ValueRules.IsIpv4(address))
        {
            errors.Fail(TanzuErrors.Address, path, $"'{address}' is not an IPv4 address. Set it with '{ConfigKeyPath.SetCommand(path, "<address>")}'.");
        }
        else if (subnet is { } net && !ValueRules.SameSubnet(net.Address, IPAddress.Parse(address), net.Prefix))
        {
            errors.Fail(TanzuErrors.Address, path, $"'{address}' is not in the gateway's subnet {net.Address}/{net.Prefix}. Set it with '{ConfigKeyPath.SetCommand(path, "<address>")}'.");
        }
    }

    private static void AddressRange(string path, AddressRangeOptions? range, (IPAddress Address, int Prefix)? subnet, string what, ConfigErrors errors)
    {
        if (range is null)
        {
            errors.Fail(TanzuErrors.SupervisorSetting, path, $"is required when the Supervisor is enabled: {what}. Set it with '{ConfigKeyPath.SetCommand(path + ":address", "<address>")}' and '{ConfigKeyPath.SetCommand(path + ":count", "<number>")}'.");
            return;
        }

        if (range.Address is { Length: > 0 } address)
        {
            InSubnet($"{path}:address", address, subnet, errors);
        }

        if (range.Count is < 1)
        {
            errors.Fail(TanzuErrors.RangeCount, $"{path}:count", $"'{range.Count}' is out of range: a range has at least 1 address. Set it with '{ConfigKeyPath.SetCommand(path + ":count", "<number>")}'.");
        }
    }

    private static void Addresses(string path, IReadOnlyList<string>? addresses, string what, ConfigErrors errors)
    {
        if (addresses is not { Count: > 0 })
        {
            errors.Fail(TanzuErrors.SupervisorSetting, path, $"is required when the Supervisor is enabled: its {what}. Set one with '{ConfigKeyPath.SetCommand(path + ":0", "<address>")}'.");
            return;
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            if (!ValueRules.IsIpv4(addresses[i]))
            {
                errors.Fail(TanzuErrors.Address, $"{path}:{i}", $"'{addresses[i]}' is not an IPv4 address. Set it with '{ConfigKeyPath.SetCommand($"{path}:{i}", "<address>")}'.");
            }
        }
    }
}
