using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Minio;
using Infra.Model.Options;
using Infra.Model.Planning;

namespace Infra.Model.ObjectStore;

/// <summary>
/// How services reach the object store, whichever serves it: the in-cluster MinIO, whose identities this stack
/// generates and whose policy job must run before they work, or an existing S3 endpoint whose access keys come
/// from config.
/// </summary>
/// <param name="Endpoint">The S3 endpoint URL.</param>
/// <param name="Region">The region requests are signed for.</param>
/// <param name="PathStyle">Whether requests are path-style.</param>
/// <param name="ExternalKeys">The external store's access keys by identity, or null for MinIO.</param>
/// <param name="PolicyJob">MinIO's policy job, which identities wait for, or null.</param>
/// <param name="RestoreJob">MinIO's restore job in a restore, which every service that reads the buckets waits for, or null.</param>
public sealed record ObjectStoreAccess(string Endpoint, string Region, bool PathStyle, ImmutableDictionary<string, (string AccessKey, SecretSetting SecretKey)>? ExternalKeys, string? PolicyJob, string? RestoreJob = null)
{
    /// <summary>The environment variable of an identity's access key ID, as AWS clients, S3A and boto3 read it.</summary>
    public const string AccessKeyVariable = "AWS_ACCESS_KEY_ID";

    /// <summary>The environment variable of an identity's secret access key.</summary>
    public const string SecretKeyVariable = "AWS_SECRET_ACCESS_KEY";

    /// <summary>The region MinIO and most S3-compatible stores sign for.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>The access for <paramref name="options"/>: MinIO where it runs, else the external store, else null.</summary>
    public static ObjectStoreAccess? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static ObjectStoreAccess? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A teams stack's identities are ready once its own job has added them; the platform's are its policy job's.
        if (MinioSpec.For(options) is { } minio)
        {
            return options.IsTeamsStack
                ? new ObjectStoreAccess(MinioSpec.Endpoint, DefaultRegion, true, null, MinioTeamUsers.For(options)?.JobName())
                : new ObjectStoreAccess(MinioSpec.Endpoint, DefaultRegion, true, null, minio.PolicyJobName(), minio.Restore is not null && minio.MirrorIdentity is not null ? MinioSpec.RestoreJob : null);
        }

        if (options.Platform?.ObjectStore is not { Endpoint: { Length: > 0 } endpoint } external)
        {
            return null;
        }

        var keys = (external.Identities ?? [])
            .Where(i => i.Name is not null && i.AccessKey is not null && i.SecretKey is not null)
            .ToImmutableDictionary(i => i.Name!, i => (i.AccessKey!, i.SecretKey!), StringComparer.Ordinal);
        return new ObjectStoreAccess(endpoint.TrimEnd('/'), external.Region ?? DefaultRegion, external.PathStyle ?? true, keys, null);
    }

    /// <summary>Whether the endpoint is HTTPS.</summary>
    public bool Secure => Endpoint.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The access key ID of <paramref name="identity"/>: its name on MinIO, the configured key elsewhere.</summary>
    public string AccessKey(string identity) => ExternalKeys is null ? identity : ExternalKeys[identity].AccessKey;

    /// <summary>The secret access key of <paramref name="identity"/>: MinIO's generated password, or the secret setting.</summary>
    public PlanValue SecretKey(string identity) => ExternalKeys is null
        ? KubernetesNodes.GeneratedPassword(MinioPlanner.UserPassword(identity))
        : PlanValue.Config(ExternalKeys[identity].SecretKey);

    /// <summary>A Secret's data with <paramref name="identity"/>'s keys under the AWS environment variable names.</summary>
    public IReadOnlyList<(string Key, PlanValue Value)> EnvironmentKeys(string identity) =>
        [(AccessKeyVariable, PlanValue.Of(AccessKey(identity))), (SecretKeyVariable, SecretKey(identity))];

    /// <summary>The nodes an identity's users wait for: MinIO's policy job, and in a restore its restore job; none for an external store.</summary>
    public ImmutableArray<string> Ready => [.. new[] { PolicyJob, RestoreJob }.OfType<string>().Select(job => PlanNode.IdOf(KubernetesTokens.Job, job))];

    /// <summary>The nodes a Secret holding <paramref name="identity"/>'s key waits for: MinIO's generated password, or none.</summary>
    public ImmutableArray<string> KeyNodes(string identity) => ExternalKeys is null
        ? [PlanNode.IdOf(KubernetesTokens.RandomPassword, MinioPlanner.UserPassword(identity))]
        : [];
}
