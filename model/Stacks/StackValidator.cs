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

        StackReference(
            options.EffectiveLayers == DeploymentLayers.Platform, options.FoundationStack, "mlops:foundationStack", "platform",
            "a platform-only stack reads the cluster's kubeconfig from its foundation stack",
            "only a platform-only stack (mlops:layers 'platform') reads a foundation stack; this one deploys its own foundation",
            (StackErrors.FoundationStackRequired, StackErrors.FoundationStackUnused, StackErrors.FoundationStackShape),
            errors);
        StackReference(
            options.IsTeamsStack, options.PlatformStack, "mlops:platformStack", "teams",
            "a teams stack reads the cluster's kubeconfig and the platform's tenancy from the platform stack its teams live on",
            "only a teams stack (mlops:layers 'teams') reads a platform stack",
            (StackErrors.PlatformStackRequired, StackErrors.PlatformStackUnused, StackErrors.PlatformStackShape),
            errors);
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

    // Another stack's reference: required in the layer that reads it, and only there, as '<organization>/<project>/<stack>'.
    private static void StackReference(bool reads, string? reference, string key, string layer, string why, string onlyThere, (ErrorCode Required, ErrorCode Unused, ErrorCode Shape) codes, ConfigErrors errors)
    {
        if (reads && string.IsNullOrEmpty(reference))
        {
            errors.Fail(codes.Required, key, $"is required when mlops:layers is '{layer}': {why}. Set it with 'pulumi config set {key} <organization>/<project>/<stack>'.");
        }
        else if (reference is { Length: > 0 } set && !reads)
        {
            errors.Fail(codes.Unused, key, $"'{set}' is set, but {onlyThere}. Remove it with 'pulumi config rm {key}', or set 'pulumi config set mlops:layers {layer}'.");
        }
        else if (reference is { Length: > 0 } stack && !StackReferencePattern().IsMatch(stack))
        {
            errors.Fail(codes.Shape, key, $"'{stack}' is not a stack reference: it must be '<organization>/<project>/<stack>'. Set it with 'pulumi config set {key} <organization>/<project>/<stack>'.");
        }
    }

    [GeneratedRegex("\\A[^/\\s]+/[^/\\s]+/[^/\\s]+\\z")]
    private static partial Regex StackReferencePattern();
}
