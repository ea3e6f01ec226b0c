using Infra.Model.Configuration;

namespace Infra.Cli;

/// <summary>The steps every stack command starts with: find the project and stack file, bind and validate.</summary>
internal static class StackLoader
{
    /// <summary>
    /// The validated configuration of <paramref name="stack"/>, or the exit code after printing why not. With
    /// <paramref name="allowUnsetSecrets"/>, a configuration whose only errors are secrets not set yet (a cloned
    /// stack) loads as if they were set, with a notice naming them: its plan, diff and render show where they go.
    /// </summary>
    public static (LoadedConfig? Config, int ExitCode) Load(CliContext context, string stack, string? projectDir, bool allowUnsetSecrets = false, string option = "--stack")
    {
        if (projectDir is not null && !Directory.Exists(Path.GetFullPath(projectDir, context.WorkingDirectory)))
        {
            Error(context, $"--project-dir {Path.GetFullPath(projectDir, context.WorkingDirectory)} is not a folder. Pass the folder that holds {ProjectLocator.ProjectFile}.");
            return (null, ExitCodes.Usage);
        }

        var project = ProjectLocator.FindProject(context.WorkingDirectory, projectDir);
        if (project is null)
        {
            var where = projectDir is null
                ? $"{context.WorkingDirectory} or any folder above it"
                : Path.GetFullPath(projectDir, context.WorkingDirectory);
            Error(context, $"No {ProjectLocator.ProjectFile} in {where}. Run infractl inside the project, or pass --project-dir <folder>.");
            return (null, ExitCodes.Usage);
        }

        var path = Path.Combine(project, StackConfigFile.FileName(stack));
        if (!File.Exists(path))
        {
            var stacks = ProjectLocator.Stacks(project);
            var known = stacks.Count == 0 ? "no stack files" : $"stacks {string.Join(", ", stacks)}";
            Error(context, $"No stack file {StackConfigFile.FileName(stack)} in {project} (it has {known}). Pass {option} <name>, or create the stack with 'pulumi stack init {stack}' and set its config.");
            return (null, ExitCodes.Usage);
        }

        StackConfigFile file;
        try
        {
            file = StackConfigFile.Load(path);
        }
        catch (StackFileException ex)
        {
            Error(context, ex.Text);
            return (null, ExitCodes.InvalidConfig);
        }

        var config = PlatformConfiguration.Load(file.Snapshot);
        var unset = allowUnsetSecrets ? PlatformConfiguration.OnlyUnsetSecrets(config, file.Snapshot) : [];
        if (!unset.IsEmpty)
        {
            var keys = unset.Select(ConfigKeyPath.ToPulumi).ToArray();
            context.Error.WriteLine($"note: {file.Snapshot.Source} has secrets not set yet, shown where they go: {string.Join(", ", keys)}. 'validate' fails until they are set: {string.Join("; ", keys.Select(k => $"'{ConfigKeyPath.SetCommandForKey(k, "<value>", secret: true, stack: stack)}'"))}.");
            config = PlatformConfiguration.Load(file.Snapshot.WithSecrets(unset));
        }

        if (!config.IsValid)
        {
            var count = config.Errors.Length;
            context.Error.WriteLine($"{file.Snapshot.Source} has {count} error{(count == 1 ? string.Empty : "s")}:");
            foreach (var error in config.Errors)
            {
                context.Error.WriteLine($"  - {ConfigKeyPath.ForStack(error.Text, stack)}");
            }

            return (null, ExitCodes.InvalidConfig);
        }

        foreach (var notice in config.Notices)
        {
            context.Error.WriteLine($"note: {ConfigKeyPath.ForStack(notice, stack)}");
        }

        return (config, ExitCodes.Ok);
    }

    private static void Error(CliContext context, string message) =>
        context.Error.WriteLine($"error: {message}");
}
