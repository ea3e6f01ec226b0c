using System.Text.Json.Nodes;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;

namespace Infra.Model.Gpu;

/// <summary>
/// The NVIDIA GPU Operator on the workload cluster: its privileged namespace, the Secrets it reads by name
/// (licensing, registry), and the Helm values. Deployed where the cluster has GPU nodes (vGPU mode).
/// </summary>
/// <param name="DriverRepository">The vGPU guest driver's registry path.</param>
/// <param name="DriverImage">The guest driver image.</param>
/// <param name="DriverVersion">The guest driver version.</param>
/// <param name="PullSecret">Where the registry's Docker config JSON secret lives.</param>
/// <param name="LicenseToken">Where the NLS client token secret lives.</param>
/// <param name="Registry">The registry mirror the operator's own images and its operands are pulled through, or null.</param>
public sealed record GpuOperatorSpec(string DriverRepository, string DriverImage, string DriverVersion, SecretSetting PullSecret, SecretSetting LicenseToken, string? Registry = null)
{
    /// <summary>The operator's namespace.</summary>
    public const string Namespace = "gpu-operator";

    /// <summary>The Helm release's name.</summary>
    public const string ReleaseName = "gpu-operator";

    /// <summary>The Secret with <c>gridd.conf</c> and the NLS client configuration token.</summary>
    public const string LicensingSecret = "gpu-operator-licensing";

    /// <summary>The Secret with the driver registry's credentials.</summary>
    public const string RegistrySecret = "nvidia-registry";

    /// <summary>The file name the driver container reads the NLS token from.</summary>
    public const string TokenFile = "client_configuration_token.tok";

    /// <summary>The licensing daemon's config file; empty means NLS with the vGPU's own feature type.</summary>
    public const string GriddConfFile = "gridd.conf";

    /// <summary>The operator's decisions; null where the cluster has no GPU nodes.</summary>
    public static GpuOperatorSpec? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static GpuOperatorSpec? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Gpu?.EffectiveMode != GpuMode.Vgpu || options.Gpu.Operator is not { } op)
        {
            return null;
        }

        return new GpuOperatorSpec(op.DriverRepository!, op.DriverImage ?? GpuOperatorVersions.DefaultDriverImage, op.DriverVersion!, op.PullSecret!, op.LicenseToken!, options.Platform?.Registry);
    }

    /// <summary>The labels of the operator's namespace: its daemonsets need privileged pods.</summary>
    public static IReadOnlyDictionary<string, string> NamespaceLabels { get; } = Kubernetes.PodSecurity.Labels("privileged");

    /// <summary>
    /// The Helm values: the licensed vGPU guest driver from its registry with the pull secret, NLS licensing from the
    /// Secret, and the GPU taint tolerated (the operator's own labels keep its daemonsets on GPU nodes).
    /// </summary>
    public JsonObject Values()
    {
        var values = BaseValues();
        foreach (var operand in Registry is null ? [] : GpuOperatorVersions.Operands)
        {
            HelmValues.At(values, operand.ValuesPath)["repository"] = Images.Through(Registry, operand.Repository);
        }

        return values;
    }

    private JsonObject BaseValues() => new()
    {
        ["driver"] = new JsonObject
        {
            ["repository"] = DriverRepository,
            ["image"] = DriverImage,
            ["version"] = DriverVersion,
            ["imagePullSecrets"] = new JsonArray(RegistrySecret),
            ["licensingConfig"] = new JsonObject { ["secretName"] = LicensingSecret, ["nlsEnabled"] = true },
        },
        ["daemonsets"] = new JsonObject
        {
            ["tolerations"] = new JsonArray(new JsonObject { ["key"] = "nvidia.com/gpu", ["operator"] = "Exists", ["effect"] = "NoSchedule" }),
        },
    };
}
