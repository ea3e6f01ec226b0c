using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Gpu.GpuTechnology))]

namespace Infra.Model.Gpu;

/// <summary>GPUs: passthrough VMs, the vGPU VM class and the NVIDIA GPU Operator on the cluster's GPU nodes.</summary>
public sealed class GpuTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 20;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [GpuOperatorSpec.Namespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => GpuValidator.Validate(options, errors);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("NVIDIA GPU Operator", GpuOperatorVersions.Version, Kubernetes.KubernetesRange.Of("1.33", "1.36"),
            "NVIDIA/cloud-native-docs@52dcb7b:gpu-operator/platform-support.rst (26.7, VMware vSphere Kubernetes Service, Ubuntu 22.04)"),
    ];

    /// <inheritdoc />
    public override IEnumerable<Monitoring.AlertRule> AlertRules(PlatformOptions options) => RunsOnCluster(options) ? GpuMonitoring.Rules() : [];

    /// <inheritdoc />
    public override IEnumerable<Monitoring.Dashboard> Dashboards(PlatformOptions options) => RunsOnCluster(options) ? [GpuMonitoring.Dashboard()] : [];

    /// <inheritdoc />
    public override IEnumerable<PulledImage> Images(PlatformOptions options)
    {
        if (!RunsOnCluster(options))
        {
            return [];
        }

        var spec = Vsphere.FoundationSpec.For(options).DeployedGpuOperator!;
        return
        [
            .. GpuOperatorVersions.Operands.Select(o => o.Reference).Distinct(StringComparer.Ordinal).Select(i => PulledImage.Of(i, "the GPU Operator")),
            PulledImage.Of($"{spec.DriverRepository}/{spec.DriverImage}:{spec.DriverVersion}", "the vGPU guest driver (the operator adds the nodes' OS to the tag, as -ubuntu22.04)") with { Rewritten = false },
        ];
    }

    /// <inheritdoc />
    public override bool RunsOnCluster(PlatformOptions options) =>
        options.DeploysFoundation && Vsphere.FoundationSpec.For(options).DeployedGpuOperator is not null;
}
