using System.Runtime.CompilerServices;

namespace Infra.Model.Options;

/// <summary>
/// Reads a required setting where a spec is built. Options say what a stack file holds, so a required setting may
/// be missing from them (validation reports it); specs are built only from options that passed validation, where
/// every required setting is set, and hold it as a value that cannot be missing.
/// </summary>
public static class Validated
{
    /// <summary>The required setting's value; throws where options that did not pass validation reach a spec.</summary>
    public static T Required<T>(T? value, [CallerArgumentExpression(nameof(value))] string? setting = null)
        where T : class =>
        value ?? throw new InvalidOperationException($"{setting} is not set: specs are built only from options that passed validation, which requires it.");
}
