using Infra.Model.Kubernetes;
using Infra.Model.Minio;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Spark;

/// <summary>The plan nodes of the Spark operator (<c>infra:ml:SparkOperator</c>).</summary>
public static class SparkPlanner
{
    /// <summary>This project's Spark component.</summary>
    public const string ComponentType = "infra:ml:SparkOperator";

    /// <summary>The component's logical name.</summary>
    public const string Name = "spark";

    /// <summary>The logical name of a per-namespace resource: <c>&lt;name&gt;-&lt;namespace&gt;</c>.</summary>
    public static string InNamespace(string name, string ns) => $"{name}-{ns}";

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(SparkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.HistoryServerDeployment() is null ? [] : [KeyValuePair.Create(StackOutputs.SparkHistoryUrl, PlanValue.Of(SparkSpec.HistoryServerUrl))];
    }

    /// <summary>The hand-off of the sample application.</summary>
    public const string SampleApplicationPath = "spark/spark-pi.yaml";

    /// <summary>What the stack hands to the teams: a sample application that uses the platform's defaults and credentials.</summary>
    public static IEnumerable<PlanHandoff> Handoffs(SparkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return new PlanHandoff(SampleApplicationPath,
            $"For the teams: a sample SparkApplication (SparkPi) in {SparkSpec.JobsNamespace} with the platform's defaults and object store credentials, to copy and submit.",
            Rendering.YamlText.Of(spec.SampleApplication(SparkSpec.JobsNamespace)));
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The Spark decisions.</param>
    /// <param name="teamNamespaceIds">The nodes of the teams' namespaces, by namespace.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(SparkSpec spec, IReadOnlyDictionary<string, string> teamNamespaceIds, string providerId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var store = spec.Store;
        ArgumentNullException.ThrowIfNull(teamNamespaceIds);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var operatorNs = KubernetesNodes.Namespace(SparkSpec.OperatorNamespace, component.Id, providerId, PodSecurity.Restricted);
        yield return operatorNs;
        var jobsNs = KubernetesNodes.Namespace(SparkSpec.JobsNamespace, component.Id, providerId, PodSecurity.BaselineReportingRestricted);
        yield return jobsNs;

        var releaseDependencies = new List<string> { operatorNs.Id };
        foreach (var ns in spec.JobNamespaces)
        {
            var nsId = ns == SparkSpec.JobsNamespace ? jobsNs.Id : teamNamespaceIds[ns];
            releaseDependencies.Add(nsId);
            foreach (var node in JobNamespaceNodes(spec, ns, nsId, Name, spec.Defaults(), component.Id, providerId))
            {
                yield return node;
            }
        }

        if (spec.RunsInTeamNamespaces)
        {
            foreach (var role in SparkSpec.KubeflowRoles())
            {
                yield return Resource(KubernetesTokens.ClusterRole, (string)role["metadata"]!["name"]!, component.Id,
                    ("metadata", PlanValues.FromJson(role["metadata"])),
                    ("rules", PlanValues.FromJson(role["rules"])))
                    with { Provider = providerId };
            }
        }

        if (spec.HistoryServerDeployment() is { } deployment && spec.HistoryServerService() is { } service)
        {
            var historySecret = KubernetesNodes.Secret(SparkSpec.StoreSecret, SparkSpec.OperatorNamespace, null,
                store.EnvironmentKeys(Name), component.Id, providerId, InNamespace(SparkSpec.StoreSecret, SparkSpec.OperatorNamespace))
                with { DependsOn = [operatorNs.Id, .. store.KeyNodes(Name)] };
            yield return historySecret;
            yield return KubernetesNodes.Manifest(deployment, component.Id, providerId)
                with { DependsOn = [historySecret.Id, .. store.Ready] };
            yield return KubernetesNodes.Manifest(service, component.Id, providerId) with { DependsOn = [operatorNs.Id] };
        }

        yield return KubernetesNodes.HelmRelease(SparkSpec.OperatorNamespace, SparkVersions.Operator, SparkSpec.OperatorNamespace, PlanValues.FromJson(spec.Values()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { DependsOn = [.. releaseDependencies] };
    }

    /// <summary>
    /// A teams stack's part: in each team's namespace, under the team's component, the credentials and defaults, and
    /// the driver's account and role that the platform's chart gives only the namespaces it names.
    /// </summary>
    public static IEnumerable<PlanNode> TeamNodes(SparkSpec spec, string environment, TeamsTarget target)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var ns in spec.JobNamespaces.Where(target.TeamParents.ContainsKey))
        {
            // The team's own identity, not the platform's Spark one: its jobs reach its folder and nothing else.
            var parent = target.TeamParents[ns];
            foreach (var node in JobNamespaceNodes(spec, ns, target.TeamNamespaceIds[ns], ObjectStore.ObjectStoreSpec.TeamIdentity(ns), spec.Defaults(SparkSpec.TeamEventLogs(environment, ns)), parent, target.ProviderId))
            {
                yield return node;
            }

            foreach (var manifest in SparkSpec.DriverAccess(ns))
            {
                var kind = (string)manifest["kind"]!;
                yield return KubernetesNodes.Typed(manifest, parent, target.ProviderId, InNamespace($"spark-{kind.ToLowerInvariant()}", ns))
                    with { DependsOn = [target.TeamNamespaceIds[ns]] };
            }
        }
    }

    // What a namespace Spark applications run in holds: the object store credentials of an identity and the defaults.
    private static IEnumerable<PlanNode> JobNamespaceNodes(SparkSpec spec, string ns, string nsId, string identity, string defaults, string parent, string providerId)
    {
        var store = spec.Store;
        yield return KubernetesNodes.Secret(SparkSpec.StoreSecret, ns, null,
            store.EnvironmentKeys(identity), parent, providerId, InNamespace(SparkSpec.StoreSecret, ns))
            with { DependsOn = [nsId, .. store.KeyNodes(identity), .. store.Ready] };
        yield return KubernetesNodes.ConfigMap(SparkSpec.DefaultsConfigMap, ns, [("spark-defaults.conf", defaults)], parent, providerId, InNamespace(SparkSpec.DefaultsConfigMap, ns))
            with { DependsOn = [nsId] };
    }
}
