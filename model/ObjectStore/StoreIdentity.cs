using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Infra.Model.ObjectStore;

/// <summary>A consuming service's access identity, with a policy that reaches its own buckets and nothing else.</summary>
/// <param name="Consumer">The service.</param>
/// <param name="Name">The identity's name in the object store, e.g. <c>mlflow</c>.</param>
/// <param name="Buckets">The buckets its policy covers.</param>
public sealed record StoreIdentity(StoreConsumer Consumer, string Name, ImmutableArray<string> Buckets)
{
    /// <summary>The object actions a service needs on its own buckets.</summary>
    public static ImmutableArray<string> ObjectActions { get; } = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"];

    /// <summary>The bucket actions a service needs on its own buckets.</summary>
    public static ImmutableArray<string> BucketActions { get; } = ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"];

    /// <summary>The policy's name in the object store.</summary>
    public string PolicyName => $"{Name}-buckets";

    /// <summary>The IAM-style policy document (as MinIO and S3 take it): list and locate its buckets, read and write their objects.</summary>
    public JsonObject Policy() => new()
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(
            new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray([.. BucketActions.Select(a => (JsonNode)a)]),
                ["Resource"] = new JsonArray([.. Buckets.Select(b => (JsonNode)$"arn:aws:s3:::{b}")]),
            },
            new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray([.. ObjectActions.Select(a => (JsonNode)a)]),
                ["Resource"] = new JsonArray([.. Buckets.Select(b => (JsonNode)$"arn:aws:s3:::{b}/*")]),
            }),
    };
}
