using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Monitoring.MonitoringErrors))]

namespace Infra.Model.Monitoring;

/// <summary>The rules of the monitoring block: a retention Prometheus reads, stores reached over HTTPS, and receivers Alertmanager can deliver to.</summary>
public static class MonitoringErrors
{
    /// <summary>A retention that is not one.</summary>
    public static readonly ErrorCode Retention = new("MLOPS1401", "mlops:platform.monitoring.retention", "The retention is a count of hours, days, weeks or years, such as 15d.");

    /// <summary>A remote-write store without an HTTPS URL.</summary>
    public static readonly ErrorCode RemoteWriteUrl = new("MLOPS1402", "mlops:platform.monitoring.remoteWrite[].url", "A remote-write store is named by its https:// URL.");

    /// <summary>A user without a password, or a password without a user.</summary>
    public static readonly ErrorCode Credentials = new("MLOPS1403", "mlops:platform.monitoring", "A user and its password are set together, the password as a secret.");

    /// <summary>An e-mail receiver missing its recipients, sender or relay.</summary>
    public static readonly ErrorCode Email = new("MLOPS1404", "mlops:platform.monitoring.alerts.email", "E-mail alerts name their recipients, their sender and the SMTP relay as host:port.");

    /// <summary>A webhook or chat receiver without its URL.</summary>
    public static readonly ErrorCode ReceiverUrl = new("MLOPS1405", "mlops:platform.monitoring.alerts", "A webhook or chat receiver has its URL, as a secret.");

    /// <summary>Two remote-write stores with one URL.</summary>
    public static readonly ErrorCode RemoteWriteTwice = new("MLOPS1406", "mlops:platform.monitoring.remoteWrite[].url", "Each remote-write store is listed once.");
}
