namespace Infra.Cli;

/// <summary>A revision that cannot give a plan: unknown to git, without infractl, or with invalid configuration.</summary>
internal sealed class RevisionException(string message, int exitCode) : Exception(message)
{
    /// <summary>The exit code to end with.</summary>
    public int ExitCode { get; } = exitCode;
}
