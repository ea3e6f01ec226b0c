using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Velero;

/// <summary>The plan nodes of the volumes' backups (<c>infra:ml:VolumeBackups</c>).</summary>
public static class VeleroPlanner
{
    /// <summary>This project's volume backups component.</summary>
    public const string ComponentType = "infra:ml:VolumeBackups";

    /// <summary>The component's logical name.</summary>
    public const string Name = "velero";

    /// <summary>
    /// The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>: the
    /// namespace, the target's identity and the repository key, the snapshot class, the release and, in a restore,
    /// the Job that brings the teams' volumes back once their namespaces exist.
    /// </summary>
    /// <param name="spec">The backups' decisions.</param>
    /// <param name="teamNamespaceIds">Each team's namespace node id, by team.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(VeleroSpec spec, IReadOnlyDictionary<string, string> teamNamespaceIds, string providerId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(teamNamespaceIds);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        // Baseline: the node agents run as root (the chart's nodeAgent.podSecurityContext) but without host paths.
        var ns = KubernetesNodes.Namespace(VeleroSpec.Namespace, component.Id, providerId, PodSecurity.Labels("baseline"));
        yield return ns;

        var credentials = KubernetesNodes.Secret(VeleroSpec.CredentialsSecret, VeleroSpec.Namespace, null,
            [(VeleroSpec.CredentialsKey, PlanValue.Embed(spec.CredentialsFile, PlanValue.Config(spec.Target.SecretKey)))], component.Id, providerId)
            with { DependsOn = [ns.Id] };
        yield return credentials;

        var repositoryKey = KubernetesNodes.Secret(VeleroSpec.RepositorySecret, VeleroSpec.Namespace, null,
            [(VeleroSpec.RepositoryKeyName, PlanValue.Config(spec.RepositoryKey))], component.Id, providerId)
            with { DependsOn = [ns.Id] };
        yield return repositoryKey;

        var snapshotClass = KubernetesNodes.Manifest(VeleroSpec.SnapshotClassManifest(), component.Id, providerId);
        yield return snapshotClass;

        var release = KubernetesNodes.HelmRelease(VeleroSpec.Release, VeleroVersions.Chart, VeleroSpec.Namespace, PlanValues.FromJson(spec.Values()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { DependsOn = [credentials.Id, repositoryKey.Id, snapshotClass.Id] };
        yield return release;

        if (spec.Restore is null || spec.Teams.IsEmpty)
        {
            yield break;
        }

        var access = KubernetesNodes.JobAccount(VeleroSpec.RestoreJob, VeleroSpec.Namespace, VeleroSpec.RestoreRules(), ns.Id, component.Id, providerId);
        foreach (var node in access)
        {
            yield return node;
        }

        yield return KubernetesNodes.Workload(KubernetesTokens.Job, spec.RestoreJobManifest(), component.Id, providerId)
            with { DependsOn = [release.Id, access[^1].Id, .. spec.Teams.Select(team => teamNamespaceIds[team])] };
    }
}
