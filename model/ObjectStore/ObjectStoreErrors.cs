using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.ObjectStore.ObjectStoreErrors))]

namespace Infra.Model.ObjectStore;

/// <summary>The rules of the object store: MinIO, or an existing S3 endpoint with an access key per identity.</summary>
public static class ObjectStoreErrors
{
    /// <summary>A service that keeps data in an object store the stack does not have.</summary>
    public static readonly ErrorCode StoreNeeded = new("MLOPS0701", "mlops:platform.minio.enabled", "Where MLflow, Spark, Feast, GitLab or Kubeflow Pipelines runs, the stack has an object store: MinIO, or an existing S3 endpoint.");

    /// <summary>An existing endpoint together with MinIO.</summary>
    public static readonly ErrorCode ExternalWithMinio = new("MLOPS0702", "mlops:platform.objectStore", "An existing S3 endpoint replaces MinIO: not both.");

    /// <summary>No endpoint.</summary>
    public static readonly ErrorCode EndpointRequired = new("MLOPS0703", "mlops:platform.objectStore.endpoint", "An existing object store has its endpoint.");

    /// <summary>A malformed endpoint.</summary>
    public static readonly ErrorCode Endpoint = new("MLOPS0704", "mlops:platform.objectStore.endpoint", "The endpoint is an http:// or https:// URL with no query.");

    /// <summary>An identity the stack does not use.</summary>
    public static readonly ErrorCode UnknownIdentity = new("MLOPS0705", "mlops:platform.objectStore.identities[].name", "Each listed identity is one the stack's services use.");

    /// <summary>An identity listed twice.</summary>
    public static readonly ErrorCode IdentityTwice = new("MLOPS0706", "mlops:platform.objectStore.identities[].name", "Each identity is listed once, with one access key.");

    /// <summary>No access key ID.</summary>
    public static readonly ErrorCode AccessKeyRequired = new("MLOPS0707", "mlops:platform.objectStore.identities[].accessKey", "Each identity has its access key ID.");

    /// <summary>No secret key.</summary>
    public static readonly ErrorCode SecretKeyRequired = new("MLOPS0708", "mlops:platform.objectStore.identities[].secretKey", "Each identity has its secret access key, as a secret.");

    /// <summary>An identity the stack uses, not listed.</summary>
    public static readonly ErrorCode IdentityMissing = new("MLOPS0709", "mlops:platform.objectStore.identities", "Each identity the stack's services use has an access key: one identity per service that keeps data.");
}
