namespace Infra.Model.Options;

/// <summary>The GitLab block (<c>mlops:platform.gitlab</c>): the webservice's and Sidekiq's replicas, the webservice's requests, Gitaly's volume.</summary>
public sealed record GitlabOptions : SizedServiceOptions
{
    /// <summary>Gitaly's volume, a Kubernetes quantity (e.g. <c>100Gi</c>). Default: 50Gi, or 200Gi in production.</summary>
    public string? Storage { get; init; }

    /// <inheritdoc />
    public override ServiceSizing Sizing => base.Sizing with { Storage = Storage };
}
