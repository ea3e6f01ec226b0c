using System.Text;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Model.Planning;

/// <summary>
/// Writes a plan as JSON for CI (schema version 2, documented in docs/plan-json.md). Keys and nodes are in a
/// fixed order, so the same plan always gives the same bytes.
/// </summary>
public static class PlanJson
{
    /// <summary>The version of the JSON shape; raised on any incompatible change.</summary>
    public const int SchemaVersion = 2;

    /// <summary>The plan as indented JSON text, ending with a newline.</summary>
    public static string Write(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        Write(plan, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Writes the plan as UTF-8 JSON to <paramref name="output"/> as it goes, ending with a newline: a plan of
    /// thousands of teams is never held as one string.
    /// </summary>
    public static void Write(Plan plan, Stream output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            Write(plan, writer);
        }

        output.WriteByte((byte)'\n');
        output.Flush();
    }

    /// <summary>
    /// Reads a plan written by <see cref="Write(Plan)"/>, for comparing plans made by other revisions: schema version 2,
    /// or version 1, whose secrets named their source in one string (read here into the closest source of version 2).
    /// </summary>
    /// <exception cref="FormatException">The text is not a version 1 or 2 plan.</exception>
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

        var version = root?["schemaVersion"]?.GetValue<int>();
        if (version is not (1 or SchemaVersion))
        {
            throw new FormatException($"The plan is not a schema version 1 or {SchemaVersion} plan.");
        }

        var nodes = root!["nodes"]!.AsArray().Select(n => new PlanNode
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
            Timeouts = n["timeouts"] is JsonObject timeouts
                ? new PlanTimeouts(Duration(timeouts["create"]), Duration(timeouts["update"]), Duration(timeouts["delete"]))
                : null,
            IgnoreChanges = [.. n["ignoreChanges"]?.AsArray().Select(i => (string)i!) ?? []],
            Transforms = [.. n["transforms"]?.AsArray().Select(t => ReadTransform(t!.AsObject())) ?? []],
            Checks = [.. n["checks"]?.AsArray().Select(c => ReadCheck(c!.AsObject())) ?? []],
        }).ToList();

        // dependsOn in the JSON holds every dependency; keep only those the inputs and provider do not imply.
        var written = root["nodes"]!.AsArray().ToDictionary(n => (string)n!["id"]!, n => n!["dependsOn"]!.AsArray().Select(d => (string)d!).ToArray(), StringComparer.Ordinal);
        nodes = [.. nodes.Select(n => n with { DependsOn = [.. written[n.Id].Except(n.Dependencies(), StringComparer.Ordinal)] })];
        var capacity = root["gpuCapacity"]?.AsArray().Select(r => new Gpu.GpuCapacityRow(
            (string)r!["host"]!, (int)r["gpus"]!, (string)r["sharing"]!, (int)r["slots"]!, (int)r["used"]!,
            (int?)r["reserved"] ?? 0, string.Join(", ", r["reservedFor"]?.AsArray().Select(s => (string)s!) ?? []))).ToImmutableArray() ?? [];
        var outputs = root["outputs"]?.AsObject().ToImmutableSortedDictionary(o => o.Key, o => ReadValue(o.Value), StringComparer.Ordinal);
        var handoffs = root["handoffs"]?.AsArray().Select(h => new PlanHandoff((string)h!["path"]!, (string)h["purpose"]!, (string)h["content"]!));
        return new Plan((string)root["stack"]!, nodes, capacity, outputs, handoffs);
    }

    private static TimeSpan? Duration(JsonNode? node) => node is null ? null : TimeSpan.FromSeconds((long)node);

    // A property holding an array of strings.
    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static PlanTransform ReadTransform(JsonObject transform) => (string)transform["rule"]! switch
    {
        "workloadTimeouts" => new PlanTransform.WorkloadTimeouts(TimeSpan.FromSeconds((long)transform["timeoutSeconds"]!)),
        "mirrorImages" => new PlanTransform.MirrorImages((string)transform["registry"]!),
        "mirrorNamedImages" => new PlanTransform.MirrorNamedImages((string)transform["registry"]!, [.. transform["images"]!.AsArray().Select(i => (string)i!)]),
        "replicas" => new PlanTransform.Replicas(
            (int)transform["count"]!,
            [.. transform["deployments"]!.AsArray().Select(d => (string)d!)],
            [.. transform["autoscalers"]!.AsArray().Select(a => (string)a!)]),
        "configMapData" => new PlanTransform.ConfigMapData(
            (string)transform["namespace"]!,
            (string)transform["name"]!,
            transform["data"]!.AsObject().ToImmutableSortedDictionary(e => e.Key, e => (string)e.Value!, StringComparer.Ordinal)),
        var rule => throw new FormatException($"Unknown transform '{rule}'."),
    };

    private static PlanCheck ReadCheck(JsonObject check) => (string)check["rule"]! switch
    {
        "templateFitsVm" => new PlanCheck.TemplateFitsVm((string)check["template"]!, (string)check["vm"]!, (string)check["firmware"]!, (int)check["diskGb"]!),
        "profileOffered" => new PlanCheck.ProfileOffered((string)check["profile"]!,
            [.. check["hosts"]!.AsArray().Select(h => ((string)h!["host"]!, (string)h["lookup"]!))]),
        "tenancyMatches" => new PlanCheck.TenancyMatches((string)check["reference"]!, (string)check["platformStack"]!,
            check["expected"]!.AsObject().ToImmutableSortedDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal)),
        var rule => throw new FormatException($"Unknown check '{rule}'."),
    };

    private static PlanValue ReadSecret(JsonObject secret) => (string)secret["$secret"]! switch
    {
        "generated" => PlanValue.Generated((string)secret["node"]!),
        "config" => PlanValue.Config(new Configuration.SecretSetting((string)secret["key"]!, (string?)secret["path"] ?? string.Empty)),
        "stackOutput" => PlanValue.StackOutput((string)secret["node"]!, (string)secret["output"]!),
        "secretData" => PlanValue.SecretData((string)secret["node"]!, (string)secret["key"]!),
        var legacy => LegacySecret(legacy),
    };

    // Version 1 named a secret's source in one string: a generated password's node id, a config key, 'stack#output',
    // 'namespace/secret', each optionally followed by ' in <place>'. Read into the closest version 2 source.
    private static PlanValue LegacySecret(string source)
    {
        var inner = source.Split(" in ", 2)[0];
        PlanValue value = inner switch
        {
            _ when inner.StartsWith("random:", StringComparison.Ordinal) => PlanValue.Generated(inner),
            _ when inner.Contains('#', StringComparison.Ordinal) => PlanValue.StackOutput(
                PlanNode.IdOf(Stacks.PlatformPlanner.StackReferenceType, inner[..inner.IndexOf('#', StringComparison.Ordinal)]), inner[(inner.IndexOf('#', StringComparison.Ordinal) + 1)..]),
            _ when inner.Contains('/', StringComparison.Ordinal) => PlanValue.SecretData(
                PlanNode.IdOf(Kubernetes.KubernetesTokens.Secret, inner[(inner.IndexOf('/', StringComparison.Ordinal) + 1)..]), Tanzu.TanzuPlanner.KubeconfigKey),
            _ => PlanValue.Config(Configuration.SecretSetting.Parse(inner)),
        };
        return inner.Length == source.Length ? value : new PlanValue.Concat([value]);
    }

    private static PlanValue ReadValue(JsonNode? node) => node switch
    {
        JsonObject obj when obj.ContainsKey("$output") => PlanValue.Output((string)obj["$output"]!, (string)obj["property"]!),
        JsonObject obj when obj.ContainsKey("$secret") => ReadSecret(obj),
        JsonObject obj when obj.ContainsKey("$concat") => new PlanValue.Concat([.. obj["$concat"]!.AsArray().Select(ReadValue)]),
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
            if (writer.BytesPending > 64 * 1024)
            {
                writer.Flush(); // into the stream as it goes, not all at the end
            }

            WriteNode(writer, plan, node);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("outputs");
        WriteValue(writer, PlanValue.Map(plan.Outputs));
        writer.WriteStartArray("gpuCapacity");
        foreach (var row in plan.GpuCapacity)
        {
            writer.WriteStartObject();
            writer.WriteString("host", row.Host);
            writer.WriteNumber("gpus", row.Gpus);
            writer.WriteString("sharing", row.Sharing);
            writer.WriteNumber("slots", row.Slots);
            writer.WriteNumber("used", row.Used);
            writer.WriteNumber("reserved", row.Reserved);
            Strings(writer, "reservedFor", row.ReservedFor.Split(", ", StringSplitOptions.RemoveEmptyEntries));
            writer.WriteNumber("free", row.Free);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("handoffs");
        foreach (var handoff in plan.Handoffs)
        {
            writer.WriteStartObject();
            writer.WriteString("path", handoff.Path);
            writer.WriteString("purpose", handoff.Purpose);
            writer.WriteString("content", handoff.Content);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The entry of <paramref name="node"/> in the plan's JSON, as <see cref="Write(Plan)"/> writes it.</summary>
    internal static JsonObject Node(Plan plan, PlanNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteNode(writer, plan, node);
        }

        return JsonNode.Parse(stream.ToArray())!.AsObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, Plan plan, PlanNode node)
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
        Strings(writer, "dependsOn", plan.DependenciesOf(node.Id));
        writer.WritePropertyName("inputs");
        WriteValue(writer, PlanValue.Map(node.Inputs));
        WriteOptions(writer, node);
        writer.WriteEndObject();
    }

    private static void WriteOptions(Utf8JsonWriter writer, PlanNode node)
    {
        if (node.Timeouts is { } timeouts)
        {
            writer.WriteStartObject("timeouts");
            foreach (var (name, value) in new[] { ("create", timeouts.Create), ("update", timeouts.Update), ("delete", timeouts.Delete) })
            {
                if (value is { } duration)
                {
                    writer.WriteNumber(name, (long)duration.TotalSeconds);
                }
            }

            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("timeouts");
        }

        Strings(writer, "ignoreChanges", node.IgnoreChanges);
        writer.WriteStartArray("transforms");
        foreach (var transform in node.Transforms)
        {
            writer.WriteStartObject();
            switch (transform)
            {
                case PlanTransform.WorkloadTimeouts timeout:
                    writer.WriteString("rule", "workloadTimeouts");
                    writer.WriteNumber("timeoutSeconds", (long)timeout.Timeout.TotalSeconds);
                    break;
                case PlanTransform.MirrorImages mirror:
                    writer.WriteString("rule", "mirrorImages");
                    writer.WriteString("registry", mirror.Registry);
                    break;
                case PlanTransform.MirrorNamedImages named:
                    writer.WriteString("rule", "mirrorNamedImages");
                    writer.WriteString("registry", named.Registry);
                    Strings(writer, "images", named.Images);
                    break;
                case PlanTransform.Replicas replicas:
                    writer.WriteString("rule", "replicas");
                    writer.WriteNumber("count", replicas.Count);
                    Strings(writer, "deployments", replicas.Deployments);
                    Strings(writer, "autoscalers", replicas.Autoscalers);
                    break;
                case PlanTransform.ConfigMapData data:
                    writer.WriteString("rule", "configMapData");
                    writer.WriteString("namespace", data.Namespace);
                    writer.WriteString("name", data.Name);
                    writer.WriteStartObject("data");
                    foreach (var (key, value) in data.Data)
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown transform {transform.GetType().Name}.");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("checks");
        foreach (var check in node.Checks)
        {
            writer.WriteStartObject();
            switch (check)
            {
                case PlanCheck.TemplateFitsVm template:
                    writer.WriteString("rule", "templateFitsVm");
                    writer.WriteString("template", template.TemplateLookup);
                    writer.WriteString("vm", template.Vm);
                    writer.WriteString("firmware", template.Firmware);
                    writer.WriteNumber("diskGb", template.DiskGb);
                    break;
                case PlanCheck.ProfileOffered profile:
                    writer.WriteString("rule", "profileOffered");
                    writer.WriteString("profile", profile.Profile);
                    writer.WriteStartArray("hosts");
                    foreach (var (host, lookup) in profile.Hosts)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("host", host);
                        writer.WriteString("lookup", lookup);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    break;
                case PlanCheck.TenancyMatches tenancy:
                    writer.WriteString("rule", "tenancyMatches");
                    writer.WriteString("reference", tenancy.Reference);
                    writer.WriteString("platformStack", tenancy.PlatformStack);
                    writer.WriteStartObject("expected");
                    foreach (var (key, value) in tenancy.Expected)
                    {
                        writer.WriteString(key, value);
                    }

                    writer.WriteEndObject();
                    break;
                default:
                    throw new InvalidOperationException($"Unknown check {check.GetType().Name}.");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
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
                WriteFields(writer, ("$output", output.NodeId), ("property", output.Property));
                break;
            case PlanValue.GeneratedPassword generated:
                WriteFields(writer, ("$secret", "generated"), ("node", generated.NodeId));
                break;
            case PlanValue.ConfigSecret config:
                WriteFields(writer, ("$secret", "config"), ("key", config.Setting.ConfigKey), ("path", config.Setting.Path));
                break;
            case PlanValue.StackOutputSecret stackOutput:
                WriteFields(writer, ("$secret", "stackOutput"), ("node", stackOutput.NodeId), ("output", stackOutput.OutputName));
                break;
            case PlanValue.SecretDataKey data:
                WriteFields(writer, ("$secret", "secretData"), ("node", data.NodeId), ("key", data.Key));
                break;
            case PlanValue.Concat concat:
                writer.WriteStartObject();
                writer.WriteStartArray("$concat");
                foreach (var part in concat.Parts)
                {
                    WriteValue(writer, part);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Unknown plan value {value.GetType().Name}.");
        }
    }

    private static void WriteFields(Utf8JsonWriter writer, params (string Name, string Value)[] fields)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in fields)
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }
}
