using System.Collections.Immutable;

namespace Infra.Model.Configuration;

/// <summary>Thrown where a caller asks for valid options and the configuration has errors; carries all of them.</summary>
public sealed class ConfigValidationException : Exception
{
    /// <summary>Creates the exception from every error found.</summary>
    public ConfigValidationException(IEnumerable<ConfigError> errors)
        : this(errors.ToImmutableArray())
    {
    }

    private ConfigValidationException(ImmutableArray<ConfigError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error, in the order validation found them.</summary>
    public ImmutableArray<ConfigError> Errors { get; }

    private static string Describe(ImmutableArray<ConfigError> errors) =>
        $"The stack configuration has {errors.Length} error{(errors.Length == 1 ? string.Empty : "s")}:"
        + string.Concat(errors.Select(e => $"{Environment.NewLine}  - {e.Message}"));
}
