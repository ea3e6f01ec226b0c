using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Gpu;

/// <summary>The plan nodes of the NVIDIA GPU Operator (<c>infra:gpu:GpuOperator</c>) on the workload cluster.</summary>
public static class GpuOperatorPlanner
{
    /// <summary>This project's GPU Operator component.</summary>
    public const string ComponentType = "infra:gpu:GpuOperator";

    /// <summary>How long Helm may take to roll the operator out, in seconds: the driver build on first start is slow.</summary>
    public const int TimeoutSeconds = 1200;

    /// <summary>The nodes, on the provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    public static IEnumerable<PlanNode> Nodes(GpuOperatorSpec spec, string providerId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var component = Component(ComponentType, GpuOperatorSpec.ReleaseName, parent);
        yield return component;

        var ns = KubernetesNodes.Namespace(GpuOperatorSpec.Namespace, component.Id, providerId, GpuOperatorSpec.NamespaceLabels);
        yield return ns;

        var licensing = KubernetesNodes.Secret(GpuOperatorSpec.LicensingSecret, GpuOperatorSpec.Namespace, null,
            [(GpuOperatorSpec.GriddConfFile, PlanValue.Of(string.Empty)), (GpuOperatorSpec.TokenFile, PlanValue.Config(spec.LicenseToken))], component.Id, providerId)
            with { DependsOn = [ns.Id] };
        yield return licensing;

        var registry = KubernetesNodes.Secret(GpuOperatorSpec.RegistrySecret, GpuOperatorSpec.Namespace, "kubernetes.io/dockerconfigjson",
            [(".dockerconfigjson", PlanValue.Config(spec.PullSecret))], component.Id, providerId)
            with { DependsOn = [ns.Id] };
        yield return registry;

        yield return KubernetesNodes.HelmRelease(GpuOperatorSpec.ReleaseName, GpuOperatorVersions.HelmChart, GpuOperatorSpec.Namespace, PlanValues.FromJson(spec.Values()), TimeoutSeconds, component.Id, providerId)
            with { DependsOn = [ns.Id, licensing.Id, registry.Id] };
    }
}
