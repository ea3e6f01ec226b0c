using System.Collections.Immutable;

namespace Infra.Model.Options;

/// <summary>Which services each MLOps maturity level needs, and which services a stack runs.</summary>
public static class MaturityLevels
{
    /// <summary>The services a level cannot work without, each with what it does for the level.</summary>
    public static ImmutableArray<(PlatformService Service, string Role)> Requires(MaturityLevel level) => level switch
    {
        MaturityLevel.Level0 => [(PlatformService.Kubeflow, "notebooks"), (PlatformService.Minio, "the object store")],
        MaturityLevel.Level1 => [.. Requires(MaturityLevel.Level0), (PlatformService.Mlflow, "the model registry"), (PlatformService.Feast, "the feature store"), (PlatformService.Spark, "data processing")],
        MaturityLevel.Level2 => [.. Requires(MaturityLevel.Level1), (PlatformService.Gitlab, "source control and CI/CD for ML")],
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown maturity level."),
    };

    /// <summary>The options block of a service.</summary>
    public static ServiceOptions? Block(this PlatformServicesOptions? platform, PlatformService service) => platform is null ? null : service switch
    {
        PlatformService.Kubeflow => platform.Kubeflow,
        PlatformService.Minio => platform.Minio,
        PlatformService.Mlflow => platform.Mlflow,
        PlatformService.Feast => platform.Feast,
        PlatformService.Spark => platform.Spark,
        PlatformService.Gitlab => platform.Gitlab,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown service."),
    };

    /// <summary>Whether the stack runs a service: its <c>enabled</c> flag, else whether its level needs it (MinIO not where an existing object store is set).</summary>
    public static bool IsEnabled(this PlatformOptions options, PlatformService service)
    {
        ArgumentNullException.ThrowIfNull(options);

        // An existing S3 endpoint takes MinIO's place unless MinIO is asked for explicitly.
        var replaced = service == PlatformService.Minio && options.Platform?.ObjectStore is not null;
        return options.Platform.Block(service)?.Enabled
            ?? (!replaced && Requires(options.Maturity ?? MaturityLevel.Level0).Any(r => r.Service == service));
    }
}
