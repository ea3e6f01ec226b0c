using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Tests.Upstream;

/// <summary>
/// The upstream contracts in ../shared/upstream (CRDs, Kubernetes OpenAPI, chart default values), made into
/// strict checks: an object schema with properties rejects unknown fields, as the API server's pruning would
/// silently drop them.
/// </summary>
internal static partial class UpstreamSchemas
{
    public static string Folder => FindFolder();

    /// <summary>The schema of <paramref name="version"/> of the CRD in <paramref name="file"/>.</summary>
    public static JsonSchema Crd(string file, string version) => Crd(Yaml(File.ReadAllText(Path.Combine(Folder, file)))!, version);

    /// <summary>The schema of <paramref name="version"/> of <paramref name="crd"/>, a CustomResourceDefinition.</summary>
    public static JsonSchema Crd(JsonNode crd, string version)
    {
        ArgumentNullException.ThrowIfNull(crd);
        var schema = crd["spec"]!["versions"]!.AsArray()
            .Single(v => (string)v!["name"]! == version)!["schema"]!["openAPIV3Schema"]!.DeepClone();
        // Every object has these, whether or not its CRD's schema spells them out (Istio's give only spec and status).
        var root = schema["properties"]!.AsObject();
        root.TryAdd("apiVersion", new JsonObject { ["type"] = "string" });
        root.TryAdd("kind", new JsonObject { ["type"] = "string" });
        root.TryAdd("metadata", new JsonObject { ["type"] = "object" });
        Strict(schema);
        return JsonSchema.FromText(schema.ToJsonString());
    }

    /// <summary>The schema of <paramref name="kind"/> (e.g. <c>io.k8s.api.storage.v1.StorageClass</c>) in a Kubernetes OpenAPI v3 document.</summary>
    public static JsonSchema Kubernetes(string file, string kind)
    {
        var text = File.ReadAllText(Path.Combine(Folder, file)).Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var definitions = JsonNode.Parse(text)!["components"]!["schemas"]!.DeepClone();
        Strict(definitions);
        var root = new JsonObject { ["$defs"] = definitions, ["$ref"] = $"#/$defs/{kind}" };
        return JsonSchema.FromText(root.ToJsonString());
    }

    /// <summary>Evaluates and returns every error, by instance location.</summary>
    public static string[] Errors(JsonSchema schema, JsonNode document)
    {
        var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : [.. result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    /// <summary>
    /// The paths of <paramref name="values"/> that a chart's default values do not have. A key is known where the
    /// defaults have it, or where the defaults hold an empty map there (a free-form map such as labels).
    /// </summary>
    public static string[] UnknownValues(string file, JsonObject values)
    {
        var defaults = Yaml(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        var unknown = new List<string>();
        Walk(values, defaults, string.Empty, unknown);
        return [.. unknown];
    }

    /// <summary>
    /// <paramref name="values"/> merged over the chart's defaults in <paramref name="file"/> as Helm merges them
    /// (maps merge key by key, anything else replaces), for the chart's values schema to check the whole.
    /// </summary>
    public static JsonObject OverDefaults(string file, JsonObject values)
    {
        var merged = Yaml(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();
        Merge(merged, values);
        return merged;
    }

    /// <summary>A chart's values schema (JSON Schema) in <paramref name="file"/>, as the chart ships it.</summary>
    public static JsonSchema ValuesSchema(string file) => JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder, file)));

    /// <summary>A YAML document as JSON, plain scalars typed as YAML 1.2 core types.</summary>
    public static JsonNode? Yaml(string text) => Documents(text).FirstOrDefault();

    /// <summary>Every document of a YAML stream as JSON.</summary>
    public static IEnumerable<JsonNode?> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => Node(d.RootNode));
    }

    private static void Walk(JsonObject values, JsonObject defaults, string path, List<string> unknown)
    {
        foreach (var (key, value) in values)
        {
            var here = path.Length == 0 ? key : $"{path}.{key}";
            if (!defaults.TryGetPropertyValue(key, out var known))
            {
                unknown.Add(here);
            }
            else if (value is JsonObject child && known is JsonObject knownChild && knownChild.Count > 0)
            {
                Walk(child, knownChild, here, unknown);
            }
        }
    }

    private static void Merge(JsonObject into, JsonObject values)
    {
        foreach (var (key, value) in values)
        {
            if (value is JsonObject map && into[key] is JsonObject existing)
            {
                Merge(existing, map);
            }
            else
            {
                into[key] = value?.DeepClone();
            }
        }
    }

    private static void Strict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["properties"] is JsonObject && !obj.ContainsKey("additionalProperties") && !obj.ContainsKey("x-kubernetes-preserve-unknown-fields"))
                {
                    obj["additionalProperties"] = false;
                }

                foreach (var (_, child) in obj.ToList())
                {
                    Strict(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Strict(child);
                }

                break;
        }
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Node(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Node)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private static JsonValue? Plain(string? value) => value switch
    {
        null or "" or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when IntegerPattern().IsMatch(value) => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
        _ when FloatPattern().IsMatch(value) => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^-?[0-9]+\\.[0-9]+$")]
    private static partial Regex FloatPattern();

    /// <summary>The variable that names the folder of the upstream reference files, before <c>../shared/upstream</c>.</summary>
    public const string FolderVariable = "INFRA_UPSTREAM_DIR";

    /// <summary>Whether the upstream reference files are here; where they are not, the tests that read them are skipped.</summary>
    public static bool Available => Located is not null;

    /// <summary>Why the tests that read the upstream reference files are skipped, or null where they run.</summary>
    public static string? SkipReason => Available
        ? null
        : $"the upstream reference files (CRDs, OpenAPI documents, chart values) are not here: run tests/upstream/fetch.sh to download them into {Cache()}, set {FolderVariable} to their folder, or put them in ../shared/upstream beside the repository";

    /// <summary>Where tests/upstream/fetch.sh puts the files: <c>$INFRA_UPSTREAM_CACHE</c>, else the user's cache folder.</summary>
    public static string Cache() =>
        Environment.GetEnvironmentVariable("INFRA_UPSTREAM_CACHE") is { Length: > 0 } cache ? cache
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "infractl", "upstream");

    private static string? Located { get; } = Locate();

    private static string FindFolder() => Located ?? throw new DirectoryNotFoundException(SkipReason);

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
            {
                var upstream = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "upstream"));
                return Directory.Exists(upstream) ? upstream
                    : File.Exists(Path.Combine(Cache(), "cluster-api", "cluster.x-k8s.io_clusters.yaml")) ? Cache()
                    : null;
            }
        }

        return null;
    }
}
