using System.Collections.Immutable;
using Infra.Model.Options;
using Infra.Model.Stacks;

namespace Infra.Model.ObjectStore;

/// <summary>
/// The object store's contents, whichever store serves them: the buckets each enabled service needs, and one
/// identity per service whose policy reaches only that service's buckets.
/// </summary>
/// <param name="Buckets">Every bucket, by owner then purpose.</param>
/// <param name="Identities">One identity per consuming service.</param>
public sealed record ObjectStoreSpec(ImmutableArray<BucketSpec> Buckets, ImmutableArray<StoreIdentity> Identities)
{
    /// <summary>What each consumer keeps, in bucket purposes.</summary>
    public static ImmutableArray<string> Purposes(StoreConsumer consumer) => consumer switch
    {
        StoreConsumer.Mlflow => ["mlflow-artifacts"],
        StoreConsumer.KubeflowPipelines => ["kubeflow-pipelines"],
        StoreConsumer.Feast => ["feast-registry", "feast-offline"],
        StoreConsumer.Spark => ["spark-events", "spark-data"],
        StoreConsumer.Gitlab => ["gitlab-artifacts", "gitlab-lfs", "gitlab-uploads", "gitlab-packages", "gitlab-registry", "gitlab-backups", "gitlab-tmp"],
        StoreConsumer.Team => ["teams"],
        StoreConsumer.Backup => [],
        _ => throw new ArgumentOutOfRangeException(nameof(consumer), consumer, "Unknown consumer."),
    };

    /// <summary>The contents for <paramref name="options"/>: the consumers are the enabled services that keep data.</summary>
    public static ObjectStoreSpec For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    /// <summary>
    /// The names of the identities the stack's services and teams use, read from options that may not have passed
    /// validation yet: a team without a name (which validation reports) has none.
    /// </summary>
    public static ImmutableArray<string> IdentityNames(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Consumers(options).Where(c => c != StoreConsumer.Team).Select(IdentityName),
            .. (options.Teams ?? []).Select(t => t.Name).OfType<string>().Where(n => n.Length > 0).Select(TeamIdentity)];
    }

    private static ObjectStoreSpec Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var consumers = Consumers(options);
        var buckets = consumers
            .SelectMany(c => Purposes(c).Select(p => new BucketSpec(BucketName(Validated.Required(options.Environment), p), p, c)))
            .ToImmutableArray();
        var identities = consumers
            .Where(c => c != StoreConsumer.Team)
            .Select(c => c == StoreConsumer.Backup
                ? new StoreIdentity(c, IdentityName(c), [.. buckets.Select(b => b.Name)], ReadOnly: options.Platform?.Restore is null)
                : new StoreIdentity(c, IdentityName(c), [.. buckets.Where(b => b.Owner == c).Select(b => b.Name)]))
            .Concat((options.Teams ?? []).Select(t => new StoreIdentity(StoreConsumer.Team, TeamIdentity(Validated.Required(t.Name)), [BucketName(Validated.Required(options.Environment), "teams")], t.Name)))
            .ToImmutableArray();
        return new ObjectStoreSpec(buckets, identities);
    }

    /// <summary>A bucket's name: <c>mlops-&lt;environment&gt;-&lt;purpose&gt;</c>.</summary>
    public static string BucketName(string environment, string purpose) => $"mlops-{environment}-{purpose}";

    /// <summary>A team's identity: <c>team-&lt;name&gt;</c>, reaching <c>s3://mlops-&lt;environment&gt;-teams/&lt;name&gt;/</c>.</summary>
    public static string TeamIdentity(string team) => $"team-{team}";

    /// <summary>A consumer's identity name, its name in kebab case: <c>mlflow</c>, <c>kubeflow-pipelines</c>.</summary>
    public static string IdentityName(StoreConsumer consumer) =>
        string.Concat(consumer.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));

    private static ImmutableArray<StoreConsumer> Consumers(PlatformOptions options)
    {
        var consumers = ImmutableArray.CreateBuilder<StoreConsumer>();
        if (options.IsEnabled(Mlflow.MlflowTechnology.Service))
        {
            consumers.Add(StoreConsumer.Mlflow);
        }

        // Pipelines keeps uploaded pipeline packages in its own bucket; runs write to the teams' prefixes.
        if (options.IsEnabled(Kubeflow.KubeflowTechnology.Service) && Kubeflow.KubeflowSpec.ApplicationsFor(options).Contains("pipelines"))
        {
            consumers.Add(StoreConsumer.KubeflowPipelines);
        }

        if (options.IsEnabled(Feast.FeastTechnology.Service))
        {
            consumers.Add(StoreConsumer.Feast);
        }

        if (options.IsEnabled(Spark.SparkTechnology.Service))
        {
            consumers.Add(StoreConsumer.Spark);
        }

        if (options.IsEnabled(Gitlab.GitlabTechnology.Service))
        {
            consumers.Add(StoreConsumer.Gitlab);
        }

        // Each team keeps its data under its own prefix of one bucket.
        if ((options.Teams ?? []).Count > 0)
        {
            consumers.Add(StoreConsumer.Team);
        }

        // With a backup target, the platform's MinIO is mirrored there: its buckets leave the cluster too. An existing
        // store outside the cluster is its administrators' to back up.
        if (options.IsEnabled(Minio.MinioTechnology.Service) && options.Platform?.Backup is not null && consumers.Count > 0)
        {
            consumers.Add(StoreConsumer.Backup);
        }

        return consumers.ToImmutable();
    }
}
