using System.CommandLine;
using Spectre.Console;
using Infra.Cli.Output;
using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Stacks;

namespace Infra.Cli;

/// <summary>The <c>infractl</c> command line: offline validate and plan of a stack's configuration.</summary>
internal static partial class InfraCtl
{
    private const string ExitCodeHelp = "Exit codes: 0 ok, 1 usage error, 2 invalid configuration, 3 plans differ (diff --exit-code), 4 a bug in infractl (--show-trace prints its trace), 5 the plans differ by a change that deletes or replaces data (diff --exit-code).";

    private const string Examples = """


        Examples:
          infractl validate --stack prod
          infractl plan --stack dev --format json > plan.json
          infractl diff --stack prod --base origin/main --format markdown --max-length 65000
          infractl render --stack prod --out rendered
          infractl stack new qa --from dev --set mlops:environment=qa --set 'mlops:teams[0].name=nlp'
          infractl explain MLOPS0301
        Completion: dotnet-suggest completes commands, options and stack names (README, "infractl").
        """;

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, CliContext context, IRevisionPlans? revisions = null)
    {
        var root = Build(context, revisions ?? new GitRevisionPlans(context.Error));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            return UsageErrors(context, root, parse);
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failure.Report(context, ex, parse.GetValue(ShowTrace) || Environment.GetEnvironmentVariable(TraceVariable) is "1" or "true");
        }
    }

    // What the command line got wrong, one line each, and where to read more: no help text dumped after it.
    private static int UsageErrors(CliContext context, RootCommand root, ParseResult parse)
    {
        var commands = root.Subcommands.Select(c => c.Name).ToArray();
        var first = parse.Tokens.Count > 0 ? parse.Tokens[0] : null;
        if (first is not null && parse.CommandResult.Command == root && !first.Value.StartsWith('-'))
        {
            var closest = Model.Configuration.Suggestions.Closest(first.Value, commands);
            context.Error.WriteLine($"error: '{first.Value}' is not an infractl command.{(closest is null ? string.Empty : $" Did you mean '{closest}'?")} Commands: {string.Join(", ", commands)}. Run 'infractl --help' for what each does.");
            return ExitCodes.Usage;
        }

        foreach (var error in parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
        {
            context.Error.WriteLine($"error: {error}");
        }

        var names = new List<string>();
        for (var result = parse.CommandResult; result.Command != root; result = (System.CommandLine.Parsing.CommandResult)result.Parent!)
        {
            names.Insert(0, result.Command.Name);
        }

        var path = string.Join(' ', names);
        context.Error.WriteLine($"Run 'infractl {(path.Length == 0 ? string.Empty : path + " ")}--help' for its options.");
        return ExitCodes.Usage;
    }

    /// <summary>The environment variable that, set to 1, prints the trace of an internal error.</summary>
    public const string TraceVariable = "INFRACTL_TRACE";

    private static readonly Option<bool> ShowTrace = new("--show-trace")
    {
        Description = $"On an internal error, print its .NET stack trace for a bug report (or set {TraceVariable}=1).",
        Recursive = true,
    };

    // A stack name taken from the command line, checked as 'stack new NAME' checks it: it never leaves the project.
    private static T StackNamed<T>(T symbol)
        where T : Symbol
    {
        void Check(System.CommandLine.Parsing.SymbolResult result, string? value)
        {
            if (value is not null && StackName.Problem(value) is { } problem)
            {
                var what = symbol is Option option ? option.Name : symbol.Name;
                result.AddError($"{what} {StackName.Quote(value)} {problem}.");
            }
        }

        switch (symbol)
        {
            case Option<string> option:
                option.Validators.Add(r => Check(r, r.GetValueOrDefault<string>()));
                break;
            case Argument<string> argument:
                argument.Validators.Add(r => Check(r, r.GetValueOrDefault<string>()));
                break;
        }

        return symbol;
    }

    private static RootCommand Build(CliContext context, IRevisionPlans revisions)
    {
        var stack = StackNamed(new Option<string>("--stack", "-s")
        {
            Description = "The stack whose Pulumi.<stack>.yaml to read.",
            DefaultValueFactory = _ => "dev",
        });
        // Shell completion (the [suggest] directive, as dotnet-suggest uses it) offers the project's stacks.
        IEnumerable<string> KnownStacks(System.CommandLine.Completions.CompletionContext _) =>
            ProjectLocator.FindProject(context.WorkingDirectory, null) is { } found ? ProjectLocator.Stacks(found) : [];
        stack.CompletionSources.Add(KnownStacks);

        var projectDir = new Option<string?>("--project-dir", "-C")
        {
            Description = "The folder holding Pulumi.yaml. Default: the nearest one from the working directory upward.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (a tree and tables) or json (for CI; see docs/plan-json.md).",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json");

        var validate = new Command("validate", $"Bind and check a stack's configuration offline; print every error.") { stack, projectDir };
        validate.SetAction(parse => Validate(context, parse.GetValue(stack)!, parse.GetValue(projectDir)));

        var component = new Option<string?>("--component")
        {
            Description = "With --format text: show only this component's tree (its name, such as mlflow, or its id).",
        };
        var depth = new Option<int?>("--depth")
        {
            Description = "With --format text: show the tree this many levels deep, counting what lies below.",
        };
        depth.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 and var d)
            {
                r.AddError($"--depth {d} is below 1. Give the number of levels to show, such as --depth 2.");
            }
        });
        var plan = new Command("plan", $"Print what 'pulumi up' would register for a stack, offline.") { stack, projectDir, format, component, depth };
        plan.SetAction(parse => PlanCommand(context, parse.GetValue(stack)!, parse.GetValue(projectDir), parse.GetValue(format)!, parse.GetValue(component), parse.GetValue(depth)));

        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write the files to: a new or empty folder, or one an earlier render wrote (its files are replaced as a whole).",
            Required = true,
        };
        output.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>()))
            {
                r.AddError("--out is empty. Give the folder to write to, such as --out rendered.");
            }
        });
        var renderForce = new Option<bool>("--force") { Description = "Replace --out even where it holds files no render wrote." };
        var render = new Command("render", "Write what the stack's plan deploys as reviewable files: each Helm release's values, each Kubernetes object's manifest, each kustomization, and the hand-offs. Secrets appear only as their sources.") { stack, projectDir, output, renderForce };
        render.SetAction(parse => Render(context, parse.GetValue(stack)!, parse.GetValue(projectDir), parse.GetValue(output)!, parse.GetValue(renderForce)));

        var graphFormat = new Option<string>("--format", "-f")
        {
            Description = "Graph format: mermaid, dot (Graphviz text), or svg or png (drawn by Graphviz's dot, where installed).",
            DefaultValueFactory = _ => "mermaid",
        }.AcceptOnlyFromAmong("mermaid", "dot", "svg", "png");
        var graphComponent = new Option<string?>("--component")
        {
            Description = "Draw one component's resources by wave (its name, such as mlflow). Default: one box per component.",
        };
        var graphAll = new Option<bool>("--all") { Description = "Draw every resource by wave, not one box per component." };
        var graphOut = new Option<string?>("--out", "-o") { Description = "With svg or png: the image file to write. Default: graph.<format>." };
        var graph = new Command("graph", "Draw the deployment: by default one box per component, in wave order, arrows labelled with the dependencies between them.")
        {
            stack, projectDir, graphFormat, graphComponent, graphAll, graphOut,
        };
        graph.SetAction(parse => Graph(context, parse.GetValue(stack)!, parse.GetValue(projectDir), parse.GetValue(graphFormat)!, (parse.GetValue(graphComponent), parse.GetValue(graphAll), parse.GetValue(graphOut))));

        var baseRevision = new Option<string?>("--base", "-b")
        {
            Description = "Compare with the stack as git revision BASE has it (its config and its code), e.g. origin/main.",
        };
        var against = StackNamed(new Option<string?>("--against", "-a")
        {
            Description = "Compare with another stack of this revision, e.g. dev.",
        });
        against.CompletionSources.Add(KnownStacks);
        var diffFormat = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json (for CI) or markdown (a merge-request comment).",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "markdown");
        var exitCode = new Option<bool>("--exit-code")
        {
            Description = "Exit 3 when the plans differ, 5 when a change deletes or replaces a resource that holds data (0 when they do not differ).",
        };
        var maxLength = new Option<int>("--max-length")
        {
            Description = "With --format markdown: keep the comment within this many characters (GitHub takes 65536, GitLab 1000000), saying what it left out. Default: no limit.",
        };
        maxLength.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError($"--max-length {r.GetValueOrDefault<int>()} is negative. Give a number of characters, such as --max-length 65000, or leave it out for no limit.");
            }
        });
        var fullOut = new Option<string?>("--full-out")
        {
            Description = "With --format markdown: also write the whole comment, without --max-length, to this file (the job's artifact).",
        };
        var diff = new Command("diff", $"Show what changes between two plans of a stack: resources added, removed and changed, with the changed inputs, and first every change that deletes or replaces a resource holding data (a database cluster, a volume-bearing release or kustomization, a namespace with data, the workload cluster, a protected resource) and why. With --exit-code, exit 3 means the plans differ and 5 that they differ with data loss.")
        {
            stack, projectDir, baseRevision, against, diffFormat, exitCode, maxLength, fullOut,
        };
        diff.Validators.Add(result =>
        {
            if ((result.GetValue(baseRevision) is null) == (result.GetValue(against) is null))
            {
                result.AddError("Give exactly one of --base <git-ref> and --against <stack>.");
            }
        });
        diff.SetAction(parse => Diff(context, revisions, parse.GetValue(stack)!, parse.GetValue(projectDir), parse.GetValue(baseRevision), parse.GetValue(against), parse.GetValue(diffFormat)!, parse.GetValue(exitCode), (parse.GetValue(maxLength), parse.GetValue(fullOut))));

        var name = StackNamed(new Argument<string>("name") { Description = "The new stack's name." });
        var from = StackNamed(new Option<string>("--from")
        {
            Description = "The stack to clone.",
            Required = true,
        });
        from.CompletionSources.Add(KnownStacks);
        var sets = new Option<string[]>("--set")
        {
            Description = "A key=value override, in Pulumi's path spelling (mlops:environment=qa, mlops:gpu.hosts[0].gpus=4). Repeatable.",
            DefaultValueFactory = _ => [],
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the stack file if it exists." };
        var teamsOf = new Option<string?>("--teams-of")
        {
            Description = "Make a teams stack on the platform stack <organization>/<project>/<stack> that --from deploys: the platform's description kept, its teams, backups and vSphere connection dropped (add teams with --set mlops:teams[0].name=...).",
        };
        var stackNew = new Command("new", $"Write Pulumi.<name>.yaml from another stack: overrides applied, comments kept, secrets and encryption salt dropped; validate it, and print the commands that set its secrets.")
        {
            name, from, sets, projectDir, force, teamsOf,
        };
        stackNew.SetAction(parse => StackNew(context, parse.GetValue(name)!, parse.GetValue(from)!, parse.GetValue(sets)!, parse.GetValue(projectDir), parse.GetValue(force), parse.GetValue(teamsOf)));
        var stacksFormat = new Option<string>("--format", "-f")
        {
            Description = "Output format: text, json, github (step outputs: all, automatic, manual) or gitlab-ci (a child pipeline).",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "github", "gitlab-ci");
        var stacks = new Command("stacks", $"List the project's stack files and how CI deploys each (mlops:deploy), for pipelines that find their stacks at run time.") { projectDir, stacksFormat };
        stacks.SetAction(parse => Stacks(context, parse.GetValue(projectDir), parse.GetValue(stacksFormat)!));
        var stackCommand = new Command("stack", "Manage stack files.") { stackNew };
        var versionsFormat = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (tables) or json.",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json");
        var versions = new Command("versions", "Print the compatibility matrix: each pinned release on the cluster with the Kubernetes versions its upstream supports, and the components each Tanzu release leaves out.") { versionsFormat };
        versions.SetAction(parse => VersionsMatrix.Print(context, parse.GetValue(versionsFormat)!));
        var imagesFormat = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (tables), list (each image, and the mirror reference to copy it to, for skopeo copy or crane copy), lock (an imgpkg ImagesLock) or json (images, charts and sources).",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong(ImagesCommand.Formats);
        var images = new Command("images", "List every image (registry, repository, tag, digest), chart, kustomization, bundle and file the stack pulls, so that a site without internet fills its mirrors first.") { stack, projectDir, imagesFormat };
        images.SetAction(parse => ImagesCommand.Run(context, parse.GetValue(stack)!, parse.GetValue(projectDir), parse.GetValue(imagesFormat)!));
        var code = new Argument<string?>("CODE") { Description = "An error code such as MLOPS0301, as errors print it. Without one: every code.", Arity = ArgumentArity.ZeroOrOne };
        var explain = new Command("explain", "Print the rule behind an error code, or list every code with its key and rule.") { code };
        explain.SetAction(parse => ErrorCatalogue.Explain(context, parse.GetValue(code)));

        return new RootCommand(
            "infractl: offline checks and plans for the MLOps platform on vSphere. Needs no Pulumi, vCenter or cluster. "
            + ExitCodeHelp + Examples)
        {
            ShowTrace,
            validate,
            plan,
            render,
            graph,
            diff,
            images,
            stacks,
            stackCommand,
            versions,
            explain,
        };
    }

    private static int Validate(CliContext context, string stack, string? projectDir)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir);
        if (config is null)
        {
            return exit;
        }

        var options = config.Options;
        context.Console.WriteLine(
            $"{config.Source} is valid: environment {options.Environment}, maturity {Model.Configuration.ConfigSchema.ChoiceName(options.Maturity!.Value)}, "
            + $"layers {Model.Configuration.ConfigSchema.ChoiceName(options.EffectiveLayers)}.");
        foreach (var advisory in config.Advisories)
        {
            context.Out.WriteLine($"advisory: {ConfigKeyPath.ForStack(advisory, stack)}");
        }

        return ExitCodes.Ok;
    }

    private static int Render(CliContext context, string stack, string? projectDir, string output, bool force)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir, allowUnsetSecrets: true);
        if (config is null)
        {
            return exit;
        }

        var files = StackRenderer.Render(StackPlanner.Plan(stack, config.Options));
        foreach (var path in RenderFolder.Write(Path.GetFullPath(output, context.WorkingDirectory), files, force))
        {
            var relative = Path.GetRelativePath(context.WorkingDirectory, path);
            context.Out.WriteLine(relative.StartsWith("..", StringComparison.Ordinal) ? path : relative);
        }

        return ExitCodes.Ok;
    }

    private static int Diff(CliContext context, IRevisionPlans revisions, string stack, string? projectDir, string? baseRevision, string? against, string format, bool exitCode, (int MaxLength, string? FullOut) comment)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir, allowUnsetSecrets: true);
        if (config is null)
        {
            return exit;
        }

        var after = StackPlanner.Plan(stack, config.Options);
        Plan before;
        string beforeLabel;
        if (against is not null)
        {
            var (other, otherExit) = StackLoader.Load(context, against, projectDir, allowUnsetSecrets: true, option: "--against");
            if (other is null)
            {
                return otherExit;
            }

            before = StackPlanner.Plan(against, other.Options);
            beforeLabel = $"stack {against}";
        }
        else
        {
            // A revision that cannot be planned ends at the command boundary, with the RevisionException's exit code.
            before = revisions.PlanAt(ProjectLocator.FindProject(context.WorkingDirectory, projectDir)!, stack, baseRevision!);
            beforeLabel = baseRevision!;
        }

        var afterLabel = against is not null ? $"stack {stack}" : "working tree";
        var result = PlanDiff.Of(before, after);
        context.Out.Write(format switch
        {
            "json" => PlanDiffRenderer.Json(result, beforeLabel, afterLabel),
            "markdown" => Comment(context, result, beforeLabel, afterLabel, comment.MaxLength, comment.FullOut),
            _ => PlanDiffRenderer.Text(result, beforeLabel, afterLabel),
        });
        return !exitCode ? ExitCodes.Ok : !result.DataLoss.IsEmpty ? ExitCodes.DataLoss : result.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
    }

    // The markdown comment within its limit, and the whole of it in the --full-out file where asked for.
    private static string Comment(CliContext context, PlanDiff result, string beforeLabel, string afterLabel, int maxLength, string? fullOut)
    {
        if (fullOut is not null)
        {
            var path = Path.GetFullPath(fullOut, context.WorkingDirectory);
            try
            {
                File.WriteAllText(path, PlanDiffRenderer.Markdown(result, beforeLabel, afterLabel));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--full-out {path} could not be written: {ex.Message}", ExitCodes.Usage, ex);
            }
        }

        return PlanDiffRenderer.Markdown(result, beforeLabel, afterLabel, maxLength, fullOut is null ? null : Path.GetFileName(fullOut));
    }

    // What a teams stack does not take from its platform's stack: the platform's own teams, its layers' stack
    // references, the vSphere placement and storage tiers it registers nothing in, and what holds a credential the
    // teams stack must not hold and never reads: the backups' keys, the vCenter connection, the GPU Operator's
    // licence and pull secret, the Supervisor's kubeconfig, the monitoring's remote write and alert mail, Dex's
    // connectors' secrets.
    private static readonly string[] TeamsStackDrops =
    [
        "mlops:teams", "mlops:platform.backup", "mlops:foundationStack", "mlops:teamStacks", "mlops:layers", "vsphere:", "mlops:vsphere", "mlops:storage",
        "mlops:gpu.operator", "mlops:tanzu.supervisorKubeconfig", "mlops:platform.monitoring.remoteWrite", "mlops:platform.monitoring.alerts",
        "mlops:platform.kubeflow.gitlabSignIn", "mlops:platform.kubeflow.oidcSignIn", "mlops:platform.kubeflow.ldapSignIn",
    ];

    private static int StackNew(CliContext context, string name, string from, string[] sets, string? projectDir, bool force, string? teamsOf)
    {
        var overrides = new List<(string Key, string Value)>();
        if (teamsOf is not null)
        {
            overrides.Add(("mlops:layers", "teams"));
            overrides.Add(("mlops:platformStack", teamsOf));
        }

        foreach (var set in sets)
        {
            var equals = set.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                context.Error.WriteLine($"error: --set '{set}' is not key=value, such as --set mlops:environment=qa.");
                return ExitCodes.Usage;
            }

            overrides.Add((set[..equals], set[(equals + 1)..]));
        }

        var project = ProjectLocator.FindProject(context.WorkingDirectory, projectDir);
        if (project is null)
        {
            context.Error.WriteLine($"error: No {ProjectLocator.ProjectFile} in {context.WorkingDirectory} or any folder above it. Run infractl inside the project, or pass --project-dir <folder>.");
            return ExitCodes.Usage;
        }

        var sourcePath = Path.Combine(project, StackConfigFile.FileName(from));
        var targetName = StackConfigFile.FileName(name);
        var targetPath = Path.Combine(project, targetName);
        if (!File.Exists(sourcePath))
        {
            context.Error.WriteLine($"error: No stack file {StackConfigFile.FileName(from)} in {project} (it has stacks {string.Join(", ", ProjectLocator.Stacks(project))}). Pass --from <stack>.");
            return ExitCodes.Usage;
        }

        if (File.Exists(targetPath) && !force)
        {
            context.Error.WriteLine($"error: {targetName} exists. Pass --force to overwrite it, or choose another name.");
            return ExitCodes.Usage;
        }

        // The source is read and parsed once; a file that is not a stack file ends at the command boundary (exit 2).
        var sourceText = StackYaml.ReadFile(sourcePath);
        var sourceFile = StackConfigFile.Parse(StackConfigFile.FileName(from), from, sourceText, sourcePath);
        var header = $"""
            Stack {name}, cloned from {StackConfigFile.FileName(from)} by 'infractl stack new {name} --from {from}{(teamsOf is null ? string.Empty : $" --teams-of {teamsOf}")}'.
            Check it offline with `dotnet run --project cli -- validate --stack {name}`;
            see every key in README.md, "Configuration reference".

            Secrets are not copied: after 'pulumi stack init {name}', set each one that
            `validate --stack {name}` names with 'pulumi config set --stack {name} --secret ...'.
            """;
        var clone = StackFileCloner.Clone(StackConfigFile.FileName(from), sourceText, overrides, header, teamsOf is null ? null : TeamsStackDrops);

        if (!clone.Errors.IsEmpty)
        {
            foreach (var error in clone.Errors)
            {
                context.Error.WriteLine($"error: {ConfigKeyPath.ForStack(error, name)}");
            }

            return ExitCodes.Usage;
        }

        // A secret the overrides call for (a restore's keys) is set after 'pulumi stack init', as the copied ones are.
        var snapshot = StackConfigFile.Parse(targetName, name, clone.ValidationText).Snapshot;
        var loaded = PlatformConfiguration.Load(snapshot);
        var required = PlatformConfiguration.OnlyUnsetSecrets(loaded, snapshot);
        if (!required.IsEmpty)
        {
            loaded = PlatformConfiguration.Load(snapshot.WithSecrets(required));
        }

        string[] secretKeys = [.. clone.SecretKeys, .. required.Select(ConfigKeyPath.ToPulumi).Where(k => !clone.SecretKeys.Contains(k, StringComparer.Ordinal))];
        if (!loaded.IsValid)
        {
            context.Error.WriteLine($"{targetName} would have {loaded.Errors.Length} error{(loaded.Errors.Length == 1 ? string.Empty : "s")}, so it was not written:");
            foreach (var error in loaded.Errors)
            {
                context.Error.WriteLine($"  - {ConfigKeyPath.ForStack(error.Text, name)}");
            }

            return ExitCodes.InvalidConfig;
        }

        try
        {
            File.WriteAllText(targetPath, clone.Text);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{targetName} could not be written in {project}: {ex.Message} Check that you may write there and that the disk has room.", ExitCodes.Usage, ex);
        }

        context.Out.WriteLine(secretKeys.Length == 0
            ? $"Wrote {targetName} from {StackConfigFile.FileName(from)}; it is valid."
            : $"Wrote {targetName} from {StackConfigFile.FileName(from)}; it is valid once its {secretKeys.Length} secret{(secretKeys.Length == 1 ? " is" : "s are")} set. Until then 'plan', 'diff' and 'render' show where they go, and 'validate' names them.");
        var source = PlatformConfiguration.Load(sourceFile.Snapshot);
        if (teamsOf is null && source.Options.Environment == loaded.Options.Environment)
        {
            context.Out.WriteLine($"note: mlops:environment is still '{loaded.Options.Environment}', as in {StackConfigFile.FileName(from)}, so resource names would clash in the same vCenter. Change it with '{ConfigKeyPath.SetCommandForKey("mlops:environment", "<name>", stack: name)}'.");
        }
        else if (source.IsValid
            && Model.Vsphere.VcenterNames.Clashes(StackPlanner.Plan(name, loaded.Options), StackPlanner.Plan(from, source.Options)) is { Count: > 0 } clashes)
        {
            var settings = string.Join(", ", clashes.Select(c => c.Setting).Distinct(StringComparer.Ordinal));
            context.Out.WriteLine($"note: {targetName} and {StackConfigFile.FileName(from)} would both create {string.Join(", ", clashes)} in one vCenter, and either stack's destroy would delete it under the other. Give the new stack its own: {settings}.");
        }

        if (secretKeys.Length > 0)
        {
            context.Out.WriteLine($"Secrets are not copied. After 'pulumi stack init {name}', set {(secretKeys.Length == 1 ? "it" : "them")}:");
            foreach (var key in secretKeys)
            {
                context.Out.WriteLine($"  {ConfigKeyPath.SetCommandForKey(key, "<value>", secret: true, stack: name)}");
            }
        }

        return ExitCodes.Ok;
    }

    private static int Stacks(CliContext context, string? projectDir, string format)
    {
        var project = ProjectLocator.FindProject(context.WorkingDirectory, projectDir)
            ?? throw new CliException($"No {ProjectLocator.ProjectFile} in {(projectDir is null ? $"{context.WorkingDirectory} or any folder above it" : Path.GetFullPath(projectDir, context.WorkingDirectory))}. Run infractl inside the project, or pass --project-dir <folder>.");
        var catalog = StackCatalog.Of(project);
        context.Out.Write(format switch
        {
            "json" => StackCatalog.Json(catalog),
            "github" => StackCatalog.Github(catalog),
            "gitlab-ci" => StackCatalog.GitlabPipeline(catalog),
            _ => StackCatalog.Text(catalog),
        });
        return ExitCodes.Ok;
    }

    private static int Graph(CliContext context, string stack, string? projectDir, string format, (string? Component, bool All, string? Out) what)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir, allowUnsetSecrets: true);
        if (config is null)
        {
            return exit;
        }

        var plan = StackPlanner.Plan(stack, config.Options);
        var dot = format != "mermaid";
        string text;
        if (what.Component is { } component)
        {
            var inside = PlanGraphText.Within(plan, component)
                ?? throw new CliException($"--component '{component}' is not a component of stack {stack}. Its components: {string.Join(", ", plan.Nodes.Where(n => n.Kind == PlanNodeKind.Component).Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}.");
            text = dot ? PlanGraphText.Dot(plan, inside) : PlanGraphText.Mermaid(plan, only: inside);
        }
        else
        {
            text = what.All ? (dot ? PlanGraphText.Dot(plan) : PlanGraphText.Mermaid(plan)) : PlanGraphText.Overview(plan, dot);
        }

        if (format is "mermaid" or "dot")
        {
            context.Out.Write(text);
            return ExitCodes.Ok;
        }

        var image = Path.GetFullPath(what.Out ?? $"graph.{format}", context.WorkingDirectory);
        GraphvizImage.Draw(text, format, image);
        context.Out.WriteLine(Path.GetRelativePath(context.WorkingDirectory, image));
        return ExitCodes.Ok;
    }

    private static int PlanCommand(CliContext context, string stack, string? projectDir, string format, string? component, int? depth)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir, allowUnsetSecrets: true);
        if (config is null)
        {
            return exit;
        }

        var plan = StackPlanner.Plan(stack, config.Options);
        if (format == "json")
        {
            context.Out.Flush();
            using var output = new Output.TextWriterStream(context.Out);
            PlanJson.Write(plan, output);
        }
        else
        {
            try
            {
                PlanTextRenderer.Render(context.Console, plan, component, depth);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }
        }

        return ExitCodes.Ok;
    }
}
