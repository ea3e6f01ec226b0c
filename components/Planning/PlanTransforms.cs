using System.Collections.Immutable;
using Infra.Model.Planning;
using Pulumi;

namespace Infra.Components.Planning;

/// <summary>The plan's transforms as the SDK's resource transforms, which reach the objects a provider-side component expands to.</summary>
public static class PlanTransforms
{
    /// <summary>The SDK transform that applies <paramref name="transform"/>.</summary>
    public static ResourceTransform Of(PlanTransform transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return transform switch
        {
            PlanTransform.WorkloadTimeouts timeouts => (args, _) =>
            {
                if (!timeouts.Applies(args.Type))
                {
                    return Task.FromResult<ResourceTransformResult?>(null);
                }

                var options = args.Options;
                options.CustomTimeouts = new CustomTimeouts { Create = timeouts.Timeout, Update = timeouts.Timeout };
                return Task.FromResult<ResourceTransformResult?>(new ResourceTransformResult(args.Args, options));
            },
            PlanTransform.MirrorImages mirror => (args, _) => Task.FromResult<ResourceTransformResult?>(mirror.Applies(args.Type)
                ? new ResourceTransformResult((ImmutableDictionary<string, object?>)mirror.Rewrite(args.Args)!, args.Options)
                : null),
            PlanTransform.MirrorNamedImages named => (args, _) => Task.FromResult<ResourceTransformResult?>(
                named.Rewrite(args.Args) is { } inputs ? new ResourceTransformResult(inputs, args.Options) : null),
            PlanTransform.Replicas replicas => (args, _) => Task.FromResult<ResourceTransformResult?>(
                replicas.Applies(args.Type) && replicas.Rewrite(args.Type, args.Args) is { } inputs ? new ResourceTransformResult(inputs, args.Options) : null),
            PlanTransform.ConfigMapData data => (args, _) => Task.FromResult<ResourceTransformResult?>(
                data.Rewrite(args.Type, args.Args) is { } inputs ? new ResourceTransformResult(inputs, args.Options) : null),
            _ => throw new ArgumentException($"No SDK transform for {transform.GetType().Name}.", nameof(transform)),
        };
    }
}
