using Infra.Model.Planning;
using Infra.Model.Rendering;

namespace Infra.Model.Tests.Golden;

/// <summary>
/// The dev, prod, prod-teams and lab plans (JSON) and render trees, held byte for byte against the files under
/// <c>tests/Golden/&lt;stack&gt;/</c>. A change to what a stack deploys changes them in the same commit, on purpose:
/// <c>tests/update-golden.sh</c> rewrites them (it sets <see cref="UpdateVariable"/>).
/// </summary>
public sealed class GoldenTests
{
    /// <summary>The variable that makes these tests write the files instead of comparing.</summary>
    public const string UpdateVariable = "INFRA_UPDATE_GOLDEN";

    public static TheoryData<string> Stacks => ["dev", "prod", "prod-teams", "lab"];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void StackPlanAndRender_AreTheCheckedInBaselines(string stack)
    {
        var plan = TestConfig.StackPlan(stack);
        var expected = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["plan.json"] = PlanJson.Write(plan) };
        foreach (var file in StackRenderer.Render(plan))
        {
            expected[$"render/{file.Name}"] = file.Content;
        }

        var folder = Path.Combine(RepositoryRoot(), "tests", "Golden", stack);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            foreach (var (name, content) in expected)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, name))!);
                File.WriteAllText(Path.Combine(folder, name), content);
            }

            return;
        }

        var actual = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.True(expected.Keys.SequenceEqual(actual), $"tests/Golden/{stack} holds [{string.Join(", ", actual)}], the stack renders [{string.Join(", ", expected.Keys)}]. Run tests/update-golden.sh if the change is intended.");
        foreach (var (name, content) in expected)
        {
            Assert.True(content == File.ReadAllText(Path.Combine(folder, name)), $"tests/Golden/{stack}/{name} differs from what the stack gives. Review the change, then run tests/update-golden.sh if it is intended.");
        }
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Infra.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Infra.sln above {AppContext.BaseDirectory}.");
    }
}
