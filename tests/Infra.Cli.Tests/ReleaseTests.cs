using System.Text.RegularExpressions;
using Infra.Model.Stacks;

namespace Infra.Cli.Tests;

/// <summary>Releases: the changelog, the tool's version and the upgrade guide agree with what the project pins.</summary>
public sealed partial class ReleaseTests
{
    private static string Read(string path) => File.ReadAllText(Path.Combine(InfraCtlTests.RepositoryRoot(), path));

    /// <summary>infractl's package version, as cli/Infra.Cli.csproj sets it.</summary>
    internal static string ToolVersion() => VersionElement().Match(Read("cli/Infra.Cli.csproj")).Groups[1].Value;

    [Fact]
    public void TheNewestReleaseOfTheChangelog_IsTheToolsVersion_AndEveryReleaseIsLinked()
    {
        var changelog = Read("CHANGELOG.md");
        var releases = ReleaseHeading().Matches(changelog).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(ToolVersion(), releases[0]);
        Assert.Equal(["0.2.0", "0.1.0"], releases);
        Assert.All(releases, r => Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", r));
        Assert.All(releases, r => Assert.Contains($"\n[{r}]: ", changelog, StringComparison.Ordinal));
        // What 'infractl --version' prints: the assembly's informational version, the release and the commit.
        Assert.StartsWith(ToolVersion() + "+", System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(InfraCtl).Assembly)!.InformationalVersion, StringComparison.Ordinal);
        // A release that changes what a stack deploys says what to do about it.
        Assert.Contains("## [0.2.0] - 2026-12-02\n\n### Upgrade notes\n\n1. ", changelog, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUpgradeGuide_CoversEveryPinnedComponentTheTanzuReleasesAndTheWayBack()
    {
        var guide = Read("docs/upgrades.md");
        var headings = Heading().Matches(guide).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.All(Compatibility.Matrix.Select(r => r.Component).Distinct(), name => Assert.Contains(name, headings));
        Assert.Contains("Tanzu Kubernetes releases", headings);
        Assert.Contains("Pulumi SDK and CLI", headings);
        Assert.Contains("Rolling back", headings);
        // The CloudNativePG steps: through each minor from the old pin to the new one.
        Assert.Contains($"1.26, 1.27, 1.28 and 1.29 before {Infra.Model.Postgres.PostgresVersions.OperatorVersion[..4]}", guide, StringComparison.Ordinal);
    }

    [GeneratedRegex("<Version>([^<]+)</Version>")]
    private static partial Regex VersionElement();

    [GeneratedRegex("^## \\[([0-9][^\\]]*)\\] - [0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.Multiline)]
    private static partial Regex ReleaseHeading();

    [GeneratedRegex("^## (.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
