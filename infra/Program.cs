using Infra.Components.Configuration;
using Infra.Stacks;
using Pulumi;

// The Pulumi program: the same binding and validation as 'infractl validate', then the stacks.
return await Deployment.RunAsync(() => StackComposer.Deploy(PulumiConfigReader.LoadValid().Options, new PulumiConfigSecrets()));
