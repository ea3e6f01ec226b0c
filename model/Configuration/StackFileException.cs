namespace Infra.Model.Configuration;

/// <summary>A stack file that cannot be read as a Pulumi stack file: its message names the file, line and column.</summary>
public sealed class StackFileException : Exception
{
    /// <summary>Creates the exception for the broken rule <paramref name="code"/>.</summary>
    public StackFileException(ErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
    }

    /// <summary>Creates the exception.</summary>
    public StackFileException(string message)
        : this(StackFileErrors.Yaml, message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StackFileException(string message, Exception innerException)
        : this(StackFileErrors.Yaml, message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StackFileException()
        : this(StackFileErrors.Yaml, "The stack file cannot be read.")
    {
    }

    /// <summary>The rule the file breaks.</summary>
    public ErrorCode Code { get; }

    /// <summary>The message with its code in front, as the commands print it.</summary>
    public string Text => $"{Code.Code} {Message}";
}
