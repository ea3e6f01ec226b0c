using System.Collections.Immutable;
using Infra.Model.Kubernetes;

namespace Infra.Model.Planning;

/// <summary>
/// A rule the engine applies to every object of a manifest bundle or kustomization as the provider expands it:
/// the objects are not known offline, so the plan shows the rule, and the rule itself is a pure function here.
/// </summary>
public abstract record PlanTransform
{
    private protected PlanTransform()
    {
    }

    /// <summary>The workload kinds that run containers.</summary>
    public static readonly ImmutableHashSet<string> WorkloadTypes = ImmutableHashSet.Create(StringComparer.Ordinal,
        KubernetesTokens.Deployment, "kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:DaemonSet", KubernetesTokens.Job, KubernetesTokens.CronJob);

    /// <summary>Whether the rule touches objects of type <paramref name="type"/>.</summary>
    public abstract bool Applies(string type);

    /// <summary>
    /// Each Deployment, StatefulSet, DaemonSet and Job may take <paramref name="Timeout"/> to become ready, where the
    /// provider's default of ten minutes is too short for a fresh cluster pulling a release's images.
    /// </summary>
    public sealed record WorkloadTimeouts(TimeSpan Timeout) : PlanTransform
    {
        /// <inheritdoc />
        public override bool Applies(string type) => type != KubernetesTokens.CronJob && WorkloadTypes.Contains(type);

        /// <inheritdoc />
        public override string ToString() => $"workload timeouts {Timeout.TotalMinutes}m";
    }

    /// <summary>
    /// Every container image of a workload, and every <c>RELATED_IMAGE_*</c> variable operators read their operands'
    /// images from, pulled through <paramref name="Registry"/> as <see cref="Images.Through"/> spells them.
    /// </summary>
    public sealed record MirrorImages(string Registry) : PlanTransform
    {
        /// <inheritdoc />
        public override bool Applies(string type) => WorkloadTypes.Contains(type);

        /// <summary>
        /// The object's inputs with every image rewritten: a plain tree of <see cref="ImmutableDictionary{TKey,TValue}"/>,
        /// <see cref="ImmutableArray{T}"/> and scalars, as the engine hands it over.
        /// </summary>
        public object? Rewrite(object? value, string? key = null) => value switch
        {
            ImmutableDictionary<string, object?> map when map.TryGetValue("name", out var name) && name is string variable
                && variable.StartsWith("RELATED_IMAGE_", StringComparison.Ordinal) && map.TryGetValue("value", out var image) && image is string text =>
                map.SetItem("value", Images.Through(Registry, text)),
            ImmutableDictionary<string, object?> map => map.ToImmutableDictionary(e => e.Key, e => Rewrite(e.Value, e.Key)),
            ImmutableArray<object?> items => items.Select(i => Rewrite(i)).ToImmutableArray(),
            string image when key == "image" => Images.Through(Registry, image),
            _ => value,
        };

        /// <inheritdoc />
        public override string ToString() => $"images through {Registry}";
    }

    /// <summary>
    /// Every occurrence of <paramref name="Images"/> (as the release writes them) in any string of any object, pulled
    /// through <paramref name="Registry"/>: the images a release names inside its configuration (a ConfigMap's
    /// JSON or YAML, a custom resource, a container's arguments or variables) and starts later. An occurrence is a
    /// whole reference: one already under the mirror (after a <c>/</c>) or part of a longer one is left as it is.
    /// </summary>
    public sealed record MirrorNamedImages(string Registry, ImmutableArray<string> Images) : PlanTransform
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Text.RegularExpressions.Regex> Patterns = new(StringComparer.Ordinal);

        /// <inheritdoc />
        public override bool Applies(string type) => true;

        /// <summary>The object's inputs with every listed image rewritten, or null where none occurs.</summary>
        public ImmutableDictionary<string, object?>? Rewrite(ImmutableDictionary<string, object?> inputs)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            var rewritten = (ImmutableDictionary<string, object?>)Walk(inputs)!;
            return ReferenceEquals(rewritten, inputs) ? null : rewritten;
        }

        /// <summary><paramref name="text"/> with every listed image through the mirror.</summary>
        public string Replace(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            var pattern = Patterns.GetOrAdd(string.Join('\n', Images), _ => new System.Text.RegularExpressions.Regex(
                $"(?<![\\w./@:-])(?:{string.Join('|', Images.OrderByDescending(i => i.Length).Select(System.Text.RegularExpressions.Regex.Escape))})(?![\\w.:@/-])",
                System.Text.RegularExpressions.RegexOptions.CultureInvariant));
            return pattern.Replace(text, m => Kubernetes.Images.Through(Registry, m.Value));
        }

        // The same object where nothing changes, so that a caller can tell.
        private object? Walk(object? value)
        {
            switch (value)
            {
                case ImmutableDictionary<string, object?> map:
                    var changed = map;
                    foreach (var (key, item) in map)
                    {
                        var walked = Walk(item);
                        if (!ReferenceEquals(walked, item))
                        {
                            changed = changed.SetItem(key, walked);
                        }
                    }

                    return changed;
                case ImmutableArray<object?> items:
                    var rewritten = items.Select(Walk).ToImmutableArray();
                    return rewritten.Zip(items).All(p => ReferenceEquals(p.First, p.Second)) ? items : rewritten;
                case string text:
                    var replaced = Replace(text);
                    return replaced == text ? text : replaced;
                default:
                    return value;
            }
        }

        /// <inheritdoc />
        public bool Equals(MirrorNamedImages? other) => other is not null && Registry == other.Registry && Images.SequenceEqual(other.Images);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Registry, Images.Length);

        /// <inheritdoc />
        public override string ToString() => $"{Images.Length} images named in configuration through {Registry}";
    }

    /// <summary>
    /// Each of <paramref name="Deployments"/> runs <paramref name="Count"/> replicas, spread over the nodes (a
    /// preference on the host name over the Deployment's own selector), and each of <paramref name="Autoscalers"/>,
    /// the HorizontalPodAutoscalers that own their Deployments' replica counts, scales between
    /// <paramref name="Count"/> and its own maximum: for the workloads that may run more than once.
    /// </summary>
    public sealed record Replicas(int Count, ImmutableArray<string> Deployments, ImmutableArray<string> Autoscalers) : PlanTransform
    {
        /// <summary>The autoscaler's type.</summary>
        public const string AutoscalerType = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";

        /// <inheritdoc />
        public override bool Applies(string type) => type is KubernetesTokens.Deployment or AutoscalerType;

        /// <summary>
        /// The inputs of an object of <paramref name="type"/> with its replicas set where it is listed, or null where
        /// it is not: a plain tree of <see cref="ImmutableDictionary{TKey,TValue}"/>, <see cref="ImmutableArray{T}"/> and
        /// scalars, as the engine hands it over.
        /// </summary>
        public ImmutableDictionary<string, object?>? Rewrite(string type, ImmutableDictionary<string, object?> inputs)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            var name = Map(inputs, "metadata").GetValueOrDefault("name") as string;
            var spec = Map(inputs, "spec");
            if (type == KubernetesTokens.Deployment && Deployments.Contains(name!))
            {
                var template = Map(spec, "template");
                var pod = Map(template, "spec");
                var spread = ImmutableDictionary<string, object?>.Empty
                    .Add("maxSkew", 1)
                    .Add("topologyKey", "kubernetes.io/hostname")
                    .Add("whenUnsatisfiable", "ScheduleAnyway")
                    .Add("labelSelector", ImmutableDictionary<string, object?>.Empty.Add("matchLabels", Map(spec, "selector").GetValueOrDefault("matchLabels")));
                var constraints = pod.GetValueOrDefault("topologySpreadConstraints") is ImmutableArray<object?> existing ? existing.Add(spread) : [spread];
                return inputs.SetItem("spec", spec.SetItem("replicas", Count).SetItem("template", template.SetItem("spec", pod.SetItem("topologySpreadConstraints", constraints))));
            }

            if (type == AutoscalerType && Autoscalers.Contains(name!))
            {
                var max = spec.GetValueOrDefault("maxReplicas") is { } value ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : Count;
                return inputs.SetItem("spec", spec.SetItem("minReplicas", Count).SetItem("maxReplicas", Math.Max(max, Count)));
            }

            return null;
        }

        private static ImmutableDictionary<string, object?> Map(ImmutableDictionary<string, object?> parent, string key) =>
            parent.GetValueOrDefault(key) as ImmutableDictionary<string, object?> ?? ImmutableDictionary<string, object?>.Empty;

        /// <inheritdoc />
        public bool Equals(Replicas? other) =>
            other is not null && Count == other.Count && Deployments.SequenceEqual(other.Deployments) && Autoscalers.SequenceEqual(other.Autoscalers);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Count, Deployments.Length, Autoscalers.Length);

        /// <inheritdoc />
        public override string ToString() =>
            $"{Count} replicas of {string.Join(", ", [.. Deployments, .. Autoscalers.Select(a => $"{a} (its autoscaler's floor)")])}";
    }
    /// <summary>
    /// The ConfigMap <paramref name="Name"/> in <paramref name="Namespace"/> holds <paramref name="Data"/> instead of
    /// the data the release gives it: a setting a release keeps in a ConfigMap of its own (Knative's domain).
    /// </summary>
    public sealed record ConfigMapData(string Namespace, string Name, ImmutableSortedDictionary<string, string> Data) : PlanTransform
    {
        /// <inheritdoc />
        public override bool Applies(string type) => type == KubernetesTokens.ConfigMap;

        /// <summary>The ConfigMap's inputs with the data replaced, or null for any other object.</summary>
        public ImmutableDictionary<string, object?>? Rewrite(string type, ImmutableDictionary<string, object?> inputs)
        {
            ArgumentNullException.ThrowIfNull(inputs);
            return Applies(type) && inputs.GetValueOrDefault("metadata") is ImmutableDictionary<string, object?> metadata
                && metadata.GetValueOrDefault("name") as string == Name && metadata.GetValueOrDefault("namespace") as string == Namespace
                ? inputs.SetItem("data", Data.ToImmutableDictionary(e => e.Key, e => (object?)e.Value, StringComparer.Ordinal))
                : null;
        }

        /// <inheritdoc />
        public bool Equals(ConfigMapData? other) => other is not null && Namespace == other.Namespace && Name == other.Name && Data.SequenceEqual(other.Data);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Namespace, Name, Data.Count);

        /// <inheritdoc />
        public override string ToString() => $"ConfigMap {Namespace}/{Name} data {{{string.Join(", ", Data.Select(e => $"{e.Key}: {e.Value}"))}}}";
    }
}
