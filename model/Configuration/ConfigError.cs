namespace Infra.Model.Configuration;

/// <summary>
/// One configuration problem: the rule it breaks, the key it is about (Pulumi's spelling, as
/// <c>pulumi config set --path</c> takes it) and a message that quotes the value, states the rule and gives the fix.
/// </summary>
/// <param name="Code">The rule's stable code.</param>
/// <param name="Key">The key, e.g. <c>mlops:gpu.hosts[0].gpus</c>; the file name for file-level errors.</param>
/// <param name="Message">The whole message, starting with the key.</param>
public sealed record ConfigError(ErrorCode Code, string Key, string Message)
{
    /// <summary>The message with its code in front, as the commands print it.</summary>
    public string Text => $"{Code.Code} {Message}";

    /// <inheritdoc />
    public override string ToString() => Text;
}
