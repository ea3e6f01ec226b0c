using System.Net;
using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Gpu;

/// <summary>The GPU rules: hosts, catalog, passthrough VMs and their placement, the vGPU class and capacity, the GPU Operator.</summary>
public static partial class GpuValidator
{
    private const int MaxVmsPerGroup = 99;
    private const int MaxGpusPerVm = 16;
    private const int MaxCpus = 768;

    /// <summary>Checks the GPU settings of <paramref name="options"/>.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.Gpu is { } gpu)
        {
            Hosts(gpu, errors);
            Details(options, gpu, errors);
        }

        Operator(options, errors);
    }

    private static void Hosts(GpuOptions gpu, ConfigErrors errors)
    {
        var mode = gpu.EffectiveMode;
        var modeName = ConfigSchema.ChoiceName(mode);
        if (mode != GpuMode.None && string.IsNullOrEmpty(gpu.Model))
        {
            errors.Fail(GpuErrors.ModelRequired, "mlops:gpu:model", $"is required when mlops:gpu.mode is '{modeName}': the GPU model in the hosts. Set it with 'pulumi config set --path mlops:gpu.model <model>'.");
        }

        if (mode == GpuMode.Vgpu && string.IsNullOrEmpty(gpu.Profile))
        {
            errors.Fail(GpuErrors.ProfileRequired, "mlops:gpu:profile", "is required when mlops:gpu.mode is 'vgpu': the vGPU profile that the GPU VM class gets. Set it with 'pulumi config set --path mlops:gpu.profile <profile>'.");
        }
        else if (mode != GpuMode.Vgpu && gpu.Profile is { Length: > 0 } profile)
        {
            errors.Fail(GpuErrors.ProfileWithoutVgpu, "mlops:gpu:profile", $"'{profile}' is set, but vGPU profiles apply only when mlops:gpu.mode is 'vgpu' (it is '{modeName}'). Remove it with 'pulumi config rm --path mlops:gpu.profile', or set 'pulumi config set --path mlops:gpu.mode vgpu'.");
        }

        var hosts = gpu.Hosts ?? [];
        if (mode != GpuMode.None && hosts.Count == 0)
        {
            errors.Fail(GpuErrors.HostsRequired, "mlops:gpu:hosts", $"is required when mlops:gpu.mode is '{modeName}': the ESXi hosts with GPUs and how many each has. Set one with 'pulumi config set --path mlops:gpu.hosts[0].name <host>' and 'pulumi config set --path mlops:gpu.hosts[0].gpus <number>'.");
        }

        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];
            if (host.Gpus is < 1 or > 16)
            {
                errors.Fail(GpuErrors.HostGpus, $"mlops:gpu:hosts:{i}:gpus", $"'{host.Gpus}' is out of range: a host has 1 to 16 GPUs. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].gpus\" <number>'.");
            }

            if (host.Reserved is < 0 || (mode == GpuMode.Passthrough && host.Reserved > host.Gpus))
            {
                errors.Fail(GpuErrors.HostReserved, $"mlops:gpu:hosts:{i}:reserved", $"'{host.Reserved}' is out of range: what other stacks take of a host is 0 to its {(mode == GpuMode.Passthrough ? $"{host.Gpus} GPUs" : "vGPUs")}. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].reserved\" <number>'.");
            }

            var others = host.SharedWith ?? [];
            for (var s = 0; s < others.Count; s++)
            {
                if (StackName.Problem(others[s]) is { } problem)
                {
                    errors.Fail(GpuErrors.SharedWith, $"mlops:gpu:hosts:{i}:sharedWith:{s}", $"'{others[s]}' {problem}. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].sharedWith[{s}]\" <stack>'.");
                }
            }

            if (host.Name is { Length: > 0 } hostName && !ValueRules.IsHostName(hostName))
            {
                errors.Fail(GpuErrors.HostName, $"mlops:gpu:hosts:{i}:name", $"'{hostName}' is not an ESXi host's name: write it as vCenter lists the host, a DNS name such as esx-gpu-01.example.com or an IPv4 address. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].name\" <host>'.");
                continue;
            }

            var first = errors.FirstIndex(hosts, h => h.Name, i);
            if (first < i)
            {
                errors.Fail(GpuErrors.HostTwice, $"mlops:gpu:hosts:{i}:name", $"'{host.Name}' is listed twice (also mlops:gpu.hosts[{first}]): list each host once with all its GPUs. Remove one with 'pulumi config rm --path \"mlops:gpu.hosts[{i}]\"'.");
            }
        }
    }

    private static void Details(PlatformOptions options, GpuOptions gpu, ConfigErrors errors)
    {
        var mode = gpu.EffectiveMode;
        var modeName = ConfigSchema.ChoiceName(mode);
        var model = GpuCatalog.Find(gpu.Model);
        if (mode != GpuMode.None && gpu.Model is { Length: > 0 } modelName && model is null)
        {
            errors.Fail(GpuErrors.UnknownModel, "mlops:gpu:model", $"'{modelName}' is not a known GPU model. Known: {string.Join(", ", GpuCatalog.Models.Select(m => m.Key))}. Set it with 'pulumi config set --path mlops:gpu.model <model>'.");
        }

        if (mode == GpuMode.Vgpu && model is not null && gpu.Profile is { Length: > 0 } profile && model.Profile(profile) is null)
        {
            errors.Fail(GpuErrors.UnknownProfile, "mlops:gpu:profile", $"'{profile}' is not a vGPU profile of the {model.DisplayName}. Known for it: {string.Join(", ", model.Profiles.Select(p => p.Name))}. Set it with 'pulumi config set --path mlops:gpu.profile <profile>'.");
        }

        // Each entry is checked whatever the mode, so that a wrong mode hides no other error.
        var vms = gpu.Vms ?? [];
        var modeFailed = errors.FailedWhileBinding("mlops:gpu:mode");
        if (vms.Count > 0 && mode != GpuMode.Passthrough && !modeFailed)
        {
            errors.Fail(GpuErrors.VmsWithoutPassthrough, "mlops:gpu:vms", $"is set, but standalone GPU VMs need mlops:gpu.mode 'passthrough' (it is '{modeName}'): the vSphere provider cannot give a plain VM a vGPU, so in vGPU mode GPUs reach workloads through the cluster's GPU node pools. Remove it with 'pulumi config rm --path mlops:gpu.vms', or set 'pulumi config set --path mlops:gpu.mode passthrough'.");
        }

        if (gpu.VmClass is not null && mode != GpuMode.Vgpu && !modeFailed)
        {
            errors.Fail(GpuErrors.VmClassWithoutVgpu, "mlops:gpu:vmClass", $"is set, but the vGPU VM class exists only when mlops:gpu.mode is 'vgpu' (it is '{modeName}'). Remove it with 'pulumi config rm --path mlops:gpu.vmClass'.");
        }

        VmClass(gpu.VmClass, errors);
        var vmsValid = Vms(options, vms, errors);
        if (vms.Count > 0 && string.IsNullOrEmpty(options.Vsphere?.Template))
        {
            errors.Fail(GpuErrors.TemplateRequired, "mlops:vsphere:template", "is required when mlops:gpu.vms is set: GPU VMs are cloned from it. Set it with 'pulumi config set --path mlops:vsphere.template <template>'.");
        }

        var hostsValid = (gpu.Hosts ?? []).All(h => h.Gpus is >= 1 and <= 16 && !string.IsNullOrEmpty(h.Name));
        // Placement names the VMs as the plan does, so it needs the environment and every group's name.
        var named = options.Environment is { Length: > 0 } && vms.All(v => v.Name is { Length: > 0 });
        if (mode == GpuMode.Passthrough && vmsValid && hostsValid && named && vms.Count > 0)
        {
            Placement(options, errors);
        }

        if (mode == GpuMode.Vgpu && model?.Profile(gpu.Profile ?? string.Empty) is { } vgpuProfile && hostsValid && Tanzu.TanzuValidator.PoolsValid(options))
        {
            VgpuCapacity(options, model, vgpuProfile, errors);
        }
    }

    private static bool Vms(PlatformOptions options, IReadOnlyList<GpuVmOptions> vms, ConfigErrors errors)
    {
        var before = errors.Count;
        for (var i = 0; i < vms.Count; i++)
        {
            var vm = vms[i];
            var path = $"mlops:gpu:vms:{i}";
            errors.LabelAndUnique(vms, v => v.Name, i, "mlops:gpu:vms", "GPU VM group");
            errors.Range($"{path}:count", vm.Count, 1, MaxVmsPerGroup, "VMs in a group");
            errors.Range($"{path}:gpus", vm.Gpus, 1, MaxGpusPerVm, "GPUs per VM");
            errors.Range($"{path}:cpus", vm.Cpus, 1, MaxCpus, "vCPUs per VM");
            errors.Size($"{path}:memory", vm.Memory, "64Gi");
            errors.Size($"{path}:disk", vm.Disk, "200Gi");
            if (vm.Name is { Length: > 0 } name && options.Environment is { Length: > 0 } environment && GpuSpec.VmName(environment, name, 0).Length > 63)
            {
                errors.Fail(GpuErrors.VmNameTooLong, $"{path}:name", $"'{name}' makes VM names longer than 63 characters ('{GpuSpec.VmName(environment, name, 0)}'). Set a shorter one with 'pulumi config set --path \"mlops:gpu.vms[{i}].name\" <name>'.");
            }

            VmNetwork(path, i, vm.Network, vm.Count ?? 1, errors);
        }

        return errors.Count == before;
    }

    private static void VmNetwork(string path, int i, GpuVmNetworkOptions? network, int count, ConfigErrors errors)
    {
        if (network is null)
        {
            return;
        }

        var addresses = network.Addresses ?? [];
        var key = $"mlops:gpu.vms[{i}].network";
        if (addresses.Count > 0 && addresses.Count != count)
        {
            errors.Fail(GpuErrors.AddressCount, $"{path}:network:addresses", $"lists {addresses.Count} addresses for {count} VMs: give one address per VM, or none for DHCP. Set them with 'pulumi config set --path \"{key}.addresses[0]\" 10.0.10.21/24', one index per VM.");
        }

        (IPAddress Address, int Prefix)? first = null;
        for (var a = 0; a < addresses.Count; a++)
        {
            if (Ipv4.ParseCidr(addresses[a]) is { } cidr)
            {
                first ??= cidr;
            }
            else
            {
                errors.Fail(GpuErrors.Address, $"{path}:network:addresses:{a}", $"'{addresses[a]}' is not an IPv4 address with a prefix length, such as 10.0.10.21/24. Set it with 'pulumi config set --path \"{key}.addresses[{a}]\" 10.0.10.21/24'.");
            }
        }

        if (addresses.Count > 0 && string.IsNullOrEmpty(network.Gateway))
        {
            errors.Fail(GpuErrors.GatewayRequired, $"{path}:network:gateway", $"is required with static addresses. Set it with 'pulumi config set --path \"{key}.gateway\" <address>'.");
        }
        else if (network.Gateway is { Length: > 0 } gateway)
        {
            if (!ValueRules.IsIpv4(gateway))
            {
                errors.Fail(GpuErrors.Gateway, $"{path}:network:gateway", $"'{gateway}' is not an IPv4 address. Set it with 'pulumi config set --path \"{key}.gateway\" <address>'.");
            }
            else if (first is { } net && !ValueRules.SameSubnet(net.Address, IPAddress.Parse(gateway), net.Prefix))
            {
                errors.Fail(GpuErrors.Gateway, $"{path}:network:gateway", $"'{gateway}' is not in the VMs' subnet {net.Address}/{net.Prefix}. Set it with 'pulumi config set --path \"{key}.gateway\" <address>'.");
            }
        }

        var dns = network.DnsServers ?? [];
        for (var d = 0; d < dns.Count; d++)
        {
            if (!ValueRules.IsIpv4(dns[d]))
            {
                errors.Fail(GpuErrors.DnsServer, $"{path}:network:dnsServers:{d}", $"'{dns[d]}' is not an IPv4 address. Set it with 'pulumi config set --path \"{key}.dnsServers[{d}]\" <address>'.");
            }
        }
    }

    private static void Placement(PlatformOptions options, ConfigErrors errors)
    {
        var hosts = options.Gpu!.Hosts ?? [];
        var placement = GpuSpec.PlacePassthrough(options);
        if (!placement.Complete)
        {
            var requests = GpuSpec.VmRequests(options).ToDictionary(r => r.Name, r => r.Gpus, StringComparer.Ordinal);
            var asked = requests.Values.Sum();
            var unplaced = string.Join(", ", placement.Unplaced.Select(v => $"{v} ({requests[v]} GPUs)"));
            var usage = string.Join("; ", placement.Hosts.Select(h => $"{h.Host} has {h.Gpus} GPUs, {h.Used} used, {h.Free} free"));
            errors.Fail(GpuErrors.Placement, "mlops:gpu:vms", $"asks for {asked} GPUs in {requests.Count} VMs, but not all fit on the GPU hosts, and a VM takes all its GPUs from one host: {unplaced} {(placement.Unplaced.Length == 1 ? "finds" : "find")} no host with enough GPUs free. Hosts: {usage}. Add GPU hosts to mlops:gpu.hosts, or lower mlops:gpu.vms[].count or mlops:gpu.vms[].gpus.");
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
                errors.Fail(GpuErrors.PciRequired, path, $"is required: VMs take {used} GPUs of {host.Name}, and the vSphere provider's getHostPciDevice finds one device per query, so list the host's GPU PCI addresses (as 'esxcli hardware pci list' shows them). Set them with 'pulumi config set --path \"{key}[0]\" 0000:3b:00.0', one index per GPU.");
            }
            else if (addresses.Count > 0 && addresses.Count != host.Gpus)
            {
                errors.Fail(GpuErrors.PciCount, path, $"lists {addresses.Count} addresses, but {host.Name} has {host.Gpus} GPUs: list one address per GPU. Set them with 'pulumi config set --path \"{key}[0]\" 0000:3b:00.0', one index per GPU.");
            }

            for (var a = 0; a < addresses.Count; a++)
            {
                if (!PciAddressPattern().IsMatch(addresses[a]))
                {
                    errors.Fail(GpuErrors.PciAddress, $"{path}:{a}", $"'{addresses[a]}' is not a PCI address: write it as domain:bus:device.function in lowercase hex, such as 0000:3b:00.0. Set it with 'pulumi config set --path \"{key}[{a}]\" 0000:3b:00.0'.");
                }
                else if (addresses.Take(a).Contains(addresses[a], StringComparer.Ordinal))
                {
                    errors.Fail(GpuErrors.PciTwice, $"{path}:{a}", $"'{addresses[a]}' is listed twice for {host.Name}: each GPU has its own address. Set it with 'pulumi config set --path \"{key}[{a}]\" <address>'.");
                }
            }
        }
    }

    private static void VmClass(GpuVmClassOptions? vmClass, ConfigErrors errors)
    {
        if (vmClass is null)
        {
            return;
        }

        if (vmClass.Name is { Length: > 0 } name && !ValueRules.IsDnsLabel(name))
        {
            errors.Fail(GpuErrors.VmClassName, "mlops:gpu:vmClass:name", $"'{name}' is not a valid VM class name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path mlops:gpu.vmClass.name <name>'.");
        }

        errors.Range("mlops:gpu:vmClass:cpus", vmClass.Cpus, 1, MaxCpus, "vCPUs per VM");
        errors.Size("mlops:gpu:vmClass:memory", vmClass.Memory, "64Gi");
    }

    private static void VgpuCapacity(PlatformOptions options, GpuModel model, VgpuProfile profile, ConfigErrors errors)
    {
        var hosts = options.Gpu?.Hosts ?? [];
        var perGpu = profile.PerGpu(model);
        for (var h = 0; h < hosts.Count; h++)
        {
            if (GpuSpec.Reserved(hosts[h]) > (hosts[h].Gpus ?? 0) * perGpu)
            {
                errors.Fail(GpuErrors.HostReserved, $"mlops:gpu:hosts:{h}:reserved", $"'{hosts[h].Reserved}' is out of range: {hosts[h].Name} offers {(hosts[h].Gpus ?? 0) * perGpu} vGPUs of {profile.Name}, so other stacks take 0 to {(hosts[h].Gpus ?? 0) * perGpu}. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{h}].reserved\" <number>'.");
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
        errors.Fail(GpuErrors.VgpuCapacity, "mlops:gpu:hosts", $"offer {offered} vGPUs of {profile.Name} ({figures}), but the GPU node pools need {needed}, one per node ({pools}). Add GPU hosts, choose a smaller profile in mlops:gpu.profile, or lower the GPU pools' replicas.");
    }

    private static void Operator(PlatformOptions options, ConfigErrors errors)
    {
        var mode = options.Gpu?.EffectiveMode ?? GpuMode.None;
        var op = options.Gpu?.Operator;
        if (op is not null && mode != GpuMode.Vgpu)
        {
            errors.Fail(GpuErrors.OperatorWithoutVgpu, "mlops:gpu:operator", $"is set, but the GPU Operator runs on the cluster's GPU nodes, which exist only when mlops:gpu.mode is 'vgpu' (it is '{ConfigSchema.ChoiceName(mode)}'); passthrough GPUs are in standalone VMs. Remove it with 'pulumi config rm --path mlops:gpu.operator'.");
            return;
        }

        if (mode != GpuMode.Vgpu || !options.DeploysFoundation)
        {
            return;
        }

        if (string.IsNullOrEmpty(op?.DriverRepository))
        {
            errors.Fail(GpuErrors.DriverRepository, "mlops:gpu:operator:driverRepository", "is required in vGPU mode: the registry path of NVIDIA's licensed vGPU guest driver image (or your mirror of it). Set it with 'pulumi config set --path mlops:gpu.operator.driverRepository nvcr.io/nvaie'.");
        }

        if (string.IsNullOrEmpty(op?.DriverVersion))
        {
            errors.Fail(GpuErrors.DriverVersion, "mlops:gpu:operator:driverVersion", "is required in vGPU mode: the guest driver version matching the hosts' NVIDIA vGPU Manager. Set it with 'pulumi config set --path mlops:gpu.operator.driverVersion <version>'.");
        }
        else if (DriverBranch(op.DriverVersion) is not { } branch || !GpuOperatorVersions.DriverBranches.Contains(branch))
        {
            var branches = string.Join(" or ", GpuOperatorVersions.DriverBranches.Select(b => $"R{b}"));
            var known = string.Join(", ", VgpuReleases.All.Select(r => $"{r.GuestDriver} (vGPU {r.Release})"));
            errors.Fail(GpuErrors.DriverBranch, "mlops:gpu:operator:driverVersion", $"'{op.DriverVersion}' is not a guest driver of a branch the GPU Operator {GpuOperatorVersions.Version} supports ({branches}): write it as <branch>.<minor>.<patch>, such as {known}, the same vGPU release as the hosts' vGPU Manager. Set it with 'pulumi config set --path mlops:gpu.operator.driverVersion {VgpuReleases.All[^1].GuestDriver}'.");
        }

        if (op?.PullSecret is null)
        {
            errors.Fail(GpuErrors.PullSecret, "mlops:gpu:operator:pullSecret", "is required in vGPU mode: the Docker config JSON that pulls the guest driver. Set it with 'pulumi config set --secret --path mlops:gpu.operator.pullSecret \"$(cat config.json)\"'.");
        }

        if (op?.LicenseToken is null)
        {
            errors.Fail(GpuErrors.LicenseToken, "mlops:gpu:operator:licenseToken", "is required in vGPU mode: the NVIDIA License System client configuration token. Set it with 'pulumi config set --secret --path mlops:gpu.operator.licenseToken \"$(cat client_configuration_token.tok)\"'.");
        }
    }

    // The branch of a driver version written <branch>.<minor>.<patch>, or null.
    private static int? DriverBranch(string version) =>
        DriverVersionPattern().Match(version) is { Success: true } match ? int.Parse(match.Groups["branch"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("\\A(?<branch>[0-9]{3})\\.[0-9]{1,3}\\.[0-9]{2}\\z")]
    private static partial Regex DriverVersionPattern();

    [GeneratedRegex("\\A[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]\\z")]
    private static partial Regex PciAddressPattern();
}
