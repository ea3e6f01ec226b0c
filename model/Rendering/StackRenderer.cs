using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Model.Planning;

namespace Infra.Model.Rendering;

/// <summary>
/// What a plan deploys, as reviewable files, from the plan alone: every Helm release, Kubernetes object,
/// kustomization and manifest bundle the plan holds gives its file, and nothing else does. The layout:
/// <list type="bullet">
/// <item><c>helm/&lt;release&gt;.values.yaml</c>: each Helm release's values, under a comment naming its chart,
/// version, repository, namespace and timeout (<c>{}</c> where it sets none).</item>
/// <item><c>&lt;component&gt;/&lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml</c>: each Kubernetes object as the
/// registrar sends it (apiVersion, kind, metadata, then its other inputs), in the folder of the component it belongs
/// to (its name in the plan, as <c>infractl plan --component</c> takes it); cluster-scoped objects under
/// <c>&lt;component&gt;/cluster/</c>.</item>
/// <item><c>&lt;component&gt;/units/&lt;name&gt;.yaml</c>: each kustomization and manifest bundle, as its plan entry
/// (what it applies, what it waits for, the transforms its objects go through), and <c>&lt;component&gt;/units.txt</c>
/// listing them in the order the plan applies them.</item>
/// <item><c>handoffs/&lt;path&gt;</c>: each file the plan hands to someone else (<see cref="Plan.Handoffs"/>).</item>
/// </list>
/// Providers, generated passwords, components, vSphere resources, look-ups and reads give no file: they are in the
/// plan's JSON. A secret is written as the text plan shows it, naming its source (<c>[secret ...]</c>), never a value;
/// another node's output as <c>&lt;node.output&gt;</c>. Paths are relative, their parts cleaned of anything but
/// letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, and never <c>.</c> or <c>..</c>.
/// </summary>
public static class StackRenderer
{
    /// <summary>The folder of the Helm releases' values.</summary>
    public const string HelmFolder = "helm";

    /// <summary>The folder of the hand-offs.</summary>
    public const string HandoffsFolder = "handoffs";

    /// <summary>The folder, below a component's, of its cluster-scoped objects.</summary>
    public const string ClusterScoped = "cluster";

    /// <summary>The folder, below a component's, of its kustomizations and manifest bundles.</summary>
    public const string UnitsFolder = "units";

    // Longer parts are cut and given a hash of the whole, to stay within file systems' 255 bytes a name.
    private const int MaxPart = 200;

    /// <summary>The files of <paramref name="plan"/>, ordered by path.</summary>
    /// <exception cref="InvalidOperationException">Two nodes give one path: a defect in the model.</exception>
    public static ImmutableArray<RenderedFile> Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var files = new Dictionary<string, (string Content, string Source)>(StringComparer.Ordinal);
        void Add(string path, string content, string source)
        {
            if (!files.TryAdd(path, (content, source)))
            {
                throw new InvalidOperationException($"The render of stack '{plan.Stack}' gives '{path}' for both {files[path].Source} and {source}: a defect in the model.");
            }
        }

        var units = new List<(string Folder, PlanNode Node)>();
        foreach (var node in plan.Nodes)
        {
            switch (ShapeOf(node))
            {
                case Shape.HelmRelease:
                    Add($"{HelmFolder}/{Part(Literal(node.Inputs, "name") ?? node.Name)}.values.yaml", HelmValues(plan, node), node.Id);
                    break;
                case Shape.Object:
                    Add(ObjectPath(plan, node), Manifest(plan, node), node.Id);
                    break;
                case Shape.Unit:
                    var folder = ComponentFolder(plan, node);
                    units.Add((folder, node));
                    Add($"{folder}/{UnitsFolder}/{Part(node.Name)}.yaml", Unit(plan, node), node.Id);
                    break;
            }
        }

        foreach (var group in units.GroupBy(u => u.Folder, StringComparer.Ordinal))
        {
            Add($"{group.Key}/{UnitsFolder}.txt", UnitOrder(plan, group.Key, [.. group.Select(u => u.Node)]), $"the units of {group.Key}");
        }

        foreach (var handoff in plan.Handoffs)
        {
            Add($"{HandoffsFolder}/{string.Join('/', handoff.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Part))}", handoff.Content, $"the hand-off {handoff.Path}");
        }

        return [.. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new RenderedFile(f.Key, f.Value.Content))];
    }

    private enum Shape
    {
        None,
        HelmRelease,
        Object,
        Unit,
    }

    // What a node gives: resources of the Kubernetes provider only; a read exists already, a component only groups.
    private static Shape ShapeOf(PlanNode node)
    {
        if (node.Kind != PlanNodeKind.Resource || !node.Type.StartsWith("kubernetes:", StringComparison.Ordinal))
        {
            return Shape.None;
        }

        return Group(node.Type) switch
        {
            "helm.sh" => Shape.HelmRelease,
            "kustomize" or "yaml" => Shape.Unit,
            _ => Shape.Object,
        };
    }

    // kubernetes:<group>/<version>:<Kind>, the core group spelt 'core/v1' or 'v1'.
    private static string Group(string type)
    {
        var module = type.Split(':')[1];
        return module.Contains('/', StringComparison.Ordinal) ? module[..module.IndexOf('/', StringComparison.Ordinal)] : "core";
    }

    private static string ApiVersion(PlanNode node)
    {
        if (Literal(node.Inputs, "apiVersion") is { } given)
        {
            return given;
        }

        var module = node.Type.Split(':')[1];
        return module.StartsWith("core/", StringComparison.Ordinal) ? module["core/".Length..] : module;
    }

    private static string KindOf(PlanNode node) => Literal(node.Inputs, "kind") ?? node.Type[(node.Type.LastIndexOf(':') + 1)..];

    private static string ObjectPath(Plan plan, PlanNode node)
    {
        var metadata = node.Inputs.GetValueOrDefault("metadata") as PlanValue.MapValue;
        var ns = metadata is null ? null : Literal(metadata.Entries, "namespace");
        var name = (metadata is null ? null : Literal(metadata.Entries, "name")) ?? node.Name;
        return $"{ComponentFolder(plan, node)}/{(ns is null ? ClusterScoped : Part(ns))}/{Part($"{KindOf(node).ToLowerInvariant()}-{name}")}.yaml";
    }

    // The component a node belongs to: its nearest ancestor that is one.
    private static string ComponentFolder(Plan plan, PlanNode node)
    {
        for (var parent = node.Parent; parent is not null; parent = plan[parent].Parent)
        {
            if (plan[parent].Kind == PlanNodeKind.Component)
            {
                return Part(plan[parent].Name);
            }
        }

        return "stack";
    }

    private static string Manifest(Plan plan, PlanNode node)
    {
        var manifest = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["apiVersion"] = ApiVersion(node),
            ["kind"] = KindOf(node),
        };
        if (node.Inputs.TryGetValue("metadata", out var metadata))
        {
            manifest["metadata"] = Plain(metadata);
        }

        foreach (var (key, value) in node.Inputs.Where(i => i.Key is not ("apiVersion" or "kind" or "metadata")))
        {
            manifest[key] = Plain(value);
        }

        return Header(plan, node) + YamlText.ForReading(manifest);
    }

    private static string HelmValues(Plan plan, PlanNode node)
    {
        string? Input(string key) => node.Inputs.TryGetValue(key, out var value) ? value.ToString() : null;
        var repository = node.Inputs.GetValueOrDefault("repositoryOpts") is PlanValue.MapValue options && options.Entries.TryGetValue("repo", out var repo) ? repo.ToString() : null;
        var chart = new StringBuilder("# Chart");
        chart.Append(CultureInfo.InvariantCulture, $" {Input("chart") ?? "(none)"}");
        chart.Append(Input("version") is { } version ? $" {version}" : string.Empty);
        chart.Append(repository is null ? string.Empty : $" from {repository}");
        chart.Append(CultureInfo.InvariantCulture, $", as release {Input("name") ?? node.Name}");
        chart.Append(Input("namespace") is { } ns ? $" in namespace {ns}" : string.Empty);
        chart.Append(Input("timeout") is { } timeout ? $", timeout {timeout}s" : string.Empty);
        chart.Append(".\n");

        // Whatever else the node sets, so that nothing it carries is left out.
        var known = new HashSet<string>(["name", "chart", "version", "namespace", "timeout", "values"], StringComparer.Ordinal);
        foreach (var (key, value) in node.Inputs.Where(i => !known.Contains(i.Key) && !(i.Key == "repositoryOpts" && i.Value is PlanValue.MapValue { Entries.Count: 1 } && repository is not null)))
        {
            chart.Append(CultureInfo.InvariantCulture, $"# {key}: {value}\n");
        }

        var values = node.Inputs.TryGetValue("values", out var given) ? Plain(given) : null;
        return Header(plan, node) + chart + YamlText.ForReading(values ?? new Dictionary<string, object?>());
    }

    // A kustomization or manifest bundle: its plan entry, the inputs as the manifests show values, empty fields left out.
    private static string Unit(Plan plan, PlanNode node)
    {
        var entry = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in PlanJson.Node(plan, node))
        {
            if (key == "inputs")
            {
                entry[key] = Plain(PlanValue.Map(node.Inputs));
            }
            else if (value is not null && value is not JsonArray { Count: 0 })
            {
                entry[key] = JsonPlain.Value(value);
            }
        }

        var transforms = node.Transforms.IsEmpty ? string.Empty : ", each through the transforms below";
        return $"# {node.Id}, as the plan holds it: the provider expands it into objects known only at deploy time{transforms}.\n"
            + YamlText.ForReading(entry);
    }

    // The units in the order the plan applies them (by wave), each with its source and the units it waits for.
    private static string UnitOrder(Plan plan, string folder, IReadOnlyList<PlanNode> nodes)
    {
        var ids = nodes.ToDictionary(n => n.Id, n => n.Name, StringComparer.Ordinal);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# The kustomizations and manifest bundles of {folder}, in the order the plan applies them: name, source, and the units each waits for.\n");
        foreach (var node in nodes)
        {
            var source = node.Inputs.GetValueOrDefault("directory") ?? node.Inputs.GetValueOrDefault("file") ?? PlanValue.Map(node.Inputs);
            var after = plan.DependenciesOf(node.Id).Where(ids.ContainsKey).Select(d => ids[d]).ToList();
            text.Append(CultureInfo.InvariantCulture, $"{node.Name} {source}{(after.Count == 0 ? string.Empty : " after " + string.Join(',', after))}\n");
        }

        return text.ToString();
    }

    // The node a file comes from, and the options the plan holds for it beyond its inputs.
    private static string Header(Plan plan, PlanNode node)
    {
        var provider = node.Provider is { } id ? $", provider {id}" : string.Empty;
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"# {node.Id}: wave {plan.Waves.GetValueOrDefault(node.Id)}{provider}.\n");
        if (node.Protect)
        {
            text.Append("# protect: true\n");
        }

        if (node.Timeouts is { } timeouts)
        {
            text.Append(CultureInfo.InvariantCulture, $"# timeouts: {timeouts}\n");
        }

        if (!node.IgnoreChanges.IsEmpty)
        {
            text.Append(CultureInfo.InvariantCulture, $"# ignoreChanges: {string.Join(", ", node.IgnoreChanges)}\n");
        }

        foreach (var transform in node.Transforms)
        {
            text.Append(CultureInfo.InvariantCulture, $"# transform: {transform}\n");
        }

        return text.ToString();
    }

    // A plan value as YAML takes it: literals, lists and maps as themselves; an output, a secret or text holding one
    // as the text plan shows it, which names the source and never holds a secret's value.
    private static object? Plain(PlanValue value) => value switch
    {
        PlanValue.Literal literal => literal.Value,
        PlanValue.ListValue list => list.Items.Select(Plain).ToList(),
        PlanValue.MapValue map => map.Entries.ToDictionary(e => e.Key, e => Plain(e.Value), StringComparer.Ordinal),
        _ => value.ToString(),
    };

    private static string? Literal(ImmutableSortedDictionary<string, PlanValue> entries, string key) =>
        entries.TryGetValue(key, out var value) && value is PlanValue.Literal { Value: string text } ? text : null;

    // One part of a path: letters, digits, '-', '_' and '.' only, starting with neither '.' nor '-' (never hidden, '.' or
    // '..', nor read as an option); a long one cut, with a hash of the whole.
    private static string Part(string name)
    {
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]).TrimStart('.', '-');
        if (clean.Length == 0)
        {
            clean = "_";
        }

        return clean.Length <= MaxPart
            ? clean
            : $"{clean[..(MaxPart - 17)]}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16]}";
    }
}
