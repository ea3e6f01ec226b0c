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
    public static IReadOnlyDictionary<string, string> Labels(string standard) =>
        new SortedDictionary<string, string>(StringComparer.Ordinal) { [Enforce] = standard, [Audit] = standard, [Warn] = standard };
}
