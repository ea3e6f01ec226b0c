using System.Diagnostics;
using Infra.Model.Configuration;
using Infra.Model.Planning;

namespace Infra.Cli;

/// <summary>
/// Checks the revision out into a temporary git worktree and runs that revision's <c>infractl plan --format json</c>,
/// so the plan reflects both its configuration and its code.
/// </summary>
internal sealed class GitRevisionPlans : IRevisionPlans
{
    public Plan PlanAt(string projectDirectory, string stack, string revision)
    {
        var root = Run("git", ["-C", projectDirectory, "rev-parse", "--show-toplevel"], projectDirectory);
        if (root.ExitCode != 0)
        {
            throw new RevisionException($"{projectDirectory} is not in a git repository, so --base has nothing to compare with: {root.Error.Trim()}", ExitCodes.Usage);
        }

        var repository = root.Output.Trim();
        var commit = Run("git", ["-C", repository, "rev-parse", "--verify", "--quiet", revision + "^{commit}"], repository);
        if (commit.ExitCode != 0)
        {
            throw new RevisionException($"--base '{revision}' is not a commit of {repository}. Name a branch, tag or commit, such as origin/main.", ExitCodes.Usage);
        }

        var worktree = Path.Combine(Path.GetTempPath(), $"infractl-base-{Guid.NewGuid():N}");
        var add = Run("git", ["-C", repository, "worktree", "add", "--detach", worktree, commit.Output.Trim()], repository);
        if (add.ExitCode != 0)
        {
            throw new RevisionException($"Could not check out '{revision}': {add.Error.Trim()}", ExitCodes.Usage);
        }

        try
        {
            var project = Path.Combine(worktree, Path.GetRelativePath(repository, projectDirectory));
            if (!File.Exists(Path.Combine(project, StackConfigFile.FileName(stack))))
            {
                return new Plan(stack, []);
            }

            var cli = Path.Combine(project, "cli");
            if (!Directory.Exists(cli))
            {
                throw new RevisionException($"Revision '{revision}' has no infractl (no cli/ folder), so its plan cannot be made.", ExitCodes.Usage);
            }

            var plan = Run("dotnet", ["run", "--project", cli, "--", "plan", "--stack", stack, "--format", "json", "--project-dir", project], project);
            if (plan.ExitCode != 0)
            {
                throw new RevisionException(
                    $"The plan of stack {stack} at '{revision}' failed (infractl exit {plan.ExitCode}):\n{plan.Error.Trim()}",
                    plan.ExitCode == ExitCodes.InvalidConfig ? ExitCodes.InvalidConfig : ExitCodes.Usage);
            }

            return PlanJson.Read(plan.Output);
        }
        finally
        {
            Run("git", ["-C", repository, "worktree", "remove", "--force", worktree], repository);
        }
    }

    private static (int ExitCode, string Output, string Error) Run(string file, string[] arguments, string directory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new RevisionException($"Could not start {file}.", ExitCodes.Usage);
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
