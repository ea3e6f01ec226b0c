using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Kubernetes.KubernetesTechnology))]

namespace Infra.Model.Kubernetes;

/// <summary>The workload cluster as the platform's services share it: Kubernetes' own namespaces, the registry mirror, the ingress.</summary>
public sealed class KubernetesTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 50;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => ["default", "kube-system", "kube-public", "kube-node-lease"];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => KubernetesValidator.Validate(options, errors);
}
