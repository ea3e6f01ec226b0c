namespace Infra.Model.Configuration;

/// <summary>A stack file that cannot be read as a Pulumi stack file: its message names the file, line and column.</summary>
public sealed class StackFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StackFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StackFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StackFileException()
    {
    }
}
