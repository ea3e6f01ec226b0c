using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Infra.Model.Configuration;

/// <summary>
/// A stable identity of one configuration rule, <c>MLOPS</c> and four digits, that an error carries so that a
/// reader, a script or a search finds the rule whatever the message's wording. A code is never reused for another
/// rule; <c>docs/errors.md</c> lists them all, and <c>infractl explain CODE</c> prints one.
/// </summary>
/// <param name="Code">The code, such as <c>MLOPS0301</c>.</param>
/// <param name="Key">The key or key pattern the rule is about, as Pulumi spells it (<c>mlops:gpu.hosts[].gpus</c>).</param>
/// <param name="Rule">The rule, in one sentence.</param>
public sealed record ErrorCode(string Code, string Key, string Rule)
{
    /// <summary>The prefix of every code.</summary>
    public const string Prefix = "MLOPS";

    /// <summary>Every code the model declares (a static <see cref="ErrorCode"/> field of an error catalogue), ordered by code.</summary>
    public static ImmutableArray<ErrorCode> All { get; } = [.. typeof(ErrorCode).Assembly.GetCustomAttributes<ErrorCatalogueAttribute>()
        .SelectMany(a => a.Type.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.FieldType == typeof(ErrorCode))
        .Select(f => (ErrorCode)f.GetValue(null)!)
        .OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>The code named <paramref name="code"/> (any letter case), or null.</summary>
    public static ErrorCode? Find(string code) => All.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The catalogue as Markdown, as <c>docs/errors.md</c> holds it.</summary>
    public static string Markdown()
    {
        var text = new System.Text.StringBuilder()
            .Append("# Configuration errors\n\n")
            .Append("Every error `infractl validate` and `pulumi up` report starts with a stable code. A code always means the same rule,\n")
            .Append("and a retired rule's code is not reused. `infractl explain CODE` prints one entry. This file is generated from the\n")
            .Append("model's error catalogues (`model/*/*Errors.cs`): `tests/update-golden.sh` rewrites it, and a test holds it equal.\n\n")
            .Append("| code | key | rule |\n")
            .Append("| --- | --- | --- |\n");
        foreach (var entry in All)
        {
            text.Append($"| {entry.Code} | `{entry.Key.Replace("|", "\\|", StringComparison.Ordinal)}` | {entry.Rule.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Code;
}

/// <summary>Declares, from its own file, a static class whose public static <see cref="ErrorCode"/> fields are a technology's rules.</summary>
/// <param name="type">The catalogue.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ErrorCatalogueAttribute([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type type) : Attribute
{
    /// <summary>The catalogue's type.</summary>
    [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)]
    public Type Type { get; } = type;
}
