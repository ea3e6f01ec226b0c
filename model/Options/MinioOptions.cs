namespace Infra.Model.Options;

/// <summary>The MinIO block (<c>mlops:platform.minio</c>): the tenant's servers and capacity; its pods keep the chart's requests.</summary>
public sealed record MinioOptions : ServiceOptions
{
    /// <summary>The tenant's servers, at least 1. Default: 1, or 4 in production.</summary>
    public int? Replicas { get; init; }

    /// <summary>The tenant's raw capacity over all its volumes, a Kubernetes quantity (e.g. <c>1Ti</c>). Default: 100Gi, or 1Ti in production.</summary>
    public string? Storage { get; init; }

    /// <inheritdoc />
    public override ServiceSizing Sizing => new(Replicas, null, null, Storage);
}
