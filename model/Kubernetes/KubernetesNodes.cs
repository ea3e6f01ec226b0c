using System.Text.Json.Nodes;
using Infra.Model.Planning;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Kubernetes;

/// <summary>Plan nodes of the Kubernetes kinds every service uses, on an explicit cluster provider.</summary>
public static class KubernetesNodes
{
    /// <summary>Generated passwords: 32 characters, letters and digits only (they go into shell and URLs).</summary>
    public const int PasswordLength = 32;

    /// <summary>How long Helm may take to roll out a platform service's release, in seconds.</summary>
    public const int ReleaseTimeoutSeconds = 900;

    /// <summary>A generated password (<see cref="PasswordLength"/> letters and digits).</summary>
    public static PlanNode RandomPassword(string name, string parent) =>
        Resource(KubernetesTokens.RandomPassword, name, parent, ("length", PlanValue.Of(PasswordLength)), ("special", PlanValue.Of(false)));

    /// <summary>The password of the generated-password node named <paramref name="name"/>.</summary>
    public static PlanValue GeneratedPassword(string name) => PlanValue.Generated(PlanNode.IdOf(KubernetesTokens.RandomPassword, name));

    /// <summary>A resource from a manifest (a custom resource, or a kind registered as one), registered as <paramref name="resourceName"/> where given, else after its metadata's name.</summary>
    public static PlanNode Manifest(JsonObject manifest, string parent, string providerId, string? resourceName = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var apiVersion = (string)manifest["apiVersion"]!;
        var kind = (string)manifest["kind"]!;
        // Every top-level field: the spec, or a spec-less kind's own (a VolumeSnapshotClass's driver and deletionPolicy).
        return Resource(KubernetesTokens.CustomResource(apiVersion, kind), resourceName ?? (string)manifest["metadata"]!["name"]!, parent,
            [("apiVersion", PlanValue.Of(apiVersion)), ("kind", PlanValue.Of(kind)), .. manifest.Where(f => f.Key is not ("apiVersion" or "kind")).Select(f => (f.Key, (PlanValue?)PlanValues.FromJson(f.Value)))])
            with { Provider = providerId };
    }

    /// <summary>
    /// An object of a built-in kind with its own SDK class (a ServiceAccount, a Role), from its whole manifest: its
    /// type token from the manifest's group and version (<c>v1</c> is the core group), every other top-level field
    /// an input.
    /// </summary>
    public static PlanNode Typed(JsonObject manifest, string parent, string providerId, string? resourceName = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var apiVersion = (string)manifest["apiVersion"]!;
        var token = $"kubernetes:{(apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion : $"core/{apiVersion}")}:{(string)manifest["kind"]!}";
        return Resource(token, resourceName ?? (string)manifest["metadata"]!["name"]!, parent,
            [.. manifest.Where(f => f.Key is not ("apiVersion" or "kind")).Select(f => (f.Key, (PlanValue?)PlanValues.FromJson(f.Value)))])
            with { Provider = providerId };
    }

    /// <summary>
    /// A resource of a kind with its own SDK class (a Job, a CronJob) of type <paramref name="token"/>, from its
    /// manifest's metadata and spec, registered as <paramref name="resourceName"/> where given (the same object
    /// in several namespaces), else after its metadata's name.
    /// </summary>
    public static PlanNode Workload(string token, JsonObject manifest, string parent, string providerId, string? resourceName = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return Resource(token, resourceName ?? (string)manifest["metadata"]!["name"]!, parent,
            ("metadata", PlanValues.FromJson(manifest["metadata"])),
            ("spec", PlanValues.FromJson(manifest["spec"])))
            with { Provider = providerId };
    }

    /// <summary>
    /// A Job's own account in <paramref name="ns"/>: the ServiceAccount, the Role with <paramref name="rules"/> and
    /// the RoleBinding between them, all named <paramref name="name"/>, after the namespace node <paramref name="namespaceId"/>.
    /// The binding comes last: a Job that runs as the account waits for it.
    /// </summary>
    public static IReadOnlyList<PlanNode> JobAccount(string name, string ns, JsonArray rules, string namespaceId, string parent, string providerId)
    {
        var metadata = Map(("name", PlanValue.Of(name)), ("namespace", PlanValue.Of(ns)));
        var account = Resource(KubernetesTokens.ServiceAccount, name, parent, ("metadata", metadata))
            with { Provider = providerId, DependsOn = [namespaceId] };
        var role = Resource(KubernetesTokens.Role, name, parent, ("metadata", metadata), ("rules", PlanValues.FromJson(rules)))
            with { Provider = providerId, DependsOn = [namespaceId] };
        var binding = Resource(KubernetesTokens.RoleBinding, name, parent,
            ("metadata", metadata),
            ("roleRef", Map(("apiGroup", PlanValue.Of("rbac.authorization.k8s.io")), ("kind", PlanValue.Of("Role")), ("name", PlanValue.Of(name)))),
            ("subjects", PlanValue.List([Map(("kind", PlanValue.Of("ServiceAccount")), ("name", PlanValue.Of(name)), ("namespace", PlanValue.Of(ns)))])))
            with { Provider = providerId, DependsOn = [account.Id, role.Id] };
        return [account, role, binding];
    }

    /// <summary>The node id of the namespace node <see cref="Namespace"/> registers as <paramref name="name"/>.</summary>
    public static string NamespaceId(string name) => PlanNode.IdOf(KubernetesTokens.Namespace, name);

    /// <summary>A namespace, with labels and annotations where given, registered as <paramref name="resourceName"/> where given, else as <paramref name="name"/>.</summary>
    public static PlanNode Namespace(string name, string parent, string providerId, IReadOnlyDictionary<string, string>? labels = null, IReadOnlyDictionary<string, string>? annotations = null, string? resourceName = null) =>
        Resource(KubernetesTokens.Namespace, resourceName ?? name, parent,
            ("metadata", Map(
                ("name", PlanValue.Of(name)),
                ("labels", Strings(labels)),
                ("annotations", Strings(annotations)))))
            with { Provider = providerId };

    private static PlanValue? Strings(IReadOnlyDictionary<string, string>? map) =>
        map is null ? null : PlanValue.Map(map.Select(e => KeyValuePair.Create(e.Key, PlanValue.Of(e.Value))));

    /// <summary>A Helm v3 release of a pinned chart, with values and a timeout.</summary>
    public static PlanNode HelmRelease(string name, HelmChart chart, string ns, PlanValue values, int timeoutSeconds, string parent, string providerId)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return Resource(KubernetesTokens.HelmRelease, name, parent,
            ("name", PlanValue.Of(name)),
            ("chart", PlanValue.Of(chart.Name)),
            ("version", PlanValue.Of(chart.Version)),
            ("namespace", PlanValue.Of(ns)),
            ("repositoryOpts", Map(("repo", PlanValue.Of(chart.Repository)))),
            ("timeout", PlanValue.Of(timeoutSeconds)),
            ("values", values))
            with { Provider = providerId };
    }

    /// <summary>
    /// A Secret <paramref name="name"/> in <paramref name="ns"/> from string data, of <paramref name="type"/> where
    /// given (e.g. <c>kubernetes.io/basic-auth</c>), registered as <paramref name="resourceName"/> where the same
    /// Secret goes into several namespaces, else as <paramref name="name"/>, with <paramref name="annotations"/> where given.
    /// </summary>
    public static PlanNode Secret(string name, string ns, string? type, IEnumerable<(string Key, PlanValue Value)> stringData, string parent, string providerId, string? resourceName = null, IReadOnlyDictionary<string, string>? annotations = null) =>
        Resource(KubernetesTokens.Secret, resourceName ?? name, parent,
            ("metadata", Map(("name", PlanValue.Of(name)), ("namespace", PlanValue.Of(ns)), ("annotations", Strings(annotations)))),
            ("type", type is null ? null : PlanValue.Of(type)),
            ("stringData", PlanValue.Map(stringData.Select(d => KeyValuePair.Create(d.Key, d.Value)))))
            with { Provider = providerId };

    /// <summary>
    /// A ConfigMap <paramref name="name"/> in <paramref name="ns"/> from string data, with annotations and labels where given,
    /// registered as <paramref name="resourceName"/> where the same ConfigMap goes into several namespaces, else as <paramref name="name"/>.
    /// </summary>
    public static PlanNode ConfigMap(string name, string ns, IEnumerable<(string Key, string Value)> data, string parent, string providerId, string? resourceName = null, IReadOnlyDictionary<string, string>? annotations = null, IReadOnlyDictionary<string, string>? labels = null) =>
        Resource(KubernetesTokens.ConfigMap, resourceName ?? name, parent,
            ("metadata", Map(("name", PlanValue.Of(name)), ("namespace", PlanValue.Of(ns)), ("labels", Strings(labels)), ("annotations", Strings(annotations)))),
            ("data", PlanValue.Map(data.Select(d => KeyValuePair.Create(d.Key, PlanValue.Of(d.Value))))))
            with { Provider = providerId };
}
