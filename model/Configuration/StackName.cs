using System.Text.RegularExpressions;

namespace Infra.Model.Configuration;

/// <summary>
/// The rule for a stack's name, checked the same way wherever one is taken (<c>--stack</c>, <c>--against</c>,
/// <c>--from</c>, <c>stack new NAME</c>): Pulumi's own rule, so that a name never leaves the project folder as
/// <c>Pulumi.&lt;name&gt;.yaml</c> and every name here is one <c>pulumi stack init</c> takes.
/// </summary>
public static partial class StackName
{
    /// <summary>The longest name Pulumi takes.</summary>
    public const int MaxLength = 100;

    /// <summary>What is wrong with <paramref name="name"/> as a stack name, as the end of a sentence; null when it is fine.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "is empty: a stack name has letters, digits, '-', '_' and '.', starting with a letter or digit";
        }

        if (name.Length > MaxLength)
        {
            return $"is {name.Length} characters long, more than the {MaxLength} Pulumi allows";
        }

        return Pattern().IsMatch(name)
            ? null
            : "is not a stack name: use letters, digits, '-', '_' and '.', starting with a letter or digit (no '/', spaces or line breaks)";
    }

    /// <summary>How a name is quoted in messages: visible, with control characters escaped.</summary>
    public static string Quote(string name) => $"'{Regex.Replace(name, "\\p{C}", m => $"\\u{(int)m.Value[0]:x4}")}'";

    [GeneratedRegex("\\A[A-Za-z0-9][A-Za-z0-9_.-]*\\z")]
    private static partial Regex Pattern();
}
