using Infra.Model.Configuration;
using Infra.Model.Tanzu;

namespace Infra.Model.Options;

/// <summary>The rules of what the foundation needs for vSphere with Tanzu: storage, Supervisor, cluster, GPU Operator.</summary>
public sealed partial class PlatformOptionsValidator
{
    private void Foundation(PlatformOptions options)
    {
        var tanzu = options.Tanzu;
        if (options.DeploysFoundation)
        {
            if (options.Storage?.Tiers is not { Count: > 0 })
            {
                Fail("mlops:storage:tiers", "is required: the vSphere Namespace and the workload cluster need at least one storage policy. Set one with 'pulumi config set --path mlops:storage.tiers[0].name gold'.");
            }

            var enabling = tanzu?.Supervisor?.IsEnabled == true;
            if (enabling && tanzu!.SupervisorId is { Length: > 0 } existing)
            {
                Fail("mlops:tanzu:supervisorId", $"'{existing}' is set, but mlops:tanzu.supervisor.enabled is true: the stack enables its own Supervisor and uses that. Remove it with 'pulumi config rm --path mlops:tanzu.supervisorId', or set 'pulumi config set --path mlops:tanzu.supervisor.enabled false'.");
            }
            else if (!enabling && string.IsNullOrEmpty(tanzu?.SupervisorId))
            {
                Fail("mlops:tanzu:supervisorId", "is required: the Supervisor the vSphere Namespace is created on (vCenter shows it under Workload Management). Set it with 'pulumi config set --path mlops:tanzu.supervisorId <id>'.");
            }

            if (enabling)
            {
                Supervisor(tanzu!.Supervisor!);
            }
            else if (tanzu?.SupervisorKubeconfig is null)
            {
                Fail("mlops:tanzu:supervisorKubeconfig", "is required: the workload cluster is a custom resource on the Supervisor's Kubernetes API. Set it with 'pulumi config set --secret --path mlops:tanzu.supervisorKubeconfig \"$(cat supervisor.kubeconfig)\"'.");
            }
        }

        if (tanzu is not null)
        {
            TanzuDetails(tanzu);
        }

        GpuOperator(options);
    }

    private void TanzuDetails(TanzuOptions tanzu)
    {
        if (tanzu.Release is { Length: > 0 } release && TanzuReleases.Find(release) is null)
        {
            Fail("mlops:tanzu:release", $"'{release}' is not a pinned Tanzu Kubernetes release. Known: {string.Join(", ", TanzuReleases.All.Select(r => r.Name))}. Set it with 'pulumi config set --path mlops:tanzu.release <release>', or leave it unset for {TanzuReleases.Default.Name}.");
        }

        if (tanzu.ClusterName is { Length: > 0 } name && !IsDnsLabel(name, 41))
        {
            Fail("mlops:tanzu:clusterName", $"'{name}' is not a valid cluster name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 41 characters, so that node names derived from it stay under 63. Set it with 'pulumi config set --path mlops:tanzu.clusterName <name>'.");
        }

        var pods = Cidr("mlops:tanzu:podCidr", tanzu.PodCidr, "192.168.0.0/16");
        var services = Cidr("mlops:tanzu:serviceCidr", tanzu.ServiceCidr, "10.96.0.0/12");
        pods ??= tanzu.PodCidr is null ? ParseCidr(TanzuSpec.DefaultPodCidr) : null;
        services ??= tanzu.ServiceCidr is null ? ParseCidr(TanzuSpec.DefaultServiceCidr) : null;
        if (pods is { } p && services is { } s && SameSubnet(p.Address, s.Address, Math.Min(p.Prefix, s.Prefix)))
        {
            Fail("mlops:tanzu:serviceCidr", $"'{s.Address}/{s.Prefix}' overlaps the pods' CIDR {p.Address}/{p.Prefix}: pods and services need separate ranges. Set it with 'pulumi config set --path mlops:tanzu.serviceCidr 10.96.0.0/12'.");
        }

        var classes = tanzu.VmClasses ?? [];
        for (var i = 0; i < classes.Count; i++)
        {
            if (!IsDnsLabel(classes[i]))
            {
                Fail($"mlops:tanzu:vmClasses:{i}", $"'{classes[i]}' is not a valid VM class name: it must be a lowercase DNS label. Set it with 'pulumi config set --path \"mlops:tanzu.vmClasses[{i}]\" <class>'.");
            }
        }

        Quantity("mlops:tanzu:limits:cpu", tanzu.Limits?.Cpu, "64");
        Quantity("mlops:tanzu:limits:memory", tanzu.Limits?.Memory, "512Gi");
        Quantity("mlops:tanzu:limits:storage", tanzu.Limits?.Storage, "10Ti");
    }

    private void GpuOperator(PlatformOptions options)
    {
        var mode = options.Gpu?.EffectiveMode ?? GpuMode.None;
        var op = options.Gpu?.Operator;
        if (op is not null && mode != GpuMode.Vgpu)
        {
            Fail("mlops:gpu:operator", $"is set, but the GPU Operator runs on the cluster's GPU nodes, which exist only when mlops:gpu.mode is 'vgpu' (it is '{ConfigSchema.ChoiceName(mode)}'); passthrough GPUs are in standalone VMs. Remove it with 'pulumi config rm --path mlops:gpu.operator'.");
            return;
        }

        if (mode != GpuMode.Vgpu || !options.DeploysFoundation)
        {
            return;
        }

        if (string.IsNullOrEmpty(op?.DriverRepository))
        {
            Fail("mlops:gpu:operator:driverRepository", "is required in vGPU mode: the registry path of NVIDIA's licensed vGPU guest driver image (or your mirror of it). Set it with 'pulumi config set --path mlops:gpu.operator.driverRepository nvcr.io/nvaie'.");
        }

        if (string.IsNullOrEmpty(op?.DriverVersion))
        {
            Fail("mlops:gpu:operator:driverVersion", "is required in vGPU mode: the guest driver version matching the hosts' NVIDIA vGPU Manager. Set it with 'pulumi config set --path mlops:gpu.operator.driverVersion <version>'.");
        }

        if (op?.PullSecret is null)
        {
            Fail("mlops:gpu:operator:pullSecret", "is required in vGPU mode: the Docker config JSON that pulls the guest driver. Set it with 'pulumi config set --secret --path mlops:gpu.operator.pullSecret \"$(cat config.json)\"'.");
        }

        if (op?.LicenseToken is null)
        {
            Fail("mlops:gpu:operator:licenseToken", "is required in vGPU mode: the NVIDIA License System client configuration token. Set it with 'pulumi config set --secret --path mlops:gpu.operator.licenseToken \"$(cat client_configuration_token.tok)\"'.");
        }
    }

    private void Supervisor(SupervisorOptions supervisor)
    {
        const string Path = "mlops:tanzu:supervisor";
        Required($"{Path}:managementNetwork", supervisor.ManagementNetwork, "the port group of the control plane VMs", "<port group>");
        Required($"{Path}:workloadNetwork", supervisor.WorkloadNetwork, "the port group of cluster nodes and services", "<port group>");
        var management = Gateway($"{Path}:managementGateway", supervisor.ManagementGateway, "10.0.0.1/24");
        var workload = Gateway($"{Path}:workloadGateway", supervisor.WorkloadGateway, "192.168.0.1/16");
        if (string.IsNullOrEmpty(supervisor.ManagementStartAddress))
        {
            Fail($"{Path}:managementStartAddress", $"is required when the Supervisor is enabled: the first of the {SupervisorSpec.ManagementAddressCount} consecutive management addresses its control plane takes. Set it with 'pulumi config set --path mlops:tanzu.supervisor.managementStartAddress <address>'.");
        }
        else
        {
            InSubnet($"{Path}:managementStartAddress", supervisor.ManagementStartAddress, management);
        }

        AddressRange($"{Path}:nodeAddresses", supervisor.NodeAddresses, workload, "the workload network addresses of cluster nodes");
        AddressRange($"{Path}:serviceAddresses", supervisor.ServiceAddresses, null, "the Kubernetes service addresses");
        if (supervisor.ControlPlaneCount is { } count && count is not (1 or 3))
        {
            Fail($"{Path}:controlPlaneCount", $"'{count}' is not a valid control plane size: the Supervisor runs 1 or 3 control plane VMs. Set it with 'pulumi config set --path mlops:tanzu.supervisor.controlPlaneCount 3'.");
        }

        Addresses($"{Path}:dnsServers", supervisor.DnsServers, "DNS servers");
        if (supervisor.NtpServers is not { Count: > 0 })
        {
            Fail($"{Path}:ntpServers", "is required when the Supervisor is enabled: its VMs need time. Set one with 'pulumi config set --path \"mlops:tanzu.supervisor.ntpServers[0]\" <server>'.");
        }

        if (supervisor.LoadBalancer is not { } lb)
        {
            Fail($"{Path}:loadBalancer", "is required when the Supervisor is enabled on vSphere networking: an HAProxy or NSX Advanced load balancer serves the Kubernetes APIs. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.type haproxy' and its host, username, password and caChain.");
            return;
        }

        if (lb.Port is < 1 or > 65535)
        {
            Fail($"{Path}:loadBalancer:port", $"'{lb.Port}' is not a TCP port. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.port <port>'.");
        }

        if (lb.CaChain is { Length: > 0 } chain && !chain.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            Fail($"{Path}:loadBalancer:caChain", "is not a PEM certificate chain: it must hold '-----BEGIN CERTIFICATE-----' blocks. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.caChain \"$(cat ca.pem)\"'.");
        }

        var ranges = lb.AddressRanges ?? [];
        if (ranges.Count == 0)
        {
            Fail($"{Path}:loadBalancer:addressRanges", "is required: the virtual IPs the load balancer gives the Kubernetes APIs and services. Set one with 'pulumi config set --path \"mlops:tanzu.supervisor.loadBalancer.addressRanges[0].address\" <address>' and its count.");
        }

        for (var i = 0; i < ranges.Count; i++)
        {
            AddressRange($"{Path}:loadBalancer:addressRanges:{i}", ranges[i], null, "virtual IPs");
        }
    }

    private void Required(string path, string? value, string what, string placeholder)
    {
        if (string.IsNullOrEmpty(value))
        {
            Fail(path, $"is required when the Supervisor is enabled: {what}. Set it with '{ConfigKeyPath.SetCommand(path, placeholder)}'.");
        }
    }

    private (System.Net.IPAddress Address, int Prefix)? Gateway(string path, string? value, string example)
    {
        if (string.IsNullOrEmpty(value))
        {
            Fail(path, $"is required when the Supervisor is enabled: the gateway with its prefix length, such as {example}. Set it with '{ConfigKeyPath.SetCommand(path, example)}'.");
            return null;
        }

        var gateway = ParseCidr(value);
        if (gateway is null)
        {
            Fail(path, $"'{value}' is not a gateway with a prefix length, such as {example}. Set it with '{ConfigKeyPath.SetCommand(path, example)}'.");
        }

        return gateway;
    }

    private void InSubnet(string path, string address, (System.Net.IPAddress Address, int Prefix)? subnet)
    {
        if (!IsIpv4(address))
        {
            Fail(path, $"'{address}' is not an IPv4 address. Set it with '{ConfigKeyPath.SetCommand(path, "<address>")}'.");
        }
        else if (subnet is { } net && !SameSubnet(net.Address, System.Net.IPAddress.Parse(address), net.Prefix))
        {
            Fail(path, $"'{address}' is not in the gateway's subnet {net.Address}/{net.Prefix}. Set it with '{ConfigKeyPath.SetCommand(path, "<address>")}'.");
        }
    }

    private void AddressRange(string path, AddressRangeOptions? range, (System.Net.IPAddress Address, int Prefix)? subnet, string what)
    {
        if (range is null)
        {
            Fail(path, $"is required when the Supervisor is enabled: {what}. Set it with '{ConfigKeyPath.SetCommand(path + ":address", "<address>")}' and '{ConfigKeyPath.SetCommand(path + ":count", "<number>")}'.");
            return;
        }

        if (range.Address is { Length: > 0 } address)
        {
            InSubnet($"{path}:address", address, subnet);
        }

        if (range.Count is < 1)
        {
            Fail($"{path}:count", $"'{range.Count}' is out of range: a range has at least 1 address. Set it with '{ConfigKeyPath.SetCommand(path + ":count", "<number>")}'.");
        }
    }

    private void Addresses(string path, IReadOnlyList<string>? addresses, string what)
    {
        if (addresses is not { Count: > 0 })
        {
            Fail(path, $"is required when the Supervisor is enabled: its {what}. Set one with '{ConfigKeyPath.SetCommand(path + ":0", "<address>")}'.");
            return;
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            if (!IsIpv4(addresses[i]))
            {
                Fail($"{path}:{i}", $"'{addresses[i]}' is not an IPv4 address. Set it with '{ConfigKeyPath.SetCommand($"{path}:{i}", "<address>")}'.");
            }
        }
    }

    private (System.Net.IPAddress Address, int Prefix)? Cidr(string path, string? value, string example)
    {
        if (value is not { Length: > 0 })
        {
            return null;
        }

        var cidr = ParseCidr(value);
        if (cidr is null)
        {
            var key = ConfigKeyPath.ToPulumi(path);
            Fail(path, $"'{value}' is not an IPv4 CIDR block such as {example}. Set it with 'pulumi config set --path {key} {example}'.");
        }

        return cidr;
    }
}
