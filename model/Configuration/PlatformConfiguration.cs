using System.Collections.Immutable;
using Infra.Model.Options;

namespace Infra.Model.Configuration;

/// <summary>
/// Binds and validates a stack's configuration, from whichever source: the one path by which offline tools and
/// the Pulumi program get their options.
/// </summary>
public static class PlatformConfiguration
{
    /// <summary>The config namespace this project owns (the Pulumi project's name).</summary>
    public const string Namespace = "mlops";

    /// <summary>The vSphere provider's config namespace.</summary>
    public const string VsphereNamespace = "vsphere";

    /// <summary>The schema of the <c>mlops</c> namespace: unknown keys are errors.</summary>
    public static ConfigSchema PlatformSchema { get; } = new(Namespace, typeof(PlatformOptions));

    /// <summary>The schema of the provider's <c>vsphere</c> keys this project checks; the provider's other keys pass.</summary>
    public static ConfigSchema VsphereSchema { get; } = new(VsphereNamespace, typeof(VsphereConnectionOptions), rejectUnknownKeys: false);

    /// <summary>Every namespace read.</summary>
    public static IReadOnlyList<ConfigSchema> Schemas { get; } = [PlatformSchema, VsphereSchema];

    /// <summary>
    /// The namespaces a stack of this project may set: its own, its providers' (vSphere, Kubernetes, Random) and
    /// Pulumi's. Any other is a misspelling (<c>mlopz:teams</c>) that nothing would read.
    /// </summary>
    public static IReadOnlyList<string> Namespaces { get; } = [Namespace, VsphereNamespace, "kubernetes", "random", "pulumi"];

    /// <summary>Binds and validates; collects every error instead of stopping at the first.</summary>
    public static LoadedConfig Load(ConfigSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var errors = new List<ConfigError>(snapshot.Problems);
        var rejected = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in snapshot.TopLevelKeys())
        {
            var ns = key[..key.IndexOf(':', StringComparison.Ordinal)];
            if (!Namespaces.Contains(ns, StringComparer.Ordinal))
            {
                var closest = Suggestions.Closest(ns, Namespaces);
                var didYouMean = closest is null ? string.Empty : $" Did you mean '{closest}{key[ns.Length..]}'?";
                errors.Add(new ConfigError(CommonErrors.UnknownNamespace, key, $"{key} is in the namespace '{ns}', which this project does not read (it reads {string.Join(", ", Namespaces)}).{didYouMean} Remove it with 'pulumi config rm {key}'."));
                rejected.Add(key);
            }
        }

        foreach (var schema in Schemas)
        {
            var (schemaErrors, schemaRejected) = schema.Check(snapshot);
            errors.AddRange(schemaErrors);
            rejected.UnionWith(schemaRejected);
        }

        var accepted = snapshot.Accepted(rejected);
        var options = (PlatformOptions?)PlatformSchema.Bind(accepted) ?? new PlatformOptions();
        var connection = (VsphereConnectionOptions?)VsphereSchema.Bind(accepted) ?? new VsphereConnectionOptions();

        errors.AddRange(PlatformOptionsValidator.Validate(options, connection, rejected));
        return new LoadedConfig(snapshot.Source, options, connection, [.. errors])
        {
            Notices = Notices(options),
            Advisories = errors.Count == 0 && Stacks.Compatibility.Notice(options) is { } advisory ? [advisory] : [],
        };
    }

    /// <summary>
    /// The secrets a configuration lacks when they are all it lacks: every error is about a secret setting that is
    /// not set (a cloned stack before its secrets are set). Empty when the configuration is valid or has other errors.
    /// </summary>
    public static ImmutableArray<string> OnlyUnsetSecrets(LoadedConfig loaded, ConfigSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(snapshot);
        var paths = loaded.Errors.Select(e => ConfigKeyPath.FromPulumi(e.Key)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var unset = loaded.Errors.All(e => e.Message.Contains(" is required", StringComparison.Ordinal))
            && paths.All(p => Schemas.Any(s => s.IsSecretPath(p)) && string.IsNullOrEmpty(snapshot.Value(p)));
        return unset ? [.. paths] : [];
    }

    private static ImmutableArray<string> Notices(PlatformOptions options)
    {
        var notices = ImmutableArray.CreateBuilder<string>();
        if (options.DeploysFoundation && options.Tanzu?.Supervisor?.IsEnabled == true && options.Tanzu.SupervisorKubeconfig is null)
        {
            notices.Add("mlops:tanzu.supervisorKubeconfig is not set yet: this run enables the Supervisor and creates the vSphere Namespace; the workload cluster, its StorageClasses and the GPU Operator follow once you log in to the new Supervisor (kubectl vsphere login) and set it with 'pulumi config set --secret --path mlops:tanzu.supervisorKubeconfig \"$(cat supervisor.kubeconfig)\"'.");
        }

        // Quotas are promises: GPUs promised to teams beyond what the GPU node pools hold cannot all be kept at once.
        var quotas = (options.Teams ?? []).Where(t => t.GpuQuota is > 0).ToArray();
        if (quotas.Length > 0 && options.DeploysFoundation && options.Gpu?.EffectiveMode == GpuMode.Vgpu)
        {
            var promised = quotas.Sum(t => (long)t.GpuQuota!.Value);
            var held = Gpu.GpuSpec.VgpuDemand(options);
            if (promised > held)
            {
                notices.Add($"mlops:teams promise {promised} GPUs in all ({string.Join(", ", quotas.Select(t => $"{t.Name} {t.GpuQuota}"))}), but the GPU node pools hold {held} (one vGPU per node), so not every team can use its quota at once. Lower mlops:teams[].gpuQuota, or add GPU nodes with mlops:tanzu.nodePools[].replicas.");
            }
        }

        return notices.ToImmutable();
    }
}
