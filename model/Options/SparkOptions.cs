namespace Infra.Model.Options;

/// <summary>The Spark block (<c>mlops:platform.spark</c>): the operator's sizing, and the history server.</summary>
public sealed record SparkOptions : SizedServiceOptions
{
    /// <summary>Whether a Spark history server reads the event logs in the Spark bucket. Default: true.</summary>
    public bool? HistoryServer { get; init; }
}
