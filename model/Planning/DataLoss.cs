using System.Collections.Immutable;
using Infra.Model.Kubernetes;

namespace Infra.Model.Planning;

/// <summary>
/// A change in a plan diff that deletes or replaces a resource holding data: what it holds, and why the change
/// loses it. <c>pulumi up</c> would carry it out like any other line of the diff; this is what makes it stand out.
/// </summary>
/// <param name="Id">The node.</param>
/// <param name="Holds">What the resource holds.</param>
/// <param name="Why">How the change loses it: the node is removed, or what replaces it.</param>
public sealed record DataLoss(string Id, string Holds, string Why)
{
    /// <summary>The CloudNativePG cluster's type.</summary>
    public const string PostgresClusterType = "kubernetes:postgresql.cnpg.io/v1:Cluster";

    /// <summary>The workload cluster's type (Cluster API on the Supervisor).</summary>
    public const string WorkloadClusterType = "kubernetes:cluster.x-k8s.io/v1beta1:Cluster";

    /// <summary>The Supervisor namespace's type, which holds the workload cluster.</summary>
    public const string SupervisorNamespaceType = "vsphere:index/namespace:Namespace";

    /// <summary>What each kind of resource holds, by type, where the type alone says it.</summary>
    private static readonly ImmutableDictionary<string, string> ByType = new Dictionary<string, string>
    {
        [PostgresClusterType] = "a PostgreSQL cluster: every service's database in it",
        [WorkloadClusterType] = "the workload cluster: every volume and object on it",
        [SupervisorNamespaceType] = "the Supervisor namespace: the workload cluster in it",
        ["vsphere:index/virtualMachine:VirtualMachine"] = "a virtual machine and its disks",
        ["kubernetes:core/v1:PersistentVolumeClaim"] = "a volume",
        ["kubernetes:apps/v1:StatefulSet"] = "a StatefulSet's volumes",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>What the releases of the charts that keep volumes hold, by chart.</summary>
    private static readonly ImmutableDictionary<string, string> ByChart = new Dictionary<string, string>
    {
        [Minio.MinioVersions.TenantChart] = "MinIO's servers and their volumes: every bucket",
        [Gitlab.GitlabVersions.Chart.Name] = "GitLab's Gitaly volume: every repository",
        [Redis.RedisVersions.Chart.Name] = "Valkey's volumes: Feast's online store and GitLab's queues",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The kustomizations whose objects include PersistentVolumeClaims, by source: applying another source in their
    /// place deletes the claims the old one created (kubeflow/manifests v1.10.2: Pipelines' MySQL and MinIO, Katib's MySQL).
    /// </summary>
    private static readonly ImmutableDictionary<string, string> ByDirectory = new Dictionary<string, string>
    {
        [Kubeflow.KubeflowVersions.Directory("applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user")] =
            "the release's Pipelines MySQL and MinIO volumes (mysql-pv-claim, minio-pvc): every run, pipeline and artifact in them",
        [Kubeflow.KubeflowVersions.Directory("applications/katib/upstream/installs/katib-with-kubeflow")] =
            "the release's Katib MySQL volume (katib-mysql): every experiment's results",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>What <paramref name="node"/> of <paramref name="plan"/> holds, or null where it holds no data.</summary>
    public static string? HeldBy(PlanNode node, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(plan);
        if (ByType.TryGetValue(node.Type, out var held))
        {
            return held;
        }

        return node.Type switch
        {
            KubernetesTokens.HelmRelease when Text(node, "chart") is { } chart && ByChart.TryGetValue(chart, out var release) => release,
            KubernetesTokens.KustomizeDirectory when Text(node, "directory") is { } directory && ByDirectory.TryGetValue(directory, out var objects) => objects,
            KubernetesTokens.Namespace => NamespaceHolds(node, plan),
            _ => null,
        };
    }

    /// <summary>
    /// Every change from <paramref name="before"/> to <paramref name="after"/> (the nodes <paramref name="removed"/>
    /// and <paramref name="changed"/>) that deletes or replaces a resource holding data, or a protected one; none
    /// between two stacks' plans, since each stack keeps its own state and neither plan replaces the other's.
    /// </summary>
    public static ImmutableArray<DataLoss> Of(Plan before, Plan after, ImmutableArray<PlanNode> removed, ImmutableArray<NodeChange> changed)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Stack != after.Stack)
        {
            return [];
        }

        var losses = ImmutableArray.CreateBuilder<DataLoss>();
        foreach (var node in removed)
        {
            if (HeldBy(node, before) is { } holds)
            {
                losses.Add(new DataLoss(node.Id, holds, "it is removed from the plan, so pulumi up deletes it"));
            }
            else if (node.Protect)
            {
                losses.Add(new DataLoss(node.Id, "a protected resource", "it is removed from the plan: pulumi up refuses until its protection is lifted, and then deletes it"));
            }
        }

        foreach (var change in changed)
        {
            var old = before[change.Id];
            var holds = HeldBy(old, before) ?? (old.Protect ? "a protected resource" : null);
            if (holds is not null && Replacement(change, old) is { } why)
            {
                losses.Add(new DataLoss(change.Id, holds, why));
            }
        }

        return losses.ToImmutable();
    }

    // What makes the engine delete the resource and create another in its place, or (for a kustomization) delete
    // the objects the old source created, or null where the change updates it in place.
    private static string? Replacement(NodeChange change, PlanNode before)
    {
        if (change.Options.FirstOrDefault(o => o.Name is "parent" or "provider") is { Name: { } option } moved)
        {
            return option == "parent"
                ? $"its parent changes ({moved.Before} -> {moved.After}), which changes its URN: pulumi up deletes it and creates a new one"
                : $"its provider changes ({moved.Before} -> {moved.After}): pulumi up replaces it";
        }

        foreach (var (name, old, @new) in change.Inputs)
        {
            switch (before.Type)
            {
                case KubernetesTokens.KustomizeDirectory when name == "directory":
                    return $"its source changes ({old} -> {@new}): the objects the old source created and the new one does not are deleted";
                case KubernetesTokens.HelmRelease when name is "name" or "namespace":
                    return $"its release {name} changes ({old} -> {@new}): pulumi up replaces the release";
                case var _ when name == "metadata" && before.Type.StartsWith("kubernetes:", StringComparison.Ordinal)
                    && (Field(old, "name") != Field(@new, "name") || Field(old, "namespace") != Field(@new, "namespace")):
                    return $"its name or namespace changes ({Field(old, "namespace")}/{Field(old, "name")} -> {Field(@new, "namespace")}/{Field(@new, "name")}): pulumi up replaces it";
            }
        }

        return null;
    }

    // A namespace holds data where a resource that does is in it, or where it is a team's (its notebooks' volumes).
    private static string? NamespaceHolds(PlanNode node, Plan plan)
    {
        var metadata = node.Inputs.GetValueOrDefault("metadata");
        if (Field(metadata, "name") is not { } name)
        {
            return null;
        }

        if (metadata is PlanValue.MapValue { Entries: var entries } && entries.GetValueOrDefault("labels") is PlanValue.MapValue labels && labels.Entries.ContainsKey(Teams.TeamNamespaces.TeamLabel))
        {
            return $"the team namespace {name}: its notebooks' volumes";
        }

        var inside = plan.Nodes.Where(n => n.Type != KubernetesTokens.Namespace && (Text(n, "namespace") ?? Field(n.Inputs.GetValueOrDefault("metadata"), "namespace")) == name)
            .Select(n => (Node: n, Holds: HeldBy(n, plan)))
            .FirstOrDefault(n => n.Holds is not null);
        return inside.Node is null ? null : $"the namespace {name}, with {inside.Holds}";
    }

    private static string? Text(PlanNode node, string input) => node.Inputs.GetValueOrDefault(input) is PlanValue.Literal { Value: string text } ? text : null;

    private static string? Field(PlanValue? value, string key) =>
        value is PlanValue.MapValue map && map.Entries.GetValueOrDefault(key) is PlanValue.Literal { Value: string text } ? text : null;
}
