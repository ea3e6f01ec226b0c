namespace Infra.Cli;

/// <summary>A command that cannot go on because of what the user asked for: its message says what and how to fix it.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Usage, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The exit code the command ends with.</summary>
    public int ExitCode { get; } = exitCode;
}
