using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Gpu;

namespace Infra.Model.Options;

/// <summary>The GPU rules: catalog, passthrough VMs and their placement, vGPU class and capacity.</summary>
public sealed partial class PlatformOptionsValidator
{
    private const int MaxVmsPerGroup = 99;
    private const int MaxGpusPerVm = 16;
    private const int MaxCpus = 768;

    [GeneratedRegex("\\A[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]\\z")]
    private static partial Regex PciAddressPattern();

    private void GpuDetails(PlatformOptions options)
    {
        if (options.Gpu is not { } gpu)
        {
            return;
        }

        var mode = gpu.EffectiveMode;
        var modeName = ConfigSchema.ChoiceName(mode);
        var model = GpuCatalog.Find(gpu.Model);
        if (mode != GpuMode.None && gpu.Model is { Length: > 0 } modelName && model is null)
        {
            Fail("mlops:gpu:model", $"'{modelName}' is not a known GPU model. Known: {string.Join(", ", GpuCatalog.Models.Select(m => m.Key))}. Set it with 'pulumi config set --path mlops:gpu.model <model>'.");
        }

        if (mode == GpuMode.Vgpu && model is not null && gpu.Profile is { Length: > 0 } profile && model.Profile(profile) is null)
        {
            Fail("mlops:gpu:profile", $"'{profile}' is not a vGPU profile of the {model.DisplayName}. Known for it: {string.Join(", ", model.Profiles.Select(p => p.Name))}. Set it with 'pulumi config set --path mlops:gpu.profile <profile>'.");
        }

        // Each entry is checked whatever the mode, so that a wrong mode hides no other error.
        var vms = gpu.Vms ?? [];
        var modeFailed = _alreadyFailed.Contains("mlops:gpu:mode");
        if (vms.Count > 0 && mode != GpuMode.Passthrough && !modeFailed)
        {
            Fail("mlops:gpu:vms", $"is set, but standalone GPU VMs need mlops:gpu.mode 'passthrough' (it is '{modeName}'): the vSphere provider cannot give a plain VM a vGPU, so in vGPU mode GPUs reach workloads through the cluster's GPU node pools. Remove it with 'pulumi config rm --path mlops:gpu.vms', or set 'pulumi config set --path mlops:gpu.mode passthrough'.");
        }

        if (gpu.VmClass is not null && mode != GpuMode.Vgpu && !modeFailed)
        {
            Fail("mlops:gpu:vmClass", $"is set, but the vGPU VM class exists only when mlops:gpu.mode is 'vgpu' (it is '{modeName}'). Remove it with 'pulumi config rm --path mlops:gpu.vmClass'.");
        }

        VmClass(gpu.VmClass);
        var vmsValid = GpuVms(options, vms);
        if (vms.Count > 0 && string.IsNullOrEmpty(options.Vsphere?.Template))
        {
            Fail("mlops:vsphere:template", "is required when mlops:gpu.vms is set: GPU VMs are cloned from it. Set it with 'pulumi config set --path mlops:vsphere.template <template>'.");
        }

        var hostsValid = (gpu.Hosts ?? []).All(h => h.Gpus is >= 1 and <= 16 && !string.IsNullOrEmpty(h.Name));
        if (mode == GpuMode.Passthrough && vmsValid && hostsValid && vms.Count > 0)
        {
            Placement(options);
        }

        if (mode == GpuMode.Vgpu && model?.Profile(gpu.Profile ?? string.Empty) is { } vgpuProfile && hostsValid && PoolsValid(options))
        {
            VgpuCapacity(options, model, vgpuProfile);
        }
    }

    // Capacity sums the pools' nodes: only once every pool's count is in range.
    private static bool PoolsValid(PlatformOptions options) =>
        (options.Tanzu?.NodePools ?? []).All(p => p.Replicas is null or (>= 1 and <= MaxPoolNodes));

    private bool GpuVms(PlatformOptions options, IReadOnlyList<GpuVmOptions> vms)
    {
        var before = _errors.Count;
        for (var i = 0; i < vms.Count; i++)
        {
            var vm = vms[i];
            var path = $"mlops:gpu:vms:{i}";
            LabelAndUnique(vms, v => v.Name, i, "mlops:gpu:vms", "GPU VM group");
            Range($"{path}:count", vm.Count, 1, MaxVmsPerGroup, "VMs in a group");
            Range($"{path}:gpus", vm.Gpus, 1, MaxGpusPerVm, "GPUs per VM");
            Range($"{path}:cpus", vm.Cpus, 1, MaxCpus, "vCPUs per VM");
            Size($"{path}:memory", vm.Memory, "64Gi");
            Size($"{path}:disk", vm.Disk, "200Gi");
            if (vm.Name is { Length: > 0 } name && options.Environment is { Length: > 0 } environment && GpuSpec.VmName(environment, name, 0).Length > 63)
            {
                Fail($"{path}:name", $"'{name}' makes VM names longer than 63 characters ('{GpuSpec.VmName(environment, name, 0)}'). Set a shorter one with 'pulumi config set --path \"mlops:gpu.vms[{i}].name\" <name>'.");
            }

            VmNetwork(path, i, vm.Network, vm.Count ?? 1);
        }

        return _errors.Count == before;
    }

    private void VmNetwork(string path, int i, GpuVmNetworkOptions? network, int count)
    {
        if (network is null)
        {
            return;
        }

        var addresses = network.Addresses ?? [];
        var key = $"mlops:gpu.vms[{i}].network";
        if (addresses.Count > 0 && addresses.Count != count)
        {
            Fail($"{path}:network:addresses", $"lists {addresses.Count} addresses for {count} VMs: give one address per VM, or none for DHCP. Set them with 'pulumi config set --path \"{key}.addresses[0]\" 10.0.10.21/24', one index per VM.");
        }

        (IPAddress Address, int Prefix)? first = null;
        for (var a = 0; a < addresses.Count; a++)
        {
            if (ParseCidr(addresses[a]) is { } cidr)
            {
                first ??= cidr;
            }
            else
            {
                Fail($"{path}:network:addresses:{a}", $"'{addresses[a]}' is not an IPv4 address with a prefix length, such as 10.0.10.21/24. Set it with 'pulumi config set --path \"{key}.addresses[{a}]\" 10.0.10.21/24'.");
            }
        }

        if (addresses.Count > 0 && string.IsNullOrEmpty(network.Gateway))
        {
            Fail($"{path}:network:gateway", $"is required with static addresses. Set it with 'pulumi config set --path \"{key}.gateway\" <address>'.");
        }
        else if (network.Gateway is { Length: > 0 } gateway)
        {
            if (!IsIpv4(gateway))
            {
                Fail($"{path}:network:gateway", $"'{gateway}' is not an IPv4 address. Set it with 'pulumi config set --path \"{key}.gateway\" <address>'.");
            }
            else if (first is { } net && !SameSubnet(net.Address, IPAddress.Parse(gateway), net.Prefix))
            {
                Fail($"{path}:network:gateway", $"'{gateway}' is not in the VMs' subnet {net.Address}/{net.Prefix}. Set it with 'pulumi config set --path \"{key}.gateway\" <address>'.");
            }
        }

        var dns = network.DnsServers ?? [];
        for (var d = 0; d < dns.Count; d++)
        {
            if (!IsIpv4(dns[d]))
            {
                Fail($"{path}:network:dnsServers:{d}", $"'{dns[d]}' is not an IPv4 address. Set it with 'pulumi config set --path \"{key}.dnsServers[{d}]\" <address>'.");
            }
        }
    }

    private void Placement(PlatformOptions options)
    {
        var gpu = options.Gpu!;
        var hosts = gpu.Hosts ?? [];
        var placement = GpuSpec.PlacePassthrough(options);
        if (!placement.Complete)
        {
            var requests = GpuSpec.VmRequests(options).ToDictionary(r => r.Name, r => r.Gpus, StringComparer.Ordinal);
            var asked = requests.Values.Sum();
            var unplaced = string.Join(", ", placement.Unplaced.Select(v => $"{v} ({requests[v]} GPUs)"));
            var usage = string.Join("; ", placement.Hosts.Select(h => $"{h.Host} has {h.Gpus} GPUs, {h.Used} used, {h.Free} free"));
            Fail("mlops:gpu:vms", $"asks for {asked} GPUs in {requests.Count} VMs, but not all fit on the GPU hosts, and a VM takes all its GPUs from one host: {unplaced} {(placement.Unplaced.Length == 1 ? "finds" : "find")} no host with enough GPUs free. Hosts: {usage}. Add GPU hosts to mlops:gpu.hosts, or lower mlops:gpu.vms[].count or mlops:gpu.vms[].gpus.");
            return;
        }

        for (var h = 0; h < hosts.Count; h++)
        {
            var host = hosts[h];
            var used = placement.Hosts[h].Used;
            var path = $"mlops:gpu:hosts:{h}:pciAddresses";
            var key = $"mlops:gpu.hosts[{h}].pciAddresses";
            var addresses = host.PciAddresses ?? [];
            if (addresses.Count == 0 && used > 1)
            {
                Fail(path, $"is required: VMs take {used} GPUs of {host.Name}, and the vSphere provider's getHostPciDevice finds one device per query, so list the host's GPU PCI addresses (as 'esxcli hardware pci list' shows them). Set them with 'pulumi config set --path \"{key}[0]\" 0000:3b:00.0', one index per GPU.");
            }
            else if (addresses.Count > 0 && addresses.Count != host.Gpus)
            {
                Fail(path, $"lists {addresses.Count} addresses, but {host.Name} has {host.Gpus} GPUs: list one address per GPU. Set them with 'pulumi config set --path \"{key}[0]\" 0000:3b:00.0', one index per GPU.");
            }

            for (var a = 0; a < addresses.Count; a++)
            {
                if (!PciAddressPattern().IsMatch(addresses[a]))
                {
                    Fail($"{path}:{a}", $"'{addresses[a]}' is not a PCI address: write it as domain:bus:device.function in lowercase hex, such as 0000:3b:00.0. Set it with 'pulumi config set --path \"{key}[{a}]\" 0000:3b:00.0'.");
                }
                else if (addresses.Take(a).Contains(addresses[a], StringComparer.Ordinal))
                {
                    Fail($"{path}:{a}", $"'{addresses[a]}' is listed twice for {host.Name}: each GPU has its own address. Set it with 'pulumi config set --path \"{key}[{a}]\" <address>'.");
                }
            }
        }
    }

    private void VmClass(GpuVmClassOptions? vmClass)
    {
        if (vmClass is null)
        {
            return;
        }

        if (vmClass.Name is { Length: > 0 } name && !IsDnsLabel(name))
        {
            Fail("mlops:gpu:vmClass:name", $"'{name}' is not a valid VM class name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path mlops:gpu.vmClass.name <name>'.");
        }

        Range("mlops:gpu:vmClass:cpus", vmClass.Cpus, 1, MaxCpus, "vCPUs per VM");
        Size("mlops:gpu:vmClass:memory", vmClass.Memory, "64Gi");
    }

    private void VgpuCapacity(PlatformOptions options, GpuModel model, VgpuProfile profile)
    {
        var hosts = options.Gpu?.Hosts ?? [];
        var perGpu = profile.PerGpu(model);
        for (var h = 0; h < hosts.Count; h++)
        {
            if (GpuSpec.Reserved(hosts[h]) > (hosts[h].Gpus ?? 0) * perGpu)
            {
                Fail($"mlops:gpu:hosts:{h}:reserved", $"'{hosts[h].Reserved}' is out of range: {hosts[h].Name} offers {(hosts[h].Gpus ?? 0) * perGpu} vGPUs of {profile.Name}, so other stacks take 0 to {(hosts[h].Gpus ?? 0) * perGpu}. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{h}].reserved\" <number>'.");
                return;
            }
        }

        var offered = hosts.Sum(h => ((long)(h.Gpus ?? 0) * perGpu) - GpuSpec.Reserved(h));
        var needed = GpuSpec.VgpuDemand(options);
        if (needed <= offered)
        {
            return;
        }

        var figures = string.Join("; ", hosts.Select(h => $"{h.Name}: {h.Gpus} GPUs x {perGpu} = {(h.Gpus ?? 0) * perGpu}{(GpuSpec.Reserved(h) > 0 ? $", {GpuSpec.Reserved(h)} reserved for other stacks" : string.Empty)}"));
        var configured = options.Tanzu?.NodePools is { Count: > 0 };
        var pools = configured
            ? string.Join(", ", options.Tanzu!.NodePools!.Select((p, i) => (p, i)).Where(x => x.p.Gpu == true).Select(x => $"mlops:tanzu.nodePools[{x.i}] '{x.p.Name}' has {x.p.Replicas ?? 1}"))
            : $"the default GPU pool has {needed}";
        Fail("mlops:gpu:hosts", $"offer {offered} vGPUs of {profile.Name} ({figures}), but the GPU node pools need {needed}, one per node ({pools}). Add GPU hosts, choose a smaller profile in mlops:gpu.profile, or lower the GPU pools' replicas.");
    }

    private void Range(string path, int? value, int min, int max, string what)
    {
        if (value is { } v && (v < min || v > max))
        {
            var key = ConfigKeyPath.ToPulumi(path);
            var quoted = key.Contains('[', StringComparison.Ordinal) ? $"\"{key}\"" : key;
            Fail(path, $"'{v}' is out of range: {what} must be {min} to {max}. Set it with 'pulumi config set --path {quoted} <number>'.");
        }
    }

    private void Size(string path, string? value, string example)
    {
        if (value is not { Length: > 0 })
        {
            return;
        }

        var key = ConfigKeyPath.ToPulumi(path);
        var quoted = key.Contains('[', StringComparison.Ordinal) ? $"\"{key}\"" : key;
        var bytes = Kubernetes.Quantity.Parse(value);
        if (bytes is null || bytes < 1024m * 1024m * 1024m || bytes > MaxSize)
        {
            Fail(path, $"'{value}' is not a size from 1Gi to {Kubernetes.Quantity.Format(MaxSize)}: write a Kubernetes quantity such as {example}. Set it with 'pulumi config set --path {quoted} {example}'.");
        }
    }

    private static (IPAddress Address, int Prefix)? ParseCidr(string value) => Ipv4.ParseCidr(value);

    private static bool IsIpv4(string value) => Ipv4.Parse(value) is not null;

    private static bool SameSubnet(IPAddress a, IPAddress b, int prefix)
    {
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return (ToUInt(a) & mask) == (ToUInt(b) & mask);
    }

    private static uint ToUInt(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }
}
