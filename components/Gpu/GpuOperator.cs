using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Gpu;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using K8s = Pulumi.Kubernetes;

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
        var onCluster = new CustomResourceOptions { Parent = this, Provider = args.Provider };

        var ns = new K8s.Core.V1.Namespace(GpuOperatorSpec.Namespace, new NamespaceArgs
        {
            Metadata = new ObjectMetaArgs { Name = GpuOperatorSpec.Namespace, Labels = GpuOperatorSpec.NamespaceLabels.ToImmutableDictionary() },
        }, onCluster);

        var inNamespace = new CustomResourceOptions { Parent = this, Provider = args.Provider, DependsOn = { ns } };
        var licensing = new K8s.Core.V1.Secret(GpuOperatorSpec.LicensingSecret, new SecretArgs
        {
            Metadata = Metadata(GpuOperatorSpec.LicensingSecret),
            StringData =
            {
                { GpuOperatorSpec.GriddConfFile, string.Empty },
                { GpuOperatorSpec.TokenFile, args.LicenseToken },
            },
        }, inNamespace);

        var registry = new K8s.Core.V1.Secret(GpuOperatorSpec.RegistrySecret, new SecretArgs
        {
            Metadata = Metadata(GpuOperatorSpec.RegistrySecret),
            Type = "kubernetes.io/dockerconfigjson",
            StringData = { { ".dockerconfigjson", args.PullSecret } },
        }, inNamespace);

        var release = HelmReleases.Create(GpuOperatorSpec.ReleaseName, GpuOperatorVersions.HelmChart, GpuOperatorSpec.Namespace, spec.Values(), GpuOperatorPlanner.TimeoutSeconds,
            new CustomResourceOptions { Parent = this, Provider = args.Provider, DependsOn = { ns, licensing, registry } });

        ReleaseName = release.Name;
        RegisterOutputs(new Dictionary<string, object?> { ["releaseName"] = ReleaseName });
    }

    /// <summary>The Helm release's name.</summary>
    [Output]
    public Output<string> ReleaseName { get; }

    private static ObjectMetaArgs Metadata(string name) => new() { Name = name, Namespace = GpuOperatorSpec.Namespace };
}
