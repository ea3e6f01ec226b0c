namespace Infra.Cli;

/// <summary>Finds the Pulumi project (the folder holding <c>Pulumi.yaml</c>) and its stack files.</summary>
internal static class ProjectLocator
{
    public const string ProjectFile = "Pulumi.yaml";

    /// <summary>The project folder: <paramref name="projectDir"/> if given, else the nearest folder upward holding Pulumi.yaml.</summary>
    public static string? FindProject(string workingDirectory, string? projectDir)
    {
        if (projectDir is not null)
        {
            var full = Path.GetFullPath(projectDir, workingDirectory);
            return File.Exists(Path.Combine(full, ProjectFile)) ? full : null;
        }

        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The stacks that have a stack file in the project folder.</summary>
    public static IReadOnlyList<string> Stacks(string projectDirectory) =>
        Directory.EnumerateFiles(projectDirectory, "Pulumi.*.yaml")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Select(f => f["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
}
