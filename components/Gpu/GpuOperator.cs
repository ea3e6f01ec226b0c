using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Gpu;
using Pulumi;

namespace Infra.Components.Gpu;

/// <summary>
/// The NVIDIA GPU Operator (<c>infra:gpu:GpuOperator</c>) on the workload cluster: a privileged namespace, the
/// licensing and registry Secrets it reads by name, and the pinned Helm chart with the model's values.
/// </summary>
public sealed class GpuOperator : InfraComponent
{
    /// <summary>Registers the operator.</summary>
    public GpuOperator(string name, GpuOperatorArgs args, ComponentResourceOptions? options = null)
        : base(GpuOperatorPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;
        var ns = Namespaces.Create(GpuOperatorSpec.Namespace, On(args.Provider), GpuOperatorSpec.NamespaceLabels);

        var licensing = Secrets.Create(GpuOperatorSpec.LicensingSecret, GpuOperatorSpec.Namespace, null,
            [(GpuOperatorSpec.GriddConfFile, string.Empty), (GpuOperatorSpec.TokenFile, args.LicenseToken)], On(args.Provider, ns));
        var registry = Secrets.Create(GpuOperatorSpec.RegistrySecret, GpuOperatorSpec.Namespace, "kubernetes.io/dockerconfigjson",
            [(".dockerconfigjson", args.PullSecret)], On(args.Provider, ns));

        var release = HelmReleases.Create(GpuOperatorSpec.ReleaseName, GpuOperatorVersions.HelmChart, GpuOperatorSpec.Namespace, spec.Values(), GpuOperatorPlanner.TimeoutSeconds,
            On(args.Provider, ns, licensing, registry));

        ReleaseName = release.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["releaseName"] = ReleaseName });
    }

    /// <summary>The Helm release's name.</summary>
    [Output]
    public Output<string> ReleaseName { get; }
}
