using Infra.Model.Configuration;
using Infra.Model.ObjectStore;
using Infra.Model.Options;

namespace Infra.Model.Backup;

/// <summary>
/// The S3 endpoint outside the cluster that the platform's backups leave it for, as the stack's configuration sets
/// it: each service backs up under <c>&lt;environment&gt;/&lt;service&gt;/</c> of its bucket with its identity.
/// </summary>
/// <param name="Endpoint">The S3 endpoint URL.</param>
/// <param name="Region">The region requests are signed for.</param>
/// <param name="Bucket">The bucket.</param>
/// <param name="AccessKey">The identity's access key ID.</param>
/// <param name="SecretKey">Its secret access key, a secret setting.</param>
/// <param name="Retention">How long backups are kept (<c>30d</c>, <c>4w</c>, <c>6m</c>).</param>
/// <param name="Environment">The stack's environment, the prefix its backups go under.</param>
/// <param name="Generation">The generation of its PostgreSQL backups, raised by a restore into the same environment.</param>
public sealed record BackupTarget(string Endpoint, string Region, string Bucket, string AccessKey, SecretSetting SecretKey, string Retention, string Environment, int Generation = 1)
{
    /// <summary>How long production keeps its backups unless set.</summary>
    public const string ProductionRetention = "30d";

    /// <summary>How long any other environment keeps its backups unless set.</summary>
    public const string DefaultRetention = "7d";

    /// <summary>The target for <paramref name="options"/>, or null where none is set (validation says where one must be).</summary>
    public static BackupTarget? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static BackupTarget? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Platform?.Backup is { Endpoint: { Length: > 0 } endpoint, Bucket: { Length: > 0 } bucket, AccessKey: { Length: > 0 } accessKey, SecretKey: { } secretKey } backup
            ? new BackupTarget(
                endpoint.TrimEnd('/'),
                backup.Region ?? ObjectStoreAccess.DefaultRegion,
                bucket,
                accessKey,
                secretKey,
                backup.Retention ?? (options.IsProduction ? ProductionRetention : DefaultRetention),
                Validated.Required(options.Environment),
                backup.Generation ?? 1)
            : null;
    }

    /// <summary>Where <paramref name="service"/>'s backups go: <c>s3://&lt;bucket&gt;/&lt;environment&gt;/&lt;service&gt;/</c>.</summary>
    public string PathFor(string service) => PathFor(Environment, service);

    /// <summary>Where <paramref name="environment"/>'s backups of <paramref name="service"/> are on this target, for a restore that reads another environment's.</summary>
    public string PathFor(string environment, string service) => $"s3://{Bucket}/{environment}/{service}/";

    /// <summary>
    /// The name a database cluster's backups of <paramref name="generation"/> are kept under: the cluster's own
    /// name for the first (CloudNativePG's default), <c>&lt;cluster&gt;-g&lt;n&gt;</c> after it.
    /// </summary>
    public static string ServerName(string cluster, int generation) => generation == 1 ? cluster : $"{cluster}-g{generation}";
}
