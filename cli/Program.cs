using Infra.Cli;

return InfraCtl.Run(args, new CliContext(Environment.CurrentDirectory, Console.Out, Console.Error));
