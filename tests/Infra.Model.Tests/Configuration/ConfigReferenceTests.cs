using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Configuration;

public sealed partial class ConfigReferenceTests
{
    [Fact]
    public void Readme_DocumentsEverySetting()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "README.md"));

        var undocumented = PlatformConfiguration.Schemas
            .SelectMany(s => s.Keys())
            .Where(key => !readme.Contains($"| `{key}` |", StringComparison.Ordinal))
            .ToArray();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Keys_SpellListsAndNestingAsTheReferenceDoes()
    {
        var keys = PlatformConfiguration.PlatformSchema.Keys().ToArray();

        Assert.Contains("mlops:gpu.hosts[].gpus", keys);
        Assert.Contains("mlops:tanzu.controlPlane.replicas", keys);
        Assert.Contains("mlops:platform.mlflow.enabled", keys);
        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ReferenceRequiredAndDefaults_AgreeWithTheSchema()
    {
        var rows = ReferenceRows();
        var problems = new List<string>();
        foreach (var setting in PlatformConfiguration.Schemas.SelectMany(s => s.Settings()))
        {
            var (type, @default) = rows[setting.Key];
            if (setting.Required && !@default.StartsWith("required", StringComparison.Ordinal))
            {
                problems.Add($"{setting.Key}: the schema requires it, but the reference's default is '{@default}'");
            }

            if (@default == "required" && !setting.Required)
            {
                problems.Add($"{setting.Key}: the reference says 'required', but the schema does not require it");
            }

            var literal = Literal().Match(@default) is { Success: true } m ? m.Groups["value"].Value : null;
            switch (setting.Kind)
            {
                case "Boolean" when type != "bool" || (literal is not null && literal is not ("true" or "false")):
                    problems.Add($"{setting.Key}: a bool, documented as '{type}' with default '{@default}'");
                    break;
                case "Secret" when type != "secret":
                    problems.Add($"{setting.Key}: a secret, documented as '{type}'");
                    break;
                case "WholeNumber" when !type.StartsWith("int", StringComparison.Ordinal) && !NumberChoices().IsMatch(type):
                    problems.Add($"{setting.Key}: a whole number, documented as '{type}'");
                    break;
                case "Choice":
                    var documented = Literals().Matches(type).Select(c => c.Groups["value"].Value).Order(StringComparer.Ordinal);
                    if (!documented.SequenceEqual(setting.Choices.Order(StringComparer.Ordinal)))
                    {
                        problems.Add($"{setting.Key}: its choices are {string.Join(", ", setting.Choices)}, documented as '{type}'");
                    }

                    if (literal is not null && !setting.Choices.Contains(literal))
                    {
                        problems.Add($"{setting.Key}: the default '{literal}' is not one of its choices");
                    }

                    break;
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Reference_DocumentsNoSettingTheSchemaLacks()
    {
        var known = PlatformConfiguration.Schemas.SelectMany(s => s.Keys()).ToHashSet(StringComparer.Ordinal);

        var stale = ReferenceRows().Keys.Where(key => !known.Contains(key)).ToArray();

        Assert.True(stale.Length == 0, $"README documents settings the schema does not have: {string.Join(", ", stale)}");
    }

    [Fact]
    public void ReferenceServiceDefaults_AreTheLevelsThatNeedThem()
    {
        var rows = ReferenceRows();

        Assert.All(Technologies.Services, service =>
            Assert.Equal(
                service.NeededFrom is { } level ? $"on from {ConfigSchema.ChoiceName(level)}" : service.OnInProduction ? "on in production" : "off",
                rows[$"mlops:platform.{service.Key}.enabled"].Default));
    }

    // The reference's rows by key: the type and default columns.
    private static Dictionary<string, (string Type, string Default)> ReferenceRows()
    {
        var readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "README.md"));
        return readme
            .SkipWhile(line => line != "## Configuration reference")
            .TakeWhile((line, i) => i == 0 || !line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => Row().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["key"].Value, m => (m.Groups["type"].Value.Trim(), m.Groups["default"].Value.Trim()), StringComparer.Ordinal);
    }

    [GeneratedRegex("^\\| `(?<key>(mlops|vsphere):[^`]+)` \\| (?<type>(?:[^|\\\\]|\\\\\\|)+) \\| (?<default>(?:[^|\\\\]|\\\\\\|)+) \\|")]
    private static partial Regex Row();

    [GeneratedRegex("\\A`(?<value>[^`]+)`\\z")]
    private static partial Regex Literal();

    [GeneratedRegex("`(?<value>[^`]+)`")]
    private static partial Regex Literals();

    [GeneratedRegex("\\A[0-9]+( \\\\\\| [0-9]+)+\\z")]
    private static partial Regex NumberChoices();
}
