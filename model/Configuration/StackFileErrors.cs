[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Configuration.StackFileErrors))]

namespace Infra.Model.Configuration;

/// <summary>The rules of a stack file as a file: what it is, its size, its YAML.</summary>
public static class StackFileErrors
{
    /// <summary>A dangling link.</summary>
    public static readonly ErrorCode DanglingLink = new("MLOPS0030", "Pulumi.<stack>.yaml", "A stack file that is a link points at a file that exists.");

    /// <summary>Not a regular file.</summary>
    public static readonly ErrorCode NotRegularFile = new("MLOPS0031", "Pulumi.<stack>.yaml", "A stack file is a regular file, not a folder, device or pipe.");

    /// <summary>Too large.</summary>
    public static readonly ErrorCode TooLarge = new("MLOPS0032", "Pulumi.<stack>.yaml", "A stack file holds at most 32 MB.");

    /// <summary>Unreadable.</summary>
    public static readonly ErrorCode Unreadable = new("MLOPS0033", "Pulumi.<stack>.yaml", "A stack file can be read by the user running the command.");

    /// <summary>Not UTF-8.</summary>
    public static readonly ErrorCode NotUtf8 = new("MLOPS0034", "Pulumi.<stack>.yaml", "A stack file is UTF-8 text.");

    /// <summary>Not valid YAML, or not the shape of a stack file.</summary>
    public static readonly ErrorCode Yaml = new("MLOPS0035", "Pulumi.<stack>.yaml", "A stack file is one YAML document: a map with a 'config:' map of '<namespace>:<key>' settings, each key named once, with no control characters, and within the limits of nesting (64), value length (1 MB) and alias expansion (1,000,000 values).");

    /// <summary>Structured values of the program's runtime config that are not JSON.</summary>
    public static readonly ErrorCode RuntimeJson = new("MLOPS0036", "PULUMI_CONFIG", "A structured value in the configuration Pulumi hands the program is valid JSON.");

    /// <summary>A second document.</summary>
    public static readonly ErrorCode SecondDocument = new("MLOPS0037", "Pulumi.<stack>.yaml", "A stack file is one YAML document, with no second one after '---'.");

    /// <summary>Nesting too deep.</summary>
    public static readonly ErrorCode TooDeep = new("MLOPS0038", "Pulumi.<stack>.yaml", "Maps and lists nest at most 64 levels deep.");

    /// <summary>Not a map with a config key, or a config that is not a map.</summary>
    public static readonly ErrorCode NotStackFile = new("MLOPS0039", "config", "A stack file is a YAML map whose 'config:' is a map of '<namespace>:<key>' settings.");

    /// <summary>A key with no value.</summary>
    public static readonly ErrorCode KeyWithoutValue = new("MLOPS0040", "any key", "Every key has a value.");

    /// <summary>A value too long.</summary>
    public static readonly ErrorCode ValueTooLong = new("MLOPS0041", "any value", "One value holds at most 1,000,000 characters.");

    /// <summary>A control character.</summary>
    public static readonly ErrorCode ControlCharacter = new("MLOPS0042", "any value", "Values are text: no control character other than tab and line breaks.");

    /// <summary>A recursive alias.</summary>
    public static readonly ErrorCode RecursiveAlias = new("MLOPS0043", "any value", "An alias does not refer to the node that holds it.");

    /// <summary>An undefined alias.</summary>
    public static readonly ErrorCode UndefinedAlias = new("MLOPS0044", "any value", "An alias '*name' comes after its anchor '&name'.");

    /// <summary>Aliases that expand too far.</summary>
    public static readonly ErrorCode AliasExpansion = new("MLOPS0045", "any value", "Aliases expand to at most 1,000,000 values.");

    /// <summary>A key with no name.</summary>
    public static readonly ErrorCode EmptyKey = new("MLOPS0046", "any key", "Every key has a name.");

    /// <summary>A key twice in a map, or twice in differing case.</summary>
    public static readonly ErrorCode DuplicateKey = new("MLOPS0047", "any key", "A map names each key once, and not twice in differing letter case.");

    /// <summary>'Secure:' in another case.</summary>
    public static readonly ErrorCode SecureCase = new("MLOPS0048", "any secret", "An encrypted value is under 'secure:', in lower case.");

    /// <summary>A config key with no namespace.</summary>
    public static readonly ErrorCode NoNamespace = new("MLOPS0049", "any top-level key", "A config key is '<namespace>:<key>'.");

    /// <summary>A nested key holding ':'.</summary>
    public static readonly ErrorCode ColonInKey = new("MLOPS0050", "any nested key", "A nested key holds no ':', which config paths use to separate keys.");

    /// <summary>A key with surrounding space.</summary>
    public static readonly ErrorCode SpaceInKey = new("MLOPS0051", "any key", "A key neither starts nor ends with white space.");

    /// <summary>A map, list or alias as a key.</summary>
    public static readonly ErrorCode ComplexKey = new("MLOPS0052", "any key", "A key is a plain name, not a map, a list or an alias.");
}
