using System.Diagnostics;
using Infra.Model.Configuration;
using Infra.Model.Planning;

namespace Infra.Cli;

/// <summary>
/// Checks the revision out into a temporary git worktree and runs that revision's <c>infractl plan --format json</c>,
/// so the plan reflects both its configuration and its code. Each plan is cached by commit, project folder and
/// stack (a commit's plan never changes), progress goes to <paramref name="progress"/>, and Ctrl+C or SIGTERM
/// removes the worktree before the process ends.
/// </summary>
/// <param name="progress">Where to say what it is doing (standard error); null for nothing.</param>
/// <param name="cacheDirectory">The plan cache; null for the user's cache folder (<c>$XDG_CACHE_HOME/infractl/plans</c>, or <c>INFRACTL_CACHE_DIR</c>).</param>
internal sealed class GitRevisionPlans(TextWriter? progress = null, string? cacheDirectory = null) : IRevisionPlans
{
    /// <summary>The environment variable that moves the plan cache; set to <c>off</c>, no cache is used.</summary>
    public const string CacheVariable = "INFRACTL_CACHE_DIR";

    private static string? DefaultCache()
    {
        var configured = Environment.GetEnvironmentVariable(CacheVariable);
        if (configured is "off")
        {
            return null;
        }

        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(xdg) ? xdg : string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
        return root is null ? null : Path.Combine(root, "infractl", "plans");
    }

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

        var sha = commit.Output.Trim();
        var relative = Path.GetRelativePath(repository, projectDirectory).Replace('\\', '/');
        var cache = cacheDirectory ?? DefaultCache();
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{sha}\n{relative}\n{stack}")))[..32].ToLowerInvariant();
        var cached = cache is null ? null : Path.Combine(cache, $"{key}.json");
        if (cached is not null && File.Exists(cached))
        {
            progress?.WriteLine($"diff --base: the plan of stack {stack} at {revision} ({sha[..12]}) is cached ({cached}).");
            return PlanJson.Read(File.ReadAllText(cached));
        }

        var clock = Stopwatch.StartNew();
        var worktree = Path.Combine(Path.GetTempPath(), $"infractl-base-{Guid.NewGuid():N}");
        // Ctrl+C or SIGTERM while the base is checked out or planned: the signal stops the git or dotnet process
        // running now, and the run ends through the finally below, which removes the worktree, then exits 130.
        void Remove()
        {
            Run("git", ["-C", repository, "worktree", "remove", "--force", "--force", worktree], repository);
            Run("git", ["-C", repository, "worktree", "prune"], repository);
        }

        using var interrupt = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Interrupt);
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Interrupt);
        progress?.WriteLine($"diff --base: checking out {revision} ({sha[..12]}) into a temporary worktree ...");
        try
        {
            var add = Run("git", ["-C", repository, "worktree", "add", "--detach", worktree, sha], repository);
            if (add.ExitCode != 0)
            {
                throw new RevisionException($"Could not check out '{revision}': {add.Error.Trim()}", ExitCodes.Usage);
            }

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

            progress?.WriteLine($"diff --base: building that revision's infractl and planning stack {stack} with it (the first time takes a while) ...");
            var plan = Run("dotnet", ["run", "--project", cli, "--", "plan", "--stack", stack, "--format", "json", "--project-dir", project], project);
            if (plan.ExitCode != 0)
            {
                throw new RevisionException(
                    $"The plan of stack {stack} at '{revision}' failed (infractl exit {plan.ExitCode}):\n{plan.Error.Trim()}",
                    plan.ExitCode == ExitCodes.InvalidConfig ? ExitCodes.InvalidConfig : ExitCodes.Usage);
            }

            var result = PlanJson.Read(plan.Output);
            if (cached is not null)
            {
                try
                {
                    Directory.CreateDirectory(cache!);
                    File.WriteAllText(cached, plan.Output);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    progress?.WriteLine($"diff --base: could not cache the plan ({ex.Message}); the next run plans it again.");
                }
            }

            progress?.WriteLine($"diff --base: planned stack {stack} at {sha[..12]} in {clock.Elapsed.TotalSeconds:0} s{(cached is null ? "." : "; cached for the next run.")}");
            return result;
        }
        finally
        {
            _current = null;
            Remove();
        }
    }

    private volatile Process? _current;
    private volatile bool _interrupted;

    private void Interrupt(System.Runtime.InteropServices.PosixSignalContext context)
    {
        context.Cancel = true;
        _interrupted = true;
        try
        {
            _current?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has just ended on its own.
        }
    }

    private (int ExitCode, string Output, string Error) Run(string file, string[] arguments, string directory)
    {
        // Removing the worktree runs even after a signal; every other step stops there, and is what a signal kills.
        var cleanup = arguments.Contains("remove") || arguments.Contains("prune");
        if (_interrupted && !cleanup)
        {
            throw Interrupted();
        }

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
        if (!cleanup)
        {
            _current = process;
        }

        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (!cleanup)
        {
            _current = null;
            if (_interrupted)
            {
                throw Interrupted();
            }
        }

        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    private static RevisionException Interrupted() => new("diff --base was interrupted; its worktree is removed.", ExitCodes.Interrupted);
}
