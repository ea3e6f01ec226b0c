using System.Collections.Immutable;
using Pulumi;

namespace Infra.Components.Kubernetes;

/// <summary>
/// How long a manifest bundle's workloads may take to become ready: a transform that gives each Deployment,
/// StatefulSet, DaemonSet and Job a create and update timeout, where the provider's default of ten minutes is
/// too short for a fresh cluster pulling a release's images (Kubeflow's install loop retries for the same reason).
/// </summary>
public static class AwaitTimeouts
{
    private static readonly ImmutableHashSet<string> Workloads = ImmutableHashSet.Create(StringComparer.Ordinal,
        "kubernetes:apps/v1:Deployment", "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:DaemonSet", "kubernetes:batch/v1:Job");

    /// <summary>The transform that waits up to <paramref name="timeout"/>.</summary>
    public static ResourceTransform Within(TimeSpan timeout) => (args, _) =>
    {
        if (!Workloads.Contains(args.Type))
        {
            return Task.FromResult<ResourceTransformResult?>(null);
        }

        var options = args.Options;
        options.CustomTimeouts = new CustomTimeouts { Create = timeout, Update = timeout };
        return Task.FromResult<ResourceTransformResult?>(new ResourceTransformResult(args.Args, options));
    };
}
