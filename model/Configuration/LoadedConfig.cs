using System.Collections.Immutable;
using Infra.Model.Options;

namespace Infra.Model.Configuration;

/// <summary>The outcome of binding and validating a stack's configuration.</summary>
/// <param name="Source">Where the configuration came from.</param>
/// <param name="Options">The bound options; complete only where <see cref="IsValid"/>.</param>
/// <param name="Connection">The vSphere provider keys.</param>
/// <param name="Errors">Every error found.</param>
public sealed record LoadedConfig(string Source, PlatformOptions Options, VsphereConnectionOptions Connection, ImmutableArray<ConfigError> Errors)
{
    /// <summary>What a valid configuration leaves for a later run, which the user should know.</summary>
    public ImmutableArray<string> Notices { get; init; } = [];

    /// <summary>
    /// What a valid configuration runs on that upstream tests but does not support: said where the stack is checked
    /// (<c>infractl validate</c>, <c>pulumi up</c>), not on every plan.
    /// </summary>
    public ImmutableArray<string> Advisories { get; init; } = [];

    /// <summary>Whether the configuration has no errors.</summary>
    public bool IsValid => Errors.IsEmpty;

    /// <summary>The options, or every error at once.</summary>
    /// <exception cref="ConfigValidationException">The configuration has errors.</exception>
    public PlatformOptions ValidOptions() => IsValid ? Options : throw new ConfigValidationException(Errors);
}
