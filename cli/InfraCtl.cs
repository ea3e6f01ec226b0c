using System.CommandLine;
using Spectre.Console;
using Infra.Cli.Output;
using Infra.Model.Planning;
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

        return new RootCommand(
            "infractl: offline checks and plans for the MLOps platform on vSphere. Needs no Pulumi, vCenter or cluster. "
            + ExitCodeHelp)
        {
            validate,
            plan,
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
