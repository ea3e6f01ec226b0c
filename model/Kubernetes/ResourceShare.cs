namespace Infra.Model.Kubernetes;

/// <summary>
/// What one service asks of the workload cluster's CPU pools: the requests its pods make, or the figure upstream
/// documents for it where that is larger, with where the figures come from.
/// </summary>
/// <param name="Service">The service, as messages name it (for example <c>MLflow</c>).</param>
/// <param name="CpuMillis">Its CPU in millicores.</param>
/// <param name="MemoryMi">Its memory in MiB.</param>
/// <param name="Basis">Where the figures come from, as the end of a sentence: <c>2 pods x 1 CPU, 4Gi</c>.</param>
public sealed record ResourceShare(string Service, long CpuMillis, long MemoryMi, string Basis)
{
    /// <summary>The share of <paramref name="pods"/> pods that each request <paramref name="cpu"/> and <paramref name="memory"/> (Kubernetes quantities; null for none).</summary>
    public static ResourceShare Pods(string service, int pods, string? cpu, string? memory) =>
        new(service, pods * (Quantity.ToMillicores(cpu) ?? 0), pods * (Quantity.ToMebibytes(memory) ?? 0), $"{pods} {(pods == 1 ? "pod" : "pods")} x {cpu ?? "0"} CPU, {memory ?? "0"}");

    /// <summary>The share in the words of a message: <c>MLflow 2 vCPUs, 8 GiB (2 pods x 1 CPU, 4Gi)</c>.</summary>
    public override string ToString() => $"{Service} {Cpus(CpuMillis)}, {Gibibytes(MemoryMi)} ({Basis})";

    /// <summary>Millicores as vCPUs: <c>4.4 vCPUs</c>.</summary>
    public static string Cpus(long millicores) => $"{(millicores / 1000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} vCPUs";

    /// <summary>MiB as GiB: <c>11.9 GiB</c>.</summary>
    public static string Gibibytes(long mebibytes) => $"{(mebibytes / 1024m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} GiB";
}
