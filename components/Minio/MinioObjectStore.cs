using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Kubernetes;
using Infra.Model.Minio;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Minio;

/// <summary>
/// The platform's object store on MinIO (<c>infra:ml:ObjectStore</c>): the operator, a tenant with the buckets and a
/// user per consuming service (generated credentials in Secrets), and the job that gives each user a policy over
/// its own buckets only and keeps every bucket private.
/// </summary>
public sealed class MinioObjectStore : InfraComponent
{
    /// <summary>Registers the object store.</summary>
    public MinioObjectStore(string name, MinioObjectStoreArgs args, ComponentResourceOptions? options = null)
        : base(MinioPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;
        var provider = args.Provider;

        var operatorNs = Namespaces.Create(MinioSpec.OperatorNamespace, On(provider));
        var operatorRelease = HelmReleases.Create(MinioPlanner.OperatorRelease, MinioVersions.Operator, MinioSpec.OperatorNamespace, spec.OperatorValues(), KubernetesNodes.ReleaseTimeoutSeconds,
            On(provider, operatorNs));

        var ns = Namespaces.Create(MinioSpec.Namespace, On(provider));
        var rootPassword = GeneratedPassword(MinioPlanner.RootPassword);
        var rootSecret = Secrets.Create(MinioSpec.RootSecret, MinioSpec.Namespace, null,
            [(MinioSpec.RootConfigKey, Output.CreateSecret(rootPassword.Result.Apply(MinioSpec.RootConfig)))], On(provider, ns, rootPassword));

        var tenantDependencies = new List<Resource> { operatorRelease, rootSecret };
        var passwords = ImmutableDictionary.CreateBuilder<string, Output<string>>(StringComparer.Ordinal);
        foreach (var identity in spec.Store.Identities)
        {
            var password = GeneratedPassword(MinioPlanner.UserPassword(identity.Name));
            passwords[identity.Name] = Output.CreateSecret(password.Result);
            tenantDependencies.Add(Secrets.Create(MinioSpec.UserSecret(identity), MinioSpec.Namespace, null,
                [("CONSOLE_ACCESS_KEY", identity.Name), ("CONSOLE_SECRET_KEY", password.Result)], On(provider, ns, password)));
        }

        if (args.StorageClass is { } storageClass)
        {
            tenantDependencies.Add(storageClass);
        }

        var tenant = HelmReleases.Create(MinioPlanner.TenantRelease, MinioVersions.Tenant, MinioSpec.Namespace, spec.TenantValues(), KubernetesNodes.ReleaseTimeoutSeconds,
            new CustomResourceOptions { Parent = this, Provider = provider, DependsOn = [.. tenantDependencies], Protect = spec.Protect });

        var policies = ConfigMaps.Create(MinioSpec.PoliciesConfigMap, MinioSpec.Namespace, spec.PolicyFiles().Select(f => (f.Key, f.Value)), On(provider, ns));

        IdentityPasswords = passwords.ToImmutable();
        var job = spec.PolicyJob();
        PolicyJob = new K8s.ApiExtensions.CustomResource(spec.PolicyJobName(), ManifestArgs.From(job), On(provider, tenant, policies));

        Endpoint = Output.Create(MinioSpec.Endpoint);
        ConsoleUrl = Output.Create(MinioSpec.ConsoleUrl);
        RootPassword = Output.CreateSecret(rootPassword.Result);
        RegisterOutputs(new Dictionary<string, object?> { ["endpoint"] = Endpoint, ["consoleUrl"] = ConsoleUrl, ["rootPassword"] = RootPassword });
    }

    /// <summary>Each consuming service's secret key, by identity name, for the Secrets in the services' namespaces.</summary>
    public ImmutableDictionary<string, Output<string>> IdentityPasswords { get; }

    /// <summary>The job that gives the identities their policies: a service may use the store once it has run.</summary>
    public Resource PolicyJob { get; }

    /// <summary>The in-cluster S3 endpoint.</summary>
    [Output]
    public Output<string> Endpoint { get; }

    /// <summary>The tenant console's in-cluster URL.</summary>
    [Output("consoleUrl")]
    public Output<string> ConsoleUrl { get; }

    /// <summary>The tenant's root password, a secret.</summary>
    [Output]
    public Output<string> RootPassword { get; }
}
