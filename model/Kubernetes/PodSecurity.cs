namespace Infra.Model.Kubernetes;

/// <summary>The namespace labels through which Kubernetes' Pod Security admission applies a standard.</summary>
public static class PodSecurity
{
    /// <summary>The label whose standard admission enforces: a pod that breaks it is refused.</summary>
    public const string Enforce = "pod-security.kubernetes.io/enforce";

    /// <summary>The label whose standard the audit log records breaches of.</summary>
    public const string Audit = "pod-security.kubernetes.io/audit";

    /// <summary>The label whose standard the API server warns about.</summary>
    public const string Warn = "pod-security.kubernetes.io/warn";

    /// <summary>The labels that enforce, audit and warn about <paramref name="standard"/> (<c>privileged</c>, <c>baseline</c> or <c>restricted</c>).</summary>
    public static IReadOnlyDictionary<string, string> Labels(string standard) => Labels(standard, standard);

    /// <summary>The labels that enforce <paramref name="enforced"/>, and audit and warn about the stricter <paramref name="reported"/>.</summary>
    public static IReadOnlyDictionary<string, string> Labels(string enforced, string reported) =>
        new SortedDictionary<string, string>(StringComparer.Ordinal) { [Enforce] = enforced, [Audit] = reported, [Warn] = reported };

    /// <summary>
    /// A container's part of the restricted standard: no privilege escalation and no capabilities, and where
    /// <paramref name="runAsNonRoot"/>, the non-root rule itself (where the pod's context does not state it); the
    /// pod gives the user and the seccomp profile.
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject RestrictedContainer(bool runAsNonRoot = false)
    {
        var context = new System.Text.Json.Nodes.JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["capabilities"] = new System.Text.Json.Nodes.JsonObject { ["drop"] = new System.Text.Json.Nodes.JsonArray("ALL") },
        };
        if (runAsNonRoot)
        {
            context["runAsNonRoot"] = true;
        }

        return context;
    }

    /// <summary>
    /// The labels of a namespace whose pods all meet the restricted standard (non-root, no privilege escalation, no
    /// capabilities, the runtime's seccomp profile), as their charts or the platform set them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Restricted { get; } = Labels("restricted");

    /// <summary>
    /// The labels of a namespace where some pod meets only the baseline standard: baseline is enforced, and
    /// breaches of restricted are warned about and audited, so that they show before a namespace is tightened.
    /// </summary>
    public static IReadOnlyDictionary<string, string> BaselineReportingRestricted { get; } = Labels("baseline", "restricted");
}
