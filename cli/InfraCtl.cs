using System.CommandLine;
using Spectre.Console;
using Infra.Cli.Output;
using Infra.Model.Planning;
using Infra.Model.Rendering;
using Infra.Model.Stacks;

namespace Infra.Cli;

/// <summary>The <c>infractl</c> command line: offline validate and plan of a stack's configuration.</summary>
internal static class InfraCtl
{
    private const string ExitCodeHelp = "Exit codes: 0 ok, 1 usage error, 2 invalid configuration.";

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, CliContext context)
    {
        var root = Build(context);
        return root.Parse(args).Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
    }

    private static RootCommand Build(CliContext context)
    {
        var stack = new Option<string>("--stack", "-s")
        {
            Description = "The stack whose Pulumi.<stack>.yaml to read.",
            DefaultValueFactory = _ => "dev",
        };
        var projectDir = new Option<string?>("--project-dir", "-C")
        {
            Description = "The folder holding Pulumi.yaml. Default: the nearest one from the working directory upward.",
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (a tree and tables) or json (for CI; see docs/plan-json.md).",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json");

        var validate = new Command("validate", $"Bind and check a stack's configuration offline; print every error. {ExitCodeHelp}") { stack, projectDir };
        validate.SetAction(parse => Validate(context, parse.GetValue(stack)!, parse.GetValue(projectDir)));

        var plan = new Command("plan", $"Print what 'pulumi up' would register for a stack, offline. {ExitCodeHelp}") { stack, projectDir, format };
        plan.SetAction(parse => PlanCommand(context, parse.GetValue(stack)!, parse.GetValue(projectDir), parse.GetValue(format)!));

        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write the files to (created if missing).",
            Required = true,
        };
        var render = new Command("render", $"Write what a stack deploys as reviewable files: the cluster manifest, StorageClasses and Helm values. Secrets appear only as Secret names. {ExitCodeHelp}") { stack, projectDir, output };
        render.SetAction(parse => Render(context, parse.GetValue(stack)!, parse.GetValue(projectDir), parse.GetValue(output)!));

        return new RootCommand(
            "infractl: offline checks and plans for the MLOps platform on vSphere. Needs no Pulumi, vCenter or cluster. "
            + ExitCodeHelp)
        {
            validate,
            plan,
            render,
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
        return ExitCodes.Ok;
    }

    private static int Render(CliContext context, string stack, string? projectDir, string output)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir);
        if (config is null)
        {
            return exit;
        }

        var folder = Path.GetFullPath(output, context.WorkingDirectory);
        var files = StackRenderer.Render(config.Options);
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
            var relative = Path.GetRelativePath(context.WorkingDirectory, path);
            context.Out.WriteLine(relative.StartsWith("..", StringComparison.Ordinal) ? path : relative);
        }

        return ExitCodes.Ok;
    }

    private static int PlanCommand(CliContext context, string stack, string? projectDir, string format)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir);
        if (config is null)
        {
            return exit;
        }

        var plan = StackPlanner.Plan(stack, config.Options);
        if (format == "json")
        {
            context.Out.Write(PlanJson.Write(plan));
        }
        else
        {
            PlanTextRenderer.Render(context.Console, plan);
        }

        return ExitCodes.Ok;
    }
}
