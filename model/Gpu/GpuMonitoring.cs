using Infra.Model.Monitoring;

namespace Infra.Model.Gpu;

/// <summary>
/// The GPUs' alerts and dashboard. The GPU Operator itself creates the DCGM exporter's ServiceMonitor
/// (<c>dcgmExporter.serviceMonitor.enabled</c>, on by default, once the CRD exists), whose series carry
/// <c>job="nvidia-dcgm-exporter"</c>, the GPU's node in <c>Hostname</c> and the pod using it in
/// <c>exported_namespace</c> and <c>exported_pod</c>.
/// </summary>
public static class GpuMonitoring
{
    /// <summary>The <c>job</c> of the exporter's series.</summary>
    public const string Job = "nvidia-dcgm-exporter";

    /// <summary>The alerts: an XID error, GPU memory nearly exhausted, the exporter down.</summary>
    public static IEnumerable<AlertRule> Rules()
    {
        yield return new AlertRule("GpuXidError", $"max by (Hostname, gpu) (max_over_time(DCGM_FI_DEV_XID_ERRORS{{job=\"{Job}\"}}[5m])) > 0", "0m", AlertSeverity.Warning,
            "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} reported XID {{ $value }}.",
            "Look the XID up in NVIDIA's XID catalogue. 13, 31 and 43 are usually the application's fault; 48, 63, 64, 74, 79 and 94/95 point at the GPU or its driver: drain the node ('kubectl drain'), reset the GPU or reboot the VM, and open a case with the host's GPU if it returns.");
        yield return new AlertRule("GpuMemoryNearlyFull", $"max by (Hostname, gpu, exported_namespace, exported_pod) (DCGM_FI_DEV_FB_USED{{job=\"{Job}\"}} / (DCGM_FI_DEV_FB_USED{{job=\"{Job}\"}} + DCGM_FI_DEV_FB_FREE{{job=\"{Job}\"}})) > 0.95", "15m", AlertSeverity.Warning,
            "GPU {{ $labels.gpu }} on {{ $labels.Hostname }} has used over 95% of its memory for 15 minutes ({{ $labels.exported_namespace }}/{{ $labels.exported_pod }}).",
            "The next allocation fails with out-of-memory. Ask the team to lower the batch size, or give the workload a larger vGPU profile.");
        yield return new AlertRule("GpuExporterDown", $"up{{job=\"{Job}\"}} == 0", "10m", AlertSeverity.Warning,
            "The DCGM exporter on {{ $labels.instance }} is down: its GPUs are not watched.",
            "Check 'kubectl -n gpu-operator get pods -l app=nvidia-dcgm-exporter' and the pod's log; the exporter needs the driver's daemonset ready on the node.");
    }

    /// <summary>The GPU dashboard: use and memory per node and GPU, memory per team, temperature and power, XIDs.</summary>
    public static Dashboard Dashboard() => new("mlops-gpus", "MLOps / GPUs", [
        new("GPU use, by node and GPU", PanelKind.TimeSeries, $"avg by (Hostname, gpu) (DCGM_FI_DEV_GPU_UTIL{{job=\"{Job}\"}})", "{{Hostname}} GPU {{gpu}}", "percent"),
        new("GPU memory used, by team", PanelKind.TimeSeries, $"sum by (exported_namespace) (DCGM_FI_DEV_FB_USED{{job=\"{Job}\", exported_namespace!=\"\"}}) * 1024 * 1024", "{{exported_namespace}}", "bytes"),
        new("GPU use, by team", PanelKind.TimeSeries, $"avg by (exported_namespace) (DCGM_FI_DEV_GPU_UTIL{{job=\"{Job}\", exported_namespace!=\"\"}})", "{{exported_namespace}}", "percent"),
        new("GPU memory used, by node and GPU", PanelKind.TimeSeries, $"max by (Hostname, gpu) (DCGM_FI_DEV_FB_USED{{job=\"{Job}\"}} / (DCGM_FI_DEV_FB_USED{{job=\"{Job}\"}} + DCGM_FI_DEV_FB_FREE{{job=\"{Job}\"}}))", "{{Hostname}} GPU {{gpu}}", "percentunit"),
        new("Temperature", PanelKind.TimeSeries, $"max by (Hostname, gpu) (DCGM_FI_DEV_GPU_TEMP{{job=\"{Job}\"}})", "{{Hostname}} GPU {{gpu}}", "celsius"),
        new("Power", PanelKind.TimeSeries, $"sum by (Hostname) (DCGM_FI_DEV_POWER_USAGE{{job=\"{Job}\"}})", "{{Hostname}}", "watt"),
        new("Last XID, by node and GPU", PanelKind.Table, $"max by (Hostname, gpu) (max_over_time(DCGM_FI_DEV_XID_ERRORS{{job=\"{Job}\"}}[24h]))", "{{Hostname}} GPU {{gpu}}", "none"),
    ]);
}
