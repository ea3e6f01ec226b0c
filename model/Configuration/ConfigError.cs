namespace Infra.Model.Configuration;

/// <summary>
/// One configuration problem: the key it is about (Pulumi's spelling, as <c>pulumi config set --path</c>
/// takes it) and a message that quotes the value, states the rule and gives the fix.
/// </summary>
/// <param name="Key">The key, e.g. <c>mlops:gpu.hosts[0].gpus</c>; the file name for file-level errors.</param>
/// <param name="Message">The whole message, starting with the key.</param>
public sealed record ConfigError(string Key, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
