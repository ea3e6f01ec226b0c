using Spectre.Console;

namespace Infra.Cli;

/// <summary>Where a command runs and writes: the working directory, standard output and error (plain text, whole lines) and a console for tables and trees.</summary>
internal sealed record CliContext(string WorkingDirectory, TextWriter Out, TextWriter Error)
{
    /// <summary>A console on standard output for tables and trees; plain text when output is not a terminal.</summary>
    public IAnsiConsole Console { get; } = CreateConsole(Out);

    private static IAnsiConsole CreateConsole(TextWriter writer)
    {
        var terminal = ReferenceEquals(writer, System.Console.Out) || ReferenceEquals(writer, System.Console.Error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns is >= 40 and <= 1000)
        {
            console.Profile.Width = columns; // as the shell says its width
        }
        else if (!terminal || System.Console.IsOutputRedirected)
        {
            // Logs and files keep whole lines; a terminal wraps to its own width.
            console.Profile.Width = 200;
        }

        return console;
    }
}
