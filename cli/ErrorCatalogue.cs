using Infra.Model.Configuration;
using Spectre.Console;

namespace Infra.Cli;

/// <summary>
/// The configuration rules by code: <c>infractl explain</c> lists them and <c>infractl explain CODE</c> prints one;
/// <c>docs/errors.md</c> is their Markdown form (<see cref="ErrorCode.Markdown"/>).
/// </summary>
internal static class ErrorCatalogue
{
    /// <summary>Prints one rule, or every rule where <paramref name="code"/> is null.</summary>
    public static int Explain(CliContext context, string? code)
    {
        if (code is null)
        {
            var table = new Table().AddColumn("code").AddColumn("key").AddColumn("rule");
            foreach (var entry in ErrorCode.All)
            {
                table.AddRow(Markup.Escape(entry.Code), Markup.Escape(entry.Key), Markup.Escape(entry.Rule));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        }

        if (ErrorCode.Find(code) is not { } found)
        {
            var closest = Suggestions.Closest(code.Trim().ToUpperInvariant(), ErrorCode.All.Select(c => c.Code).ToArray());
            throw new CliException($"'{code}' is not an error code of infractl.{(closest is null ? string.Empty : $" Did you mean '{closest}'?")} Codes are {ErrorCode.Prefix} and four digits, as errors print them; 'infractl explain' lists them all.");
        }

        context.Out.WriteLine($"{found.Code}: {found.Rule}");
        context.Out.WriteLine($"key: {found.Key}");
        context.Out.WriteLine("Every error of this code names the key and its value, and gives the command that fixes it. The whole catalogue is docs/errors.md.");
        return ExitCodes.Ok;
    }
}
