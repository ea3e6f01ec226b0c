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

    [GeneratedRegex("\\A[^/\\s]+/[^/\\s]+/[^/\\s]+\\z")]
    private static partial Regex StackReferencePattern();
}
