namespace Infra.Model.ObjectStore;

/// <summary>A bucket of the platform's object store. No bucket is ever public: every access is by an identity's policy.</summary>
/// <param name="Name">The bucket's name, <c>mlops-&lt;environment&gt;-&lt;purpose&gt;</c>: a valid S3 name, unique even on a shared S3 service.</param>
/// <param name="Purpose">What it holds, e.g. <c>mlflow-artifacts</c>.</param>
/// <param name="Owner">The service whose identity may use it.</param>
public sealed record BucketSpec(string Name, string Purpose, StoreConsumer Owner);
