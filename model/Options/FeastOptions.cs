namespace Infra.Model.Options;

/// <summary>The Feast block (<c>mlops:platform.feast</c>): the servers' sizing, and where the operator comes from.</summary>
public sealed record FeastOptions : SizedServiceOptions
{
    /// <summary>
    /// The Feast operator's install bundle, a URL or a file: a site's copy of the pinned release's
    /// <c>install.yaml</c> for air-gapped clusters. Default: the pinned release on GitHub.
    /// </summary>
    public string? OperatorBundle { get; init; }

    /// <summary>
    /// When the operator's CronJob loads the offline store's new feature values into the online store
    /// (<c>feast materialize-incremental</c>), a cron schedule. Default: <c>0 * * * *</c>, every hour.
    /// </summary>
    public string? MaterializeSchedule { get; init; }
}
