using System.Security.Cryptography;

namespace Infra.Model.Tests.Upstream;

/// <summary>tests/upstream/manifest.tsv, from which tests/upstream/fetch.sh downloads the upstream reference files.</summary>
public sealed class ManifestTests
{
    private static readonly (string Local, string Url, string Document, string Sha256)[] Entries = [.. File.ReadAllLines(Path.Combine(Root(), "tests", "upstream", "manifest.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('\t'))
        .Select(c => (c[0], c[1], c[2], c[3]))];

    [Fact]
    public void EveryEntry_IsAPinnedPublicFileWithItsFullHash()
    {
        Assert.Equal(31, Entries.Length);
        Assert.All(Entries, e =>
        {
            Assert.Matches("^https://github\\.com/[^/]+/[^/]+/raw/[^/]+/.+$", e.Url);
            Assert.DoesNotMatch("/raw/(main|master)/", e.Url);
            Assert.Matches("^[0-9a-f]{64}$", e.Sha256);
        });
        Assert.Equal(Entries.Length, Entries.Select(e => e.Local).Distinct().Count());
    }

    [UpstreamFact]
    public void TheManifest_ListsEveryUpstreamFile_WithTheHashOfTheFileHere()
    {
        var folder = UpstreamSchemas.Folder!;
        var here = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != "SOURCES.md")
            .Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(here, Entries.Select(e => e.Local).Order(StringComparer.Ordinal).ToArray());
        Assert.All(Entries, e => Assert.Equal(e.Sha256, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, e.Local)))).ToLowerInvariant()));
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Infra.sln above the tests.");
    }
}
