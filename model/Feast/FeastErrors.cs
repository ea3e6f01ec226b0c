using Infra.Model.Configuration;

[assembly: ErrorCatalogue(typeof(Infra.Model.Feast.FeastErrors))]

namespace Infra.Model.Feast;

/// <summary>The rules of the Feast feature store.</summary>
public static class FeastErrors
{
    /// <summary>A materialization schedule that is no cron schedule.</summary>
    public static readonly ErrorCode MaterializeSchedule = new("MLOPS1001", "mlops:platform.feast.materializeSchedule", "The materialization schedule is a cron schedule: five fields, or a macro such as @hourly.");
}
