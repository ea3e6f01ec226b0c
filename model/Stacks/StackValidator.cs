using System.Text.RegularExpressions;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Stacks;

/// <summary>The rules of the stack as a whole: environment, layers, each service's block, and what the maturity level needs.</summary>
public static partial class StackValidator
{
    /// <summary>The longest environment name: it prefixes resource names.</summary>
    public const int MaxEnvironmentLength = 20;

    /// <summary>Checks the stack-wide settings of <paramref name="options"/>.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.Environment is { Length: > 0 } environment && !ValueRules.IsDnsLabel(environment, MaxEnvironmentLength))
        {
            errors.Fail(StackErrors.Environment, "mlops:environment", $"'{environment}' is not a valid environment name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most {MaxEnvironmentLength} characters, because it prefixes resource names. Set it with 'pulumi config set mlops:environment dev'.");
        }

        if (options.EffectiveLayers == DeploymentLayers.Platform && string.IsNullOrEmpty(options.FoundationStack))
        {
            errors.Fail(StackErrors.FoundationStackRequired, "mlops:foundationStack", "is required when mlops:layers is 'platform': a platform-only stack reads the cluster's kubeconfig from its foundation stack. Set it with 'pulumi config set mlops:foundationStack <organization>/<project>/<stack>'.");
        }
        else if (options.FoundationStack is { Length: > 0 } reference && options.EffectiveLayers != DeploymentLayers.Platform)
        {
            errors.Fail(StackErrors.FoundationStackUnused, "mlops:foundationStack", $"'{reference}' is set, but only a platform-only stack (mlops:layers 'platform') reads a foundation stack; this one deploys its own foundation. Remove it with 'pulumi config rm mlops:foundationStack', or set 'pulumi config set mlops:layers platform'.");
        }
        else if (options.FoundationStack is { Length: > 0 } stack && !StackReferencePattern().IsMatch(stack))
        {
            errors.Fail(StackErrors.FoundationStackShape, "mlops:foundationStack", $"'{stack}' is not a stack reference: it must be '<organization>/<project>/<stack>'. Set it with 'pulumi config set mlops:foundationStack <organization>/<project>/<stack>'.");
        }

        StackReference(options.IsTeamsStack, options.PlatformStack, "mlops:platformStack", StackErrors.PlatformStackRequired, StackErrors.PlatformStackUnused, StackErrors.PlatformStackShape, errors);
        if (options.TeamStacks == true && !options.DeploysPlatform)
        {
            errors.Fail(StackErrors.TeamStacksWithoutPlatform, "mlops:teamStacks", $"is true, but this stack (mlops:layers '{ConfigSchema.ChoiceName(options.EffectiveLayers)}') deploys no platform for teams stacks to hold teams on. Set it on the stack that deploys the platform, and remove it here with 'pulumi config rm mlops:teamStacks'.");
        }

        foreach (var service in Technologies.Services)
        {
            if (service.BlockOf(options.Platform) is not { } block)
            {
                continue;
            }

            var path = $"mlops:platform:{service.Key}";
            var sizing = block.Sizing;
            errors.AtLeastOne(StackErrors.ServiceReplicas, $"{path}:replicas", sizing.Replicas, $"a service runs at least 1 replica; disable it with mlops:platform.{service.Key}.enabled instead");

            errors.Quantity($"{path}:cpu", sizing.Cpu, "500m");
            errors.Quantity($"{path}:memory", sizing.Memory, "4Gi");
            errors.Quantity($"{path}:storage", sizing.Storage, "100Gi");
        }

        if (options.Maturity is not { } level)
        {
            return;
        }

        foreach (var service in PlatformServices.NeededAt(level))
        {
            if (service.BlockOf(options.Platform)?.Enabled == false && !options.IsReplaced(service))
            {
                errors.Fail(StackErrors.ServiceNeeded, $"mlops:platform:{service.Key}:enabled", $"is false, but maturity {ConfigSchema.ChoiceName(level)} needs {service.Name} for {service.Role}. Enable it with 'pulumi config set --path mlops:platform.{service.Key}.enabled true', or lower mlops:maturity.");
            }
        }
    }

    // A platform stack's reference: required in a teams stack, and only there, as '<organization>/<project>/<stack>'.
    private static void StackReference(bool reads, string? reference, string key, ErrorCode required, ErrorCode unused, ErrorCode shape, ConfigErrors errors)
    {
        if (reads && string.IsNullOrEmpty(reference))
        {
            errors.Fail(required, key, $"is required when mlops:layers is 'teams': a teams stack reads the cluster's kubeconfig and the platform's tenancy from the platform stack its teams live on. Set it with 'pulumi config set {key} <organization>/<project>/<stack>'.");
        }
        else if (reference is { Length: > 0 } set && !reads)
        {
            errors.Fail(unused, key, $"'{set}' is set, but only a teams stack (mlops:layers 'teams') reads a platform stack. Remove it with 'pulumi config rm {key}', or set 'pulumi config set mlops:layers teams'.");
        }
        else if (reference is { Length: > 0 } stack && !StackReferencePattern().IsMatch(stack))
        {
            errors.Fail(shape, key, $"'{stack}' is not a stack reference: it must be '<organization>/<project>/<stack>'. Set it with 'pulumi config set {key} <organization>/<project>/<stack>'.");
        }
    }

    [GeneratedRegex("\\A[^/\\s]+/[^/\\s]+/[^/\\s]+\\z")]
    private static partial Regex StackReferencePattern();
}
