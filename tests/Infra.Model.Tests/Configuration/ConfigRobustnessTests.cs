using CsCheck;
using Infra.Model.Configuration;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Configuration;

/// <summary>Whatever a stack file holds, loading it gives errors or options, never an exception.</summary>
public sealed class ConfigRobustnessTests
{
    private static readonly string[] Keys = [.. PlatformConfiguration.PlatformSchema.Keys()];

    private static readonly Gen<string> Scalar = Gen.OneOfConst(
        "dev", "level1", "vgpu", "passthrough", "true", "no", "0", "-1", "3", "99999999999", "4Gi", "4GB", "10.0.0.1/24",
        "a100-80gb", "grid_a100d-20c", "0000:3b:00.0", "x", "\"\"", "[]", "{}", "{secure: v1:x}", "[a, b]", "{name: a}", "~");

    // A config: a random subset of the schema's keys (list entries at index 0 or 1), some misspelled, with random values.
    private static readonly Gen<string> Yaml =
        Gen.Select(Gen.Int[0, Keys.Length - 1], Gen.Int[0, 1], Gen.Bool, Scalar)
            .Select((k, index, misspell, value) => (Key: (misspell ? Keys[k] + "x" : Keys[k]).Replace("[]", $"[{index}]", StringComparison.Ordinal), Value: value))
            .Array[0, 25]
            .Select(pairs => ToYaml(pairs.GroupBy(p => p.Key).Select(g => g.First()).ToArray()));

    [Fact]
    public void Load_AnyConfig_GivesErrorsOrAPlanNeverAnException()
    {
        Yaml.Sample(yaml =>
        {
            StackConfigFile file;
            try
            {
                file = StackConfigFile.Parse("Pulumi.fuzz.yaml", "fuzz", yaml);
            }
            catch (StackFileException)
            {
                return true;
            }

            var loaded = PlatformConfiguration.Load(file.Snapshot);
            if (loaded.IsValid)
            {
                _ = StackPlanner.Plan("fuzz", loaded.Options);
            }

            return loaded.Errors.All(e => e.Message.StartsWith(e.Key, StringComparison.Ordinal));
        }, iter: 300);
    }

    [Fact]
    public void Load_ValidBaseWithAnyExtraSettings_PlansWhereValidAndNeverThrows()
    {
        var owned = new[] { "mlops:environment", "mlops:maturity", "mlops:vsphere", "mlops:storage", "mlops:tanzu" };
        var extras = Gen.Select(Gen.Int[0, Keys.Length - 1], Gen.Int[0, 1], Scalar)
            .Select((k, index, value) => (Key: Keys[k].Replace("[]", $"[{index}]", StringComparison.Ordinal), Value: value))
            .Where(p => !owned.Any(o => p.Key.StartsWith(o, StringComparison.Ordinal)))
            .Array[0, 6];
        var planned = 0;

        extras.Sample(pairs =>
        {
            var extra = ToYaml(pairs.GroupBy(p => p.Key).Select(g => g.First()).ToArray())["config:\n".Length..];
            var loaded = PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.fuzz.yaml", "fuzz", TestConfig.Yaml() + extra).Snapshot);
            if (loaded.IsValid)
            {
                planned++;
                _ = StackPlanner.Plan("fuzz", loaded.Options);
            }

            return true;
        }, iter: 300);

        Assert.True(planned > 10, $"Only {planned} of 300 samples were valid: the generator should reach the planner.");
    }

    // Nests dotted keys into YAML maps and [i] into list items, under one top-level key each.
    private static string ToYaml((string Key, string Value)[] pairs)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            var segments = new List<string> { key[..(key.IndexOf('.') is var dot and > 0 ? dot : key.Length)] };
            segments.AddRange(key[segments[0].Length..].Split('.', StringSplitOptions.RemoveEmptyEntries));
            Insert(root, segments, 0, value);
        }

        var text = new System.Text.StringBuilder("config:\n");
        Write(root, 1, text);
        return text.ToString();
    }

    private static void Insert(SortedDictionary<string, object> map, List<string> segments, int i, string value)
    {
        var segment = segments[i];
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? segment : segment[..bracket];
        if (i == segments.Count - 1 && bracket < 0)
        {
            map.TryAdd(name, value);
            return;
        }

        if (bracket >= 0)
        {
            var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (!map.TryGetValue(name, out var existing) || existing is not List<SortedDictionary<string, object>> list)
            {
                list = [];
                map[name] = list;
            }

            while (list.Count <= index)
            {
                list.Add(new SortedDictionary<string, object>(StringComparer.Ordinal));
            }

            if (i < segments.Count - 1)
            {
                Insert(list[index], segments, i + 1, value);
            }

            return;
        }

        if (!map.TryGetValue(name, out var child) || child is not SortedDictionary<string, object> next)
        {
            next = new SortedDictionary<string, object>(StringComparer.Ordinal);
            map[name] = next;
        }

        Insert(next, segments, i + 1, value);
    }

    private static void Write(SortedDictionary<string, object> map, int depth, System.Text.StringBuilder text)
    {
        var indent = new string(' ', depth * 2);
        foreach (var (key, value) in map)
        {
            switch (value)
            {
                case string scalar:
                    text.Append(indent).Append(key).Append(": ").Append(scalar).Append('\n');
                    break;
                case SortedDictionary<string, object> child:
                    text.Append(indent).Append(key).Append(":\n");
                    Write(child, depth + 1, text);
                    break;
                case List<SortedDictionary<string, object>> list:
                    text.Append(indent).Append(key).Append(":\n");
                    foreach (var item in list)
                    {
                        if (item.Count == 0)
                        {
                            text.Append(indent).Append("  - {}\n");
                            continue;
                        }

                        text.Append(indent).Append("  -\n");
                        Write(item, depth + 2, text);
                    }

                    break;
            }
        }
    }
}
