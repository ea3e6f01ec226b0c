using Infra.Model.Configuration;
using Infra.Model.Stacks;

namespace Infra.Model.Options;

/// <summary>
/// The rules that hold across settings, checked after binding: every technology's validator, in the technologies'
/// order, adding to one collector. A key that already failed its type or presence check is not reported twice.
/// </summary>
public static class PlatformOptionsValidator
{
    /// <summary>Checks the bound options; <paramref name="alreadyFailed"/> holds the IConfiguration paths that failed before binding.</summary>
    public static IReadOnlyList<ConfigError> Validate(PlatformOptions options, VsphereConnectionOptions connection, IReadOnlySet<string> alreadyFailed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        var errors = new ConfigErrors(alreadyFailed);
        foreach (var technology in Technologies.All)
        {
            technology.Validate(options, connection, errors);
        }

        // What reads the resolved model of every technology, once each holds on its own.
        Compatibility.Validate(options, errors);
        Capacity.Validate(options, errors);

        return errors.Errors;
    }
}
