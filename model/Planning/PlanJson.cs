using System.Text;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Model.Planning;

/// <summary>
/// Writes a plan as JSON for CI (schema version 1, documented in docs/plan-json.md). Keys and nodes are in a
/// fixed order, so the same plan always gives the same bytes.
/// </summary>
public static class PlanJson
{
    /// <summary>The version of the JSON shape; raised on any incompatible change.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The plan as indented JSON text, ending with a newline.</summary>
    public static string Write(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            Write(plan, writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads a plan written by <see cref="Write(Plan)"/> (schema version 1), for comparing plans made by other revisions.</summary>
    /// <exception cref="FormatException">The text is not a version 1 plan.</exception>
    public static Plan Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The plan is not JSON: {ex.Message}", ex);
        }

        if (root?["schemaVersion"]?.GetValue<int>() != SchemaVersion)
        {
            throw new FormatException($"The plan is not a schema version {SchemaVersion} plan.");
        }

        var nodes = root["nodes"]!.AsArray().Select(n => new PlanNode
        {
            Kind = (string)n!["kind"]! switch
            {
                "component" => PlanNodeKind.Component,
                "resource" => PlanNodeKind.Resource,
                "read" => PlanNodeKind.Read,
                _ => PlanNodeKind.DataSource,
            },
            Type = (string)n["type"]!,
            Name = (string)n["name"]!,
            Parent = (string?)n["parent"],
            Provider = (string?)n["provider"],
            Protect = (bool)n["protect"]!,
            Inputs = n["inputs"]!.AsObject().ToImmutableSortedDictionary(i => i.Key, i => ReadValue(i.Value), StringComparer.Ordinal),
        }).ToList();

        // dependsOn in the JSON holds every dependency; keep only those the inputs and provider do not imply.
        var written = root["nodes"]!.AsArray().ToDictionary(n => (string)n!["id"]!, n => n!["dependsOn"]!.AsArray().Select(d => (string)d!).ToArray(), StringComparer.Ordinal);
        nodes = [.. nodes.Select(n => n with { DependsOn = [.. written[n.Id].Except(n.Dependencies(), StringComparer.Ordinal)] })];
        var capacity = root["gpuCapacity"]?.AsArray().Select(r => new Gpu.GpuCapacityRow(
            (string)r!["host"]!, (int)r["gpus"]!, (string)r["sharing"]!, (int)r["slots"]!, (int)r["used"]!)).ToImmutableArray() ?? [];
        return new Plan((string)root["stack"]!, nodes, capacity);
    }

    private static PlanValue ReadValue(JsonNode? node) => node switch
    {
        JsonObject obj when obj.ContainsKey("$output") => PlanValue.Output((string)obj["$output"]!, (string)obj["property"]!),
        JsonObject obj when obj.ContainsKey("$secret") => PlanValue.Secret((string)obj["$secret"]!),
        JsonObject obj => PlanValue.Map(obj.Select(p => KeyValuePair.Create(p.Key, ReadValue(p.Value)))),
        JsonArray array => PlanValue.List(array.Select(ReadValue)),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => PlanValue.Of(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => PlanValue.Of(value.GetValue<bool>()),
        JsonValue value => PlanValue.Of(value.GetValue<long>()),
        _ => throw new FormatException("A plan input is null."),
    };

    private static void Write(Plan plan, Utf8JsonWriter writer)
    {
        var summary = PlanSummary.Of(plan);
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", SchemaVersion);
        writer.WriteString("stack", plan.Stack);
        writer.WriteStartObject("summary");
        writer.WriteNumber("components", summary.Components);
        writer.WriteNumber("resources", summary.Resources);
        writer.WriteNumber("dataSources", summary.DataSources);
        writer.WriteNumber("reads", summary.Reads);
        writer.WriteNumber("waves", summary.Waves);
        writer.WriteStartObject("byType");
        foreach (var (type, count) in summary.ByType)
        {
            writer.WriteNumber(type, count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("nodes");
        foreach (var node in plan.Nodes)
        {
            writer.WriteStartObject();
            writer.WriteString("id", node.Id);
            writer.WriteString("kind", node.Kind switch
            {
                PlanNodeKind.Component => "component",
                PlanNodeKind.Resource => "resource",
                PlanNodeKind.Read => "read",
                _ => "dataSource",
            });
            writer.WriteString("type", node.Type);
            writer.WriteString("name", node.Name);
            WriteNullable(writer, "parent", node.Parent);
            WriteNullable(writer, "provider", node.Provider);
            if (plan.Waves.TryGetValue(node.Id, out var wave))
            {
                writer.WriteNumber("wave", wave);
            }
            else
            {
                writer.WriteNull("wave");
            }

            writer.WriteBoolean("protect", node.Protect);
            writer.WriteStartArray("dependsOn");
            foreach (var dependency in node.Dependencies().Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(dependency);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("inputs");
            WriteValue(writer, PlanValue.Map(node.Inputs));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("gpuCapacity");
        foreach (var row in plan.GpuCapacity)
        {
            writer.WriteStartObject();
            writer.WriteString("host", row.Host);
            writer.WriteNumber("gpus", row.Gpus);
            writer.WriteString("sharing", row.Sharing);
            writer.WriteNumber("slots", row.Slots);
            writer.WriteNumber("used", row.Used);
            writer.WriteNumber("free", row.Free);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    internal static void WriteValue(Utf8JsonWriter writer, PlanValue value)
    {
        switch (value)
        {
            case PlanValue.Literal { Value: string s }:
                writer.WriteStringValue(s);
                break;
            case PlanValue.Literal { Value: bool b }:
                writer.WriteBooleanValue(b);
                break;
            case PlanValue.Literal { Value: long l }:
                writer.WriteNumberValue(l);
                break;
            case PlanValue.Literal literal:
                writer.WriteStringValue(literal.ToString());
                break;
            case PlanValue.ListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case PlanValue.MapValue map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case PlanValue.OutputRef output:
                writer.WriteStartObject();
                writer.WriteString("$output", output.NodeId);
                writer.WriteString("property", output.Property);
                writer.WriteEndObject();
                break;
            case PlanValue.SecretValue secret:
                writer.WriteStartObject();
                writer.WriteString("$secret", secret.Source);
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Unknown plan value {value.GetType().Name}.");
        }
    }
}
