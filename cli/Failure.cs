using Infra.Model.Configuration;

namespace Infra.Cli;

/// <summary>
/// The command boundary: every exception a command lets out becomes one error line and an exit code. What user
/// input or the file system causes is an error like validation's; anything else is a bug, said so in one line,
/// with its trace only when asked for.
/// </summary>
internal static class Failure
{
    /// <summary>Writes the error for <paramref name="exception"/> and returns the exit code.</summary>
    public static int Report(CliContext context, Exception exception, bool showTrace)
    {
        switch (exception)
        {
            case CliException cli:
                context.Error.WriteLine($"error: {cli.Message}");
                return cli.ExitCode;
            case StackFileException file:
                context.Error.WriteLine($"error: {file.Text}");
                return ExitCodes.InvalidConfig;
            case RevisionException revision:
                context.Error.WriteLine($"error: {revision.Message}");
                return revision.ExitCode;
            case UnauthorizedAccessException or IOException:
                context.Error.WriteLine($"error: {exception.Message} Check the path and its permissions, and that the disk has room.");
                return ExitCodes.Usage;
            default:
                context.Error.WriteLine(
                    $"internal error: {exception.GetType().Name}: {exception.Message} This is a bug in infractl, not in your input: "
                    + $"run the command again with --show-trace (or {InfraCtl.TraceVariable}=1) and report what it prints.");
                if (showTrace)
                {
                    context.Error.WriteLine(exception.ToString());
                }

                return ExitCodes.Internal;
        }
    }
}
