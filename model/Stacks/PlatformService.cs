using Infra.Model.Options;

namespace Infra.Model.Stacks;

/// <summary>
/// A platform service that <c>mlops:platform</c> configures, with the maturity level from which it runs by default.
/// Each service's technology declares its own.
/// </summary>
/// <param name="Key">Its block's key under <c>mlops:platform</c>, such as <c>mlflow</c>.</param>
/// <param name="Name">Its name in messages, such as <c>MLflow</c>.</param>
/// <param name="Block">Its block of the platform's options.</param>
/// <param name="NeededFrom">The lowest maturity level that needs it; null where no level does.</param>
/// <param name="Role">What it does for that level, such as <c>the model registry</c>.</param>
/// <param name="OnInProduction">Whether it runs by default in production whatever the level, as monitoring does.</param>
public sealed class PlatformService(string Key, string Name, Func<PlatformServicesOptions, ServiceOptions?> Block, MaturityLevel? NeededFrom, string Role, bool OnInProduction = false)
{
    /// <summary>Its block's key under <c>mlops:platform</c>.</summary>
    public string Key { get; } = Key;

    /// <summary>Its name in messages.</summary>
    public string Name { get; } = Name;

    /// <summary>The lowest maturity level that needs it.</summary>
    public MaturityLevel? NeededFrom { get; } = NeededFrom;

    /// <summary>What it does for the levels that need it.</summary>
    public string Role { get; } = Role;

    /// <summary>Whether it runs by default in production whatever the level.</summary>
    public bool OnInProduction { get; } = OnInProduction;

    /// <summary>Its block in <paramref name="platform"/>, or null.</summary>
    public ServiceOptions? BlockOf(PlatformServicesOptions? platform) => platform is null ? null : Block(platform);

    /// <summary>Whether <paramref name="level"/> needs it.</summary>
    public bool IsNeededAt(MaturityLevel level) => NeededFrom is { } from && level >= from;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Which services a stack runs.</summary>
public static class PlatformServices
{
    /// <summary>The services <paramref name="level"/> cannot work without, in the technologies' order.</summary>
    public static IEnumerable<PlatformService> NeededAt(MaturityLevel level) => Technologies.Services.Where(s => s.IsNeededAt(level));

    /// <summary>Whether the stack runs a service: its <c>enabled</c> flag, else whether its level needs it or, for a service on in production, whether the stack is production (MinIO not where an existing object store is set).</summary>
    public static bool IsEnabled(this PlatformOptions options, PlatformService service)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(service);

        // An existing S3 endpoint takes MinIO's place unless MinIO is asked for explicitly.
        return service.BlockOf(options.Platform)?.Enabled
            ?? (!options.IsReplaced(service) && (service.IsNeededAt(options.Maturity ?? MaturityLevel.Level0) || (service.OnInProduction && options.IsProduction)));
    }

    /// <summary>Whether something the stack names takes the service's place: an existing S3 endpoint MinIO's.</summary>
    public static bool IsReplaced(this PlatformOptions options, PlatformService service)
    {
        ArgumentNullException.ThrowIfNull(options);
        return service == Minio.MinioTechnology.Service && options.Platform?.ObjectStore is not null;
    }
}
