using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Kubernetes;

/// <summary>The rules of the registry mirror and the ingress that all the platform's services share.</summary>
public static class KubernetesValidator
{
    /// <summary>Checks the registry and ingress settings of <paramref name="options"/>.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.Platform?.Registry is { Length: > 0 } registry && (registry.Contains("://", StringComparison.Ordinal) || registry.EndsWith('/') || registry.Any(char.IsWhiteSpace)))
        {
            errors.Fail(KubernetesErrors.Registry, "mlops:platform:registry", $"'{registry}' is not a registry mirror: write the host and optional path without a scheme or a trailing '/', such as 'harbor.example.com/mirror'. Set it with 'pulumi config set --path mlops:platform.registry <host/path>'.");
        }

        if (options.Platform?.Ingress is { } ingress)
        {
            Ingress(ingress, errors);
        }
    }

    private static void Ingress(IngressOptions ingress, ConfigErrors errors)
    {
        if (ingress.Domain is { Length: > 0 } domain && !ValueRules.IsDomain(domain))
        {
            errors.Fail(KubernetesErrors.Domain, "mlops:platform:ingress:domain", $"'{domain}' is not a DNS domain: write lowercase labels of letters, digits and '-' joined by dots, such as 'mlops.example.com'. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.");
        }

        if (ingress.Domain is not { Length: > 0 } && (ingress.ClassName is not null || ingress.ClusterIssuer is not null))
        {
            errors.Fail(KubernetesErrors.DomainRequired, "mlops:platform:ingress:domain", "is required when mlops:platform.ingress sets className or clusterIssuer: the services' hosts are <service>.<domain>. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.");
        }

        foreach (var (key, value) in new[] { ("className", ingress.ClassName), ("clusterIssuer", ingress.ClusterIssuer) })
        {
            if (value is not null && !ValueRules.IsDnsLabel(value))
            {
                errors.Fail(KubernetesErrors.ObjectName, $"mlops:platform:ingress:{key}", $"'{value}' is not a Kubernetes object name: write lowercase letters, digits and '-'. Set it with 'pulumi config set --path mlops:platform.ingress.{key} <name>'.");
            }
        }
    }
}
