using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Infra.Model.ObjectStore;

/// <summary>A consuming service's access identity, with a policy that reaches its own buckets and nothing else.</summary>
/// <param name="Consumer">The service.</param>
/// <param name="Name">The identity's name in the object store, e.g. <c>mlflow</c>.</param>
/// <param name="Buckets">The buckets its policy covers.</param>
/// <param name="Prefix">The key prefix its policy is limited to within those buckets (a team's folder), or null for whole buckets.</param>
/// <param name="ReadOnly">Whether it only reads the objects (the backup mirror), writing and deleting none.</param>
public sealed record StoreIdentity(StoreConsumer Consumer, string Name, ImmutableArray<string> Buckets, string? Prefix = null, bool ReadOnly = false)
{
    /// <summary>The object actions a service needs on its own buckets.</summary>
    public static ImmutableArray<string> ObjectActions { get; } = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"];

    /// <summary>The object actions of an identity that only reads.</summary>
    public static ImmutableArray<string> ReadActions { get; } = ["s3:GetObject"];

    /// <summary>The bucket actions a service needs on its own buckets.</summary>
    public static ImmutableArray<string> BucketActions { get; } = ["s3:ListBucket", "s3:GetBucketLocation", "s3:ListBucketMultipartUploads"];

    /// <summary>The policy's name in the object store.</summary>
    public string PolicyName => PolicyNameOf(Name);

    /// <summary>The name of the policy of the identity <paramref name="identity"/>: <c>&lt;identity&gt;-buckets</c>.</summary>
    public static string PolicyNameOf(string identity) => $"{identity}-buckets";

    /// <summary>
    /// The IAM-style policy document (as MinIO and S3 take it): list and locate its buckets, read and write their
    /// objects; with a prefix, listing only under it and objects only below it.
    /// </summary>
    public JsonObject Policy()
    {
        var list = new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. BucketActions.Select(a => (JsonNode)a)]),
            ["Resource"] = new JsonArray([.. Buckets.Select(b => (JsonNode)$"arn:aws:s3:::{b}")]),
        };
        if (Prefix is not null)
        {
            list["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["s3:prefix"] = new JsonArray($"{Prefix}/", $"{Prefix}/*") } };
        }

        var objects = Prefix is null ? "/*" : $"/{Prefix}/*";
        return new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(
                list,
                new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Action"] = new JsonArray([.. (ReadOnly ? ReadActions : ObjectActions).Select(a => (JsonNode)a)]),
                    ["Resource"] = new JsonArray([.. Buckets.Select(b => (JsonNode)$"arn:aws:s3:::{b}{objects}")]),
                }),
        };
    }
}
