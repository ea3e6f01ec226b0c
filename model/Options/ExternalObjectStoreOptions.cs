using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// An existing S3 endpoint the services use instead of MinIO (<c>mlops:platform.objectStore</c>, with MinIO off).
/// Its administrators create the buckets and one identity per service with the policies <c>infractl render</c> writes.
/// </summary>
public sealed record ExternalObjectStoreOptions
{
    /// <summary>The S3 endpoint URL, e.g. <c>https://s3.example.com</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The region the endpoint signs for. Default: <c>us-east-1</c>.</summary>
    public string? Region { get; init; }

    /// <summary>Whether requests are path-style (<c>endpoint/bucket/key</c>) rather than virtual-host style. Default: true.</summary>
    public bool? PathStyle { get; init; }

    /// <summary>One access key per service that keeps data, by the identity names the plan uses.</summary>
    public IReadOnlyList<ObjectStoreIdentityOptions>? Identities { get; init; }
}

/// <summary>A service's access key on the external object store (<c>mlops:platform.objectStore.identities[i]</c>).</summary>
public sealed record ObjectStoreIdentityOptions
{
    /// <summary>The identity, e.g. <c>mlflow</c>, <c>spark</c>, <c>feast</c>, <c>postgres</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The access key ID.</summary>
    public string? AccessKey { get; init; }

    /// <summary>The secret access key, set with <c>pulumi config set --secret</c>.</summary>
    public SecretSetting? SecretKey { get; init; }
}
