using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Kubernetes;

/// <summary>Helm v3 releases of pinned charts, as <see cref="KubernetesNodes.HelmRelease"/> plans them.</summary>
public static class HelmReleases
{
    /// <summary>Registers release <paramref name="name"/> of <paramref name="chart"/> in <paramref name="ns"/> with the model's values.</summary>
    public static K8s.Helm.V3.Release Create(string name, HelmChart chart, string ns, JsonObject values, int timeoutSeconds, CustomResourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new K8s.Helm.V3.Release(name, new ReleaseArgs
        {
            Name = name,
            Chart = chart.Name,
            Version = chart.Version,
            Namespace = ns,
            RepositoryOpts = new RepositoryOptsArgs { Repo = chart.Repository },
            Timeout = timeoutSeconds,
            Values = JsonInputs.Map(values),
        }, options);
    }
}
