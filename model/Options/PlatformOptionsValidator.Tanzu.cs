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

            if (string.IsNullOrEmpty(tanzu?.SupervisorId))
            {
                Fail("mlops:tanzu:supervisorId", "is required: the Supervisor the vSphere Namespace is created on (vCenter shows it under Workload Management). Set it with 'pulumi config set --path mlops:tanzu.supervisorId <id>'.");
            }

            if (tanzu?.SupervisorKubeconfig is null)
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
