using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Monitoring;

/// <summary>The plan nodes of the platform's monitoring (<c>infra:ml:Monitoring</c>).</summary>
public static class MonitoringPlanner
{
    /// <summary>This project's monitoring component.</summary>
    public const string ComponentType = "infra:ml:Monitoring";

    /// <summary>The component's logical name.</summary>
    public const string Name = "monitoring";

    /// <summary>The PrometheusRule with every technology's alerts, one group each.</summary>
    public const string RulesName = "platform-alerts";

    /// <summary>What the stack exports for monitoring, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(MonitoringSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return
        [
            KeyValuePair.Create(StackOutputs.GrafanaUrl, PlanValue.Of(spec.GrafanaUrl)),
            KeyValuePair.Create(StackOutputs.GrafanaAdminPassword, KubernetesNodes.GeneratedPassword(MonitoringSpec.GrafanaAdminPassword)),
            KeyValuePair.Create(StackOutputs.PrometheusUrl, PlanValue.Of(MonitoringSpec.PrometheusUrl)),
        ];
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">Monitoring's decisions.</param>
    /// <param name="targets">What every running technology declares for Prometheus to scrape.</param>
    /// <param name="rules">Every running technology's alerts, by technology (one rule group each).</param>
    /// <param name="dashboards">The dashboards, by ConfigMap name, each a file name and its JSON.</param>
    /// <param name="storageClassNodeId">The StorageClass node of the volumes where this stack creates it, else null.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(
        MonitoringSpec spec,
        IReadOnlyList<ScrapeTarget> targets,
        IReadOnlyList<(string Group, IReadOnlyList<AlertRule> Rules)> rules,
        IReadOnlyList<Dashboard> dashboards,
        string? storageClassNodeId,
        string providerId,
        string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(dashboards);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        // node-exporter reads each node's host network, processes and file systems.
        var ns = KubernetesNodes.Namespace(MonitoringSpec.Namespace, component.Id, providerId, PodSecurity.Labels("privileged"));
        yield return ns;

        var admin = KubernetesNodes.RandomPassword(MonitoringSpec.GrafanaAdminPassword, component.Id);
        yield return admin;
        var adminSecret = KubernetesNodes.Secret(MonitoringSpec.GrafanaAdminSecret, MonitoringSpec.Namespace, null,
            [("admin-user", PlanValue.Of(MonitoringSpec.GrafanaAdminUser)), ("admin-password", PlanValue.Generated(admin.Id))], component.Id, providerId)
            with { DependsOn = [ns.Id, admin.Id] };
        yield return adminSecret;
        List<string> prerequisites = [adminSecret.Id];

        if (spec.SignIn is { } client)
        {
            // The client's secret is generated with Dex's other clients, in Kubeflow's part of the plan.
            var signIn = KubernetesNodes.Secret(MonitoringSpec.GrafanaSignInSecret, MonitoringSpec.Namespace, null,
                [("client-secret", KubernetesNodes.GeneratedPassword(client.PasswordName))], component.Id, providerId)
                with { DependsOn = [ns.Id, PlanNode.IdOf(KubernetesTokens.RandomPassword, client.PasswordName)] };
            yield return signIn;
            prerequisites.Add(signIn.Id);
        }

        if (spec.Receivers.Any && spec.Receivers.Secrets().Any())
        {
            var receivers = KubernetesNodes.Secret(MonitoringSpec.ReceiversSecret, MonitoringSpec.Namespace, null,
                spec.Receivers.Secrets().Select(s => (s.Key, PlanValue.Config(s.Value))), component.Id, providerId)
                with { DependsOn = [ns.Id] };
            yield return receivers;
            prerequisites.Add(receivers.Id);
        }

        var stores = spec.RemoteWrite.Where(w => w.Username is not null && w.Password is not null).ToArray();
        if (stores.Length > 0)
        {
            var remoteWrite = KubernetesNodes.Secret(MonitoringSpec.RemoteWriteSecret, MonitoringSpec.Namespace, null,
                stores.SelectMany(w => new[] { (w.UserKey, PlanValue.Of(w.Username!)), (w.SecretKey, PlanValue.Config(w.Password!)) }), component.Id, providerId)
                with { DependsOn = [ns.Id] };
            yield return remoteWrite;
            prerequisites.Add(remoteWrite.Id);
        }

        var release = KubernetesNodes.HelmRelease(MonitoringSpec.Release, MonitoringVersions.Chart, MonitoringSpec.Namespace, PlanValues.FromJson(spec.Values()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { DependsOn = storageClassNodeId is null ? [.. prerequisites] : [.. prerequisites, storageClassNodeId] };
        yield return release;

        // The monitors and rules are the release's CRDs' objects: they wait for it.
        foreach (var target in targets)
        {
            yield return KubernetesNodes.Manifest(target.Manifest(MonitoringSpec.Namespace), component.Id, providerId, $"{target.MonitorKind.ToLowerInvariant()}-{target.Name}")
                with { DependsOn = [release.Id] };
        }

        if (rules.Count > 0)
        {
            yield return KubernetesNodes.Manifest(Rules(rules), component.Id, providerId) with { DependsOn = [release.Id] };
        }

        foreach (var dashboard in dashboards)
        {
            yield return KubernetesNodes.ConfigMap(dashboard.ConfigMapName, MonitoringSpec.Namespace, [(dashboard.FileName, dashboard.Json())], component.Id, providerId,
                labels: new Dictionary<string, string> { [MonitoringSpec.DashboardLabel.Key] = MonitoringSpec.DashboardLabel.Value })
                with { DependsOn = [ns.Id] };
        }
    }

    /// <summary>The PrometheusRule with one group of alerts a technology.</summary>
    public static JsonObject Rules(IReadOnlyList<(string Group, IReadOnlyList<AlertRule> Rules)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new JsonObject
        {
            ["apiVersion"] = MonitoringSpec.ApiVersion,
            ["kind"] = "PrometheusRule",
            ["metadata"] = new JsonObject { ["name"] = RulesName, ["namespace"] = MonitoringSpec.Namespace },
            ["spec"] = new JsonObject
            {
                ["groups"] = new JsonArray([.. rules.Select(g => (JsonNode)new JsonObject
                {
                    ["name"] = g.Group,
                    ["rules"] = new JsonArray([.. g.Rules.Select(r => (JsonNode)r.Manifest())]),
                })]),
            },
        };
    }
}
