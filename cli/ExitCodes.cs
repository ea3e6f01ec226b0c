namespace Infra.Cli;

/// <summary>infractl's exit codes, as <c>--help</c> documents them.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>A usage error: an unknown command or option, a bad option value, no project or stack file where pointed.</summary>
    public const int Usage = 1;

    /// <summary>The stack's configuration is invalid: every error is printed.</summary>
    public const int InvalidConfig = 2;

    /// <summary>With <c>diff --exit-code</c>: the plans differ.</summary>
    public const int Changes = 3;

    /// <summary>With <c>diff --exit-code</c>: the plans differ, and a change deletes or replaces a resource holding data.</summary>
    public const int DataLoss = 5;

    /// <summary>A bug in infractl (never the input's fault): one line says so; <c>--show-trace</c> prints the trace.</summary>
    public const int Internal = 4;

    /// <summary>Interrupted (Ctrl+C or SIGTERM) and cleaned up, as shells count a SIGINT: 128 + 2.</summary>
    public const int Interrupted = 130;
}
