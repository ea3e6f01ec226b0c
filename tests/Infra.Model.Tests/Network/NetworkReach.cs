using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Model.Tests.Network;

/// <summary>
/// What NetworkPolicies let through, by the API's rules: a connection is allowed where the source pod's
/// namespace has no egress policy selecting it or one of them allows it, and the same holds for the destination's
/// ingress. A pod is in the pods' range, so no IP block names it; an endpoint outside the pods' range is named by
/// IP blocks only.
/// </summary>
internal sealed class NetworkReach(IReadOnlyList<JsonObject> policies, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> namespaces)
{
    /// <summary>A pod in <paramref name="Namespace"/> with <paramref name="Labels"/>, or, with <paramref name="Address"/>, an endpoint outside the pods.</summary>
    public sealed record Endpoint(string? Namespace, IReadOnlyDictionary<string, string> Labels, IPAddress? Address = null)
    {
        public static Endpoint Pod(string ns, params (string Key, string Value)[] labels) => new(ns, labels.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal));

        public static Endpoint Outside(string address) => new(null, new Dictionary<string, string>(), IPAddress.Parse(address));
    }

    /// <summary>Whether <paramref name="from"/> may open a connection to <paramref name="to"/> on <paramref name="port"/>/<paramref name="protocol"/>.</summary>
    public bool Allows(Endpoint from, Endpoint to, int port, string protocol = "TCP") =>
        Permits(from, "Egress", "egress", "to", to, port, protocol) && Permits(to, "Ingress", "ingress", "from", from, port, protocol);

    private bool Permits(Endpoint subject, string type, string rulesKey, string peersKey, Endpoint peer, int port, string protocol)
    {
        if (subject.Namespace is null)
        {
            return true;
        }

        var selecting = policies.Where(p => (string)p["metadata"]!["namespace"]! == subject.Namespace
            && Types(p).Contains(type)
            && Selects(p["spec"]!["podSelector"]!.AsObject(), subject.Labels)).ToArray();
        return selecting.Length == 0 || selecting.Any(p => (p["spec"]![rulesKey] as JsonArray ?? []).Any(rule =>
            (rule![peersKey] is not JsonArray peers || peers.Any(q => Matches(q!.AsObject(), subject.Namespace, peer)))
            && (rule["ports"] is not JsonArray ports || ports.Any(q => (long)q!["port"]! == port && ((string?)q["protocol"] ?? "TCP") == protocol))));
    }

    private static string[] Types(JsonObject policy) =>
        policy["spec"]!["policyTypes"] is JsonArray types ? [.. types.Select(t => (string)t!)] : ["Ingress"];

    private bool Matches(JsonObject peer, string policyNamespace, Endpoint endpoint)
    {
        if (peer["ipBlock"] is JsonObject block)
        {
            return endpoint.Address is { } address && InBlock(address, (string)block["cidr"]!)
                && !(block["except"] as JsonArray ?? []).Any(e => InBlock(address, (string)e!));
        }

        if (endpoint.Namespace is null)
        {
            return false;
        }

        var namespaceMatches = peer["namespaceSelector"] is JsonObject selector
            ? Selects(selector, namespaces[endpoint.Namespace])
            : endpoint.Namespace == policyNamespace;
        return namespaceMatches && (peer["podSelector"] is not JsonObject pods || Selects(pods, endpoint.Labels));
    }

    private static bool Selects(JsonObject selector, IReadOnlyDictionary<string, string> labels) =>
        (selector["matchLabels"] as JsonObject ?? []).All(l => labels.TryGetValue(l.Key, out var v) && v == (string)l.Value!)
        && (selector["matchExpressions"] as JsonArray ?? []).All(e =>
        {
            var key = (string)e!["key"]!;
            var values = (e["values"] as JsonArray ?? []).Select(v => (string)v!).ToArray();
            return (string)e["operator"]! switch
            {
                "In" => labels.TryGetValue(key, out var v) && values.Contains(v),
                "NotIn" => !labels.TryGetValue(key, out var v) || !values.Contains(v),
                "Exists" => labels.ContainsKey(key),
                "DoesNotExist" => !labels.ContainsKey(key),
                var op => throw new InvalidOperationException($"Unknown operator {op}"),
            };
        });

    private static bool InBlock(IPAddress address, string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return Model.Configuration.ValueRules.SameSubnet(address, IPAddress.Parse(cidr[..slash]), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
