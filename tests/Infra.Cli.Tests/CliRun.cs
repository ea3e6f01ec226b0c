namespace Infra.Cli.Tests;

/// <summary>Runs infractl in-process in a folder and captures what it writes.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static string ProjectDir => Path.Combine(AppContext.BaseDirectory, "project");

    public static CliRun In(string workingDirectory, params string[] args) => In(workingDirectory, null, args);

    public static CliRun In(string workingDirectory, IRevisionPlans? revisions, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = InfraCtl.Run(args, new CliContext(workingDirectory, output, error), revisions);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static CliRun Project(params string[] args) => In(ProjectDir, args);

    /// <summary>A scratch project with the shipped Pulumi.yaml and one stack file of the given text.</summary>
    public static string ScratchProject(string stack, string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("infractl-").FullName;
        File.Copy(Path.Combine(ProjectDir, "Pulumi.yaml"), Path.Combine(dir, "Pulumi.yaml"));
        File.WriteAllText(Path.Combine(dir, $"Pulumi.{stack}.yaml"), yaml);
        return dir;
    }
}
