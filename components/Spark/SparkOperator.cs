using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Kubernetes;
using Infra.Model.Spark;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Spark;

/// <summary>
/// The Spark operator (<c>infra:ml:SparkOperator</c>): the pinned chart watching the shared jobs namespace and
/// every team's, and in each of them the object store credentials and the S3A defaults.
/// </summary>
public sealed class SparkOperator : InfraComponent
{
    /// <summary>Registers the namespaces, the per-namespace Secret and ConfigMap, and the release.</summary>
    public SparkOperator(string name, SparkOperatorArgs args, ComponentResourceOptions? options = null)
        : base(SparkPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;

        var operatorNs = Namespaces.Create(SparkSpec.OperatorNamespace, On(args.Provider));
        var jobsNs = Namespaces.Create(SparkSpec.JobsNamespace, On(args.Provider));
        var releaseDependencies = new List<Resource> { operatorNs };
        foreach (var ns in spec.JobNamespaces)
        {
            var nsResource = ns == SparkSpec.JobsNamespace ? jobsNs : args.TeamNamespaces[ns];
            releaseDependencies.Add(nsResource);
            _ = Secrets.Create(SparkSpec.StoreSecret, ns, null,
                args.ObjectStore.EnvironmentKeys(SparkPlanner.Name),
                On(args.Provider, [nsResource, .. args.ObjectStore.Ready]), SparkPlanner.InNamespace(SparkSpec.StoreSecret, ns));
            _ = ConfigMaps.Create(SparkSpec.DefaultsConfigMap, ns, [("spark-defaults.conf", spec.Defaults())], On(args.Provider, nsResource), SparkPlanner.InNamespace(SparkSpec.DefaultsConfigMap, ns));
        }

        if (spec.RunsInTeamNamespaces)
        {
            foreach (var role in SparkSpec.KubeflowRoles())
            {
                var metadata = role["metadata"]!.AsObject();
                var rule = role["rules"]![0]!.AsObject();
                string[] Strings(string key) => [.. rule[key]!.AsArray().Select(n => (string)n!)];
                _ = new K8s.Rbac.V1.ClusterRole((string)metadata["name"]!, new K8s.Types.Inputs.Rbac.V1.ClusterRoleArgs
                {
                    Metadata = new ObjectMetaArgs
                    {
                        Name = (string)metadata["name"]!,
                        Labels = metadata["labels"]!.AsObject().ToDictionary(l => l.Key, l => (string)l.Value!),
                    },
                    Rules = { new K8s.Types.Inputs.Rbac.V1.PolicyRuleArgs { ApiGroups = Strings("apiGroups"), Resources = Strings("resources"), Verbs = Strings("verbs") } },
                }, On(args.Provider));
            }
        }

        if (spec.HistoryServerDeployment() is { } deployment && spec.HistoryServerService() is { } service)
        {
            var historySecret = Secrets.Create(SparkSpec.StoreSecret, SparkSpec.OperatorNamespace, null,
                args.ObjectStore.EnvironmentKeys(SparkPlanner.Name),
                On(args.Provider, operatorNs), SparkPlanner.InNamespace(SparkSpec.StoreSecret, SparkSpec.OperatorNamespace));
            _ = new K8s.ApiExtensions.CustomResource(SparkSpec.HistoryServerName, ManifestArgs.From(deployment), On(args.Provider, [historySecret, .. args.ObjectStore.Ready]));
            _ = new K8s.ApiExtensions.CustomResource(SparkSpec.HistoryServerName, ManifestArgs.From(service), On(args.Provider, operatorNs));
            HistoryServerUrl = Output.Create(SparkSpec.HistoryServerUrl);
        }

        _ = HelmReleases.Create(SparkSpec.OperatorNamespace, SparkVersions.Operator, SparkSpec.OperatorNamespace, spec.Values(), KubernetesNodes.ReleaseTimeoutSeconds, On(args.Provider, [.. releaseDependencies]));
        RegisterOutputs(new Dictionary<string, object?> { ["jobNamespaces"] = Output.Create(string.Join(',', spec.JobNamespaces)), ["historyServerUrl"] = HistoryServerUrl });
    }

    /// <summary>The history server's in-cluster URL, where it runs.</summary>
    public Output<string>? HistoryServerUrl { get; }
}
