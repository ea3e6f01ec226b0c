namespace Infra.Model.Configuration;

/// <summary>
/// A Pulumi stack file (<c>Pulumi.&lt;stack&gt;.yaml</c>) read offline. Its <c>config:</c> map becomes a
/// <see cref="ConfigSnapshot"/>; <c>secure:</c> values are never decrypted, only noted as present.
/// </summary>
public sealed class StackConfigFile
{
    private StackConfigFile(string path, string stackName, ConfigSnapshot snapshot)
    {
        Path = path;
        StackName = stackName;
        Snapshot = snapshot;
    }

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The stack's name, from the file name (<c>Pulumi.dev.yaml</c> is stack <c>dev</c>).</summary>
    public string StackName { get; }

    /// <summary>The configuration, secrets replaced by markers.</summary>
    public ConfigSnapshot Snapshot { get; }

    /// <summary>The file name of stack <paramref name="stackName"/>.</summary>
    public static string FileName(string stackName) => $"Pulumi.{stackName}.yaml";

    /// <summary>Reads and checks the structure of a stack file, within <see cref="StackYaml"/>'s limits.</summary>
    /// <exception cref="StackFileException">The file cannot be read, is not valid YAML, or is not shaped as a stack file.</exception>
    public static StackConfigFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = StackYaml.ReadFile(path);
        var name = System.IO.Path.GetFileName(path);
        var stack = name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal)
            ? name["Pulumi.".Length..^".yaml".Length]
            : System.IO.Path.GetFileNameWithoutExtension(name);
        return Parse(name, stack, text, path);
    }

    /// <summary>Reads a stack file's text; <paramref name="fileName"/> names it in messages.</summary>
    /// <exception cref="StackFileException">The text is not valid YAML, exceeds a limit, or is not shaped as a stack file.</exception>
    public static StackConfigFile Parse(string fileName, string stackName, string text, string? path = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var content = StackYaml.Read(fileName, text);
        return new StackConfigFile(path ?? fileName, stackName, new ConfigSnapshot(fileName, content.Values, content.Problems));
    }
}
