using System.Text.RegularExpressions;
using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// The rules that hold across settings, checked after binding. Each failure names the key, quotes the value,
/// states the rule and gives the fix; a key that already failed its type or presence check is not reported twice.
/// </summary>
public sealed partial class PlatformOptionsValidator
{
    private const int MaxEnvironmentLength = 20;

    // More nodes than one workload cluster runs (vSphere's configuration maximums stop well below), so that no
    // sum of nodes, vCPUs or vGPUs over the pools can overflow.
    private const int MaxPoolNodes = 1000;

    // The largest size a setting may give (1Pi): larger than any volume, VM or quota, and small enough that every
    // size in MiB fits the 32-bit counts vSphere and the charts take.
    private const decimal MaxSize = 1024m * 1024m * 1024m * 1024m * 1024m;
    private readonly List<ConfigError> _errors = [];
    private readonly IReadOnlySet<string> _alreadyFailed;
    private readonly Dictionary<object, Dictionary<string, int>> _firstIndex = new(ReferenceEqualityComparer.Instance);

    private PlatformOptionsValidator(IReadOnlySet<string> alreadyFailed) => _alreadyFailed = alreadyFailed;

    /// <summary>Checks the bound options; <paramref name="alreadyFailed"/> holds the IConfiguration paths that failed before binding.</summary>
    public static IReadOnlyList<ConfigError> Validate(PlatformOptions options, VsphereConnectionOptions connection, IReadOnlySet<string> alreadyFailed)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(alreadyFailed);
        var validator = new PlatformOptionsValidator(alreadyFailed);
        validator.Top(options);
        if (options.DeploysFoundation)
        {
            validator.Connection(connection);
        }

        if (options.Vsphere is not null)
        {
            validator.Vsphere(options.Vsphere);
        }

        validator.Gpu(options.Gpu);
        validator.GpuDetails(options);
        validator.Foundation(options);
        validator.Storage(options.Storage);
        validator.Tanzu(options.Tanzu, options.Gpu);
        validator.Platform(options);
        validator.Teams(options.Teams);
        return validator._errors;
    }

    /// <summary>Whether a value is a Kubernetes resource quantity such as <c>500m</c>, <c>2</c> or <c>4Gi</c>.</summary>
    public static bool IsQuantity(string value) => Kubernetes.Quantity.IsValid(value);

    /// <summary>Whether a value is a DNS label (RFC 1123) of at most <paramref name="maxLength"/> characters.</summary>
    public static bool IsDnsLabel(string value, int maxLength = 63) => value.Length <= maxLength && DnsLabelPattern().IsMatch(value);

    /// <summary>Whether a value names a host: a DNS name (labels of letters, digits and '-', any case) or an IPv4 address.</summary>
    public static bool IsHostName(string value) =>
        IsIpv4(value) || (value.Length <= 253 && value.Split('.').All(label => label.Length <= 63 && HostLabelPattern().IsMatch(label)));

    [GeneratedRegex("\\A[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?\\z")]
    private static partial Regex HostLabelPattern();

    [GeneratedRegex("\\A[a-z]([-a-z0-9]*[a-z0-9])?\\z")]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("\\A[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("\\A[^/\\s]+/[^/\\s]+/[^/\\s]+\\z")]
    private static partial Regex StackReferencePattern();

    private void Top(PlatformOptions options)
    {
        if (options.Environment is { Length: > 0 } environment && !IsDnsLabel(environment, MaxEnvironmentLength))
        {
            Fail("mlops:environment", $"'{environment}' is not a valid environment name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most {MaxEnvironmentLength} characters, because it prefixes resource names. Set it with 'pulumi config set mlops:environment dev'.");
        }

        if (options.EffectiveLayers == DeploymentLayers.Platform && string.IsNullOrEmpty(options.FoundationStack))
        {
            Fail("mlops:foundationStack", "is required when mlops:layers is 'platform': a platform-only stack reads the cluster's kubeconfig from its foundation stack. Set it with 'pulumi config set mlops:foundationStack <organization>/<project>/<stack>'.");
        }
        else if (options.FoundationStack is { Length: > 0 } reference && options.EffectiveLayers != DeploymentLayers.Platform)
        {
            Fail("mlops:foundationStack", $"'{reference}' is set, but only a platform-only stack (mlops:layers 'platform') reads a foundation stack; this one deploys its own foundation. Remove it with 'pulumi config rm mlops:foundationStack', or set 'pulumi config set mlops:layers platform'.");
        }
        else if (options.FoundationStack is { Length: > 0 } stack && !StackReferencePattern().IsMatch(stack))
        {
            Fail("mlops:foundationStack", $"'{stack}' is not a stack reference: it must be '<organization>/<project>/<stack>'. Set it with 'pulumi config set mlops:foundationStack <organization>/<project>/<stack>'.");
        }
    }

    private void Connection(VsphereConnectionOptions connection)
    {
        if (string.IsNullOrEmpty(connection.Server))
        {
            Fail("vsphere:server", "is required but not set: the vCenter Server the foundation is deployed to. Set it with 'pulumi config set vsphere:server <host>'.");
        }

        if (string.IsNullOrEmpty(connection.User))
        {
            Fail("vsphere:user", "is required but not set: the vCenter user Pulumi signs in as. Set it with 'pulumi config set vsphere:user <user>'.");
        }

        if (connection.Password is null)
        {
            Fail("vsphere:password", "is required but not set: the vCenter user's password. Set it with 'pulumi config set --secret vsphere:password <password>'.");
        }
    }

    private void Vsphere(VsphereOptions vsphere)
    {
        var hasDatastore = !string.IsNullOrEmpty(vsphere.Datastore);
        var hasCluster = !string.IsNullOrEmpty(vsphere.DatastoreCluster);
        if (!hasDatastore && !hasCluster)
        {
            Fail("mlops:vsphere:datastore", "is required but not set: VM disks need a datastore, or a datastore cluster in mlops:vsphere.datastoreCluster. Set it with 'pulumi config set --path mlops:vsphere.datastore <name>'.");
        }
        else if (hasDatastore && hasCluster)
        {
            Fail("mlops:vsphere:datastoreCluster", $"'{vsphere.DatastoreCluster}' is set together with mlops:vsphere.datastore '{vsphere.Datastore}': VM disks go to one or the other. Remove one with 'pulumi config rm --path mlops:vsphere.datastoreCluster'.");
        }

        if (vsphere.Folder is { Length: > 0 } folder && (folder.StartsWith('/') || folder.EndsWith('/') || folder.Contains("//", StringComparison.Ordinal)))
        {
            Fail("mlops:vsphere:folder", $"'{folder}' is not a folder path: it is relative to the datacenter's VM folder, with no leading, trailing or double '/'. Set it with 'pulumi config set --path mlops:vsphere.folder mlops/dev'.");
        }
    }

    private void Gpu(GpuOptions? gpu)
    {
        if (gpu is null)
        {
            return;
        }

        var mode = gpu.EffectiveMode;
        var modeName = ConfigSchema.ChoiceName(mode);
        if (mode != GpuMode.None && string.IsNullOrEmpty(gpu.Model))
        {
            Fail("mlops:gpu:model", $"is required when mlops:gpu.mode is '{modeName}': the GPU model in the hosts. Set it with 'pulumi config set --path mlops:gpu.model <model>'.");
        }

        if (mode == GpuMode.Vgpu && string.IsNullOrEmpty(gpu.Profile))
        {
            Fail("mlops:gpu:profile", "is required when mlops:gpu.mode is 'vgpu': the vGPU profile that the GPU VM class gets. Set it with 'pulumi config set --path mlops:gpu.profile <profile>'.");
        }
        else if (mode != GpuMode.Vgpu && gpu.Profile is { Length: > 0 } profile)
        {
            Fail("mlops:gpu:profile", $"'{profile}' is set, but vGPU profiles apply only when mlops:gpu.mode is 'vgpu' (it is '{modeName}'). Remove it with 'pulumi config rm --path mlops:gpu.profile', or set 'pulumi config set --path mlops:gpu.mode vgpu'.");
        }

        var hosts = gpu.Hosts ?? [];
        if (mode != GpuMode.None && hosts.Count == 0)
        {
            Fail("mlops:gpu:hosts", $"is required when mlops:gpu.mode is '{modeName}': the ESXi hosts with GPUs and how many each has. Set one with 'pulumi config set --path mlops:gpu.hosts[0].name <host>' and 'pulumi config set --path mlops:gpu.hosts[0].gpus <number>'.");
        }

        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[i];
            if (host.Gpus is < 1 or > 16)
            {
                Fail($"mlops:gpu:hosts:{i}:gpus", $"'{host.Gpus}' is out of range: a host has 1 to 16 GPUs. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].gpus\" <number>'.");
            }

            if (host.Reserved is < 0 || (mode == GpuMode.Passthrough && host.Reserved > host.Gpus))
            {
                Fail($"mlops:gpu:hosts:{i}:reserved", $"'{host.Reserved}' is out of range: what other stacks take of a host is 0 to its {(mode == GpuMode.Passthrough ? $"{host.Gpus} GPUs" : "vGPUs")}. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].reserved\" <number>'.");
            }

            var others = host.SharedWith ?? [];
            for (var s = 0; s < others.Count; s++)
            {
                if (Configuration.StackName.Problem(others[s]) is { } problem)
                {
                    Fail($"mlops:gpu:hosts:{i}:sharedWith:{s}", $"'{others[s]}' {problem}. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].sharedWith[{s}]\" <stack>'.");
                }
            }

            if (host.Name is { Length: > 0 } hostName && !IsHostName(hostName))
            {
                Fail($"mlops:gpu:hosts:{i}:name", $"'{hostName}' is not an ESXi host's name: write it as vCenter lists the host, a DNS name such as esx-gpu-01.example.com or an IPv4 address. Set it with 'pulumi config set --path \"mlops:gpu.hosts[{i}].name\" <host>'.");
                continue;
            }

            var first = FirstIndex(hosts, h => h.Name, i);
            if (first < i)
            {
                Fail($"mlops:gpu:hosts:{i}:name", $"'{host.Name}' is listed twice (also mlops:gpu.hosts[{first}]): list each host once with all its GPUs. Remove one with 'pulumi config rm --path \"mlops:gpu.hosts[{i}]\"'.");
            }
        }
    }

    private void Storage(StorageOptions? storage)
    {
        if (storage is null)
        {
            return;
        }

        var tiers = storage.Tiers ?? [];
        for (var i = 0; i < tiers.Count; i++)
        {
            LabelAndUnique(tiers, t => t.Name, i, "mlops:storage:tiers", "tier");
        }

        if (storage.DefaultTier is { Length: > 0 } defaultTier && !tiers.Any(t => t.Name == defaultTier))
        {
            var known = tiers.Count == 0 ? "none are configured" : $"configured: {string.Join(", ", tiers.Select(t => t.Name))}";
            Fail("mlops:storage:defaultTier", $"'{defaultTier}' is not a configured storage tier ({known}). Set it with 'pulumi config set --path mlops:storage.defaultTier <tier>'.");
        }

        if (storage.ReclaimPolicy is { Length: > 0 } policy && policy is not ("Retain" or "Delete"))
        {
            Fail("mlops:storage:reclaimPolicy", $"'{policy}' is not a reclaim policy: it must be Retain or Delete. Set it with 'pulumi config set --path mlops:storage.reclaimPolicy Retain'.");
        }
    }

    private void Tanzu(TanzuOptions? tanzu, GpuOptions? gpu)
    {
        if (tanzu is null)
        {
            return;
        }

        if (tanzu.Namespace is { Length: > 0 } ns && !IsDnsLabel(ns))
        {
            Fail("mlops:tanzu:namespace", $"'{ns}' is not a valid vSphere Namespace name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path mlops:tanzu.namespace <name>'.");
        }

        if (tanzu.ControlPlane?.Replicas is { } replicas && replicas is not (1 or 3))
        {
            Fail("mlops:tanzu:controlPlane:replicas", $"'{replicas}' is not a valid control plane size: etcd needs 1 node (development) or 3 (highly available). Set it with 'pulumi config set --path mlops:tanzu.controlPlane.replicas 3'.");
        }

        var pools = tanzu.NodePools ?? [];
        for (var i = 0; i < pools.Count; i++)
        {
            var pool = pools[i];
            LabelAndUnique(pools, p => p.Name, i, "mlops:tanzu:nodePools", "node pool");
            if (pool.Replicas is < 1 or > MaxPoolNodes)
            {
                Fail($"mlops:tanzu:nodePools:{i}:replicas", $"'{pool.Replicas}' is out of range: a node pool has 1 to {MaxPoolNodes} nodes. Set it with 'pulumi config set --path \"mlops:tanzu.nodePools[{i}].replicas\" <number>'.");
            }

            Quantity($"mlops:tanzu:nodePools:{i}:containerdVolume", pool.ContainerdVolume, "100Gi");
            if (pool.Gpu == true && (gpu?.EffectiveMode ?? GpuMode.None) != GpuMode.Vgpu)
            {
                var mode = ConfigSchema.ChoiceName(gpu?.EffectiveMode ?? GpuMode.None);
                Fail($"mlops:tanzu:nodePools:{i}:gpu", $"is true, but mlops:gpu.mode is '{mode}': cluster nodes get GPUs only through a vGPU VM class. Set 'pulumi config set --path mlops:gpu.mode vgpu', or 'pulumi config set --path \"mlops:tanzu.nodePools[{i}].gpu\" false'.");
            }
        }
    }

    private void Platform(PlatformOptions options)
    {
        if (options.Platform?.Registry is { Length: > 0 } registry && (registry.Contains("://", StringComparison.Ordinal) || registry.EndsWith('/') || registry.Any(char.IsWhiteSpace)))
        {
            Fail("mlops:platform:registry", $"'{registry}' is not a registry mirror: write the host and optional path without a scheme or a trailing '/', such as 'harbor.example.com/mirror'. Set it with 'pulumi config set --path mlops:platform.registry <host/path>'.");
        }

        foreach (var service in Enum.GetValues<PlatformService>())
        {
            var block = options.Platform.Block(service);
            var name = ConfigSchema.ChoiceName(service);
            var path = $"mlops:platform:{name}";
            if (block is null)
            {
                continue;
            }

            if (block.Replicas is < 1)
            {
                Fail($"{path}:replicas", $"'{block.Replicas}' is out of range: a service runs at least 1 replica; disable it with mlops:platform.{name}.enabled instead. Set it with 'pulumi config set --path mlops:platform.{name}.replicas <number>'.");
            }

            Quantity($"{path}:cpu", block.Cpu, "500m");
            Quantity($"{path}:memory", block.Memory, "4Gi");
            Quantity($"{path}:storage", block.Storage, "100Gi");
        }

        Ingress(options.Platform?.Ingress);
        DataStore("postgres", "PostgreSQL runs at least 1 instance", options.Platform?.Postgres?.Replicas, options.Platform?.Postgres?.Storage, null);
        DataStore("redis", "Redis runs at least 1 instance", options.Platform?.Redis?.Replicas, options.Platform?.Redis?.Storage, options.Platform?.Redis?.Memory);

        var external = options.Platform?.ObjectStore;
        foreach (var (service, keeps) in new[] { (PlatformService.Mlflow, "its artifacts"), (PlatformService.Spark, "event logs and data"), (PlatformService.Feast, "offline data"), (PlatformService.Gitlab, "artifacts, LFS objects, uploads, packages, registry images and backups") })
        {
            if (options.IsEnabled(service) && !options.IsEnabled(PlatformService.Minio) && external is null)
            {
                var name = ConfigSchema.ChoiceName(service);
                Fail("mlops:platform:minio:enabled", $"is false, but {service} keeps {keeps} in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or disable {service} with 'pulumi config set --path mlops:platform.{name}.enabled false'.");
            }
        }

        ExternalObjectStore(options, external);
        Gitlab(options);
        Kubeflow(options);

        if (options.Maturity is not { } level)
        {
            return;
        }

        foreach (var (service, role) in MaturityLevels.Requires(level))
        {
            if (options.Platform.Block(service)?.Enabled == false && !(service == PlatformService.Minio && options.Platform?.ObjectStore is not null))
            {
                var name = ConfigSchema.ChoiceName(service);
                Fail($"mlops:platform:{name}:enabled", $"is false, but maturity {ConfigSchema.ChoiceName(level)} needs {service} for {role}. Enable it with 'pulumi config set --path mlops:platform.{name}.enabled true', or lower mlops:maturity.");
            }
        }
    }

    private void Ingress(IngressOptions? ingress)
    {
        if (ingress is null)
        {
            return;
        }

        if (ingress.Domain is { Length: > 0 } domain && (domain.Length > 253 || !domain.Split('.').All(label => IsDnsLabel(label)) || !domain.Contains('.', StringComparison.Ordinal)))
        {
            Fail("mlops:platform:ingress:domain", $"'{domain}' is not a DNS domain: write lowercase labels of letters, digits and '-' joined by dots, such as 'mlops.example.com'. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.");
        }

        if (ingress.Domain is not { Length: > 0 } && (ingress.ClassName is not null || ingress.ClusterIssuer is not null))
        {
            Fail("mlops:platform:ingress:domain", "is required when mlops:platform.ingress sets className or clusterIssuer: the services' hosts are <service>.<domain>. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.");
        }

        foreach (var (key, value) in new[] { ("className", ingress.ClassName), ("clusterIssuer", ingress.ClusterIssuer) })
        {
            if (value is not null && !IsDnsLabel(value))
            {
                Fail($"mlops:platform:ingress:{key}", $"'{value}' is not a Kubernetes object name: write lowercase letters, digits and '-'. Set it with 'pulumi config set --path mlops:platform.ingress.{key} <name>'.");
            }
        }
    }

    private void Kubeflow(PlatformOptions options)
    {
        var chosen = options.Platform?.Kubeflow?.Components;
        if (chosen is not null)
        {
            var known = Infra.Model.Kubeflow.KubeflowCatalog.Applications;
            for (var i = 0; i < chosen.Count; i++)
            {
                var name = chosen[i];
                var path = $"mlops:platform:kubeflow:components:{i}";
                if (!known.Contains(name))
                {
                    Fail(path, $"'{name}' is not a Kubeflow application: choose from {string.Join(", ", known)}{(Suggestions.Closest(name, known) is { } closest ? $" (did you mean '{closest}'?)" : string.Empty)}. Set it with 'pulumi config set --path \"mlops:platform.kubeflow.components[{i}]\" <application>'.");
                }
            }

            // The applications a level is about, where Kubeflow runs: notebooks from level 0, Pipelines from level 1.
            var needed = options.Maturity switch
            {
                MaturityLevel.Level1 or MaturityLevel.Level2 => new[] { ("notebooks", "notebooks"), ("pipelines", "automated pipelines with ML Metadata") },
                MaturityLevel.Level0 => [("notebooks", "notebooks")],
                _ => [],
            };
            var next = chosen.Count;
            foreach (var (application, role) in needed.Where(n => options.IsEnabled(PlatformService.Kubeflow) && !chosen.Contains(n.Item1)))
            {
                Fail("mlops:platform:kubeflow:components", $"has no '{application}', but maturity {ConfigSchema.ChoiceName(options.Maturity!.Value)} needs it for {role}. Add it with 'pulumi config set --path \"mlops:platform.kubeflow.components[{next++}]\" {application}', or lower mlops:maturity.");
            }

            if (chosen.Contains("notebooks") && !chosen.Contains("profiles"))
            {
                Fail("mlops:platform:kubeflow:components", "has 'notebooks' without 'profiles': notebooks run in the users' profile namespaces. Add it with 'pulumi config set --path \"mlops:platform.kubeflow.components[" + chosen.Count + "]\" profiles'.");
            }
        }

        if (options.Platform?.Kubeflow?.GitlabSignIn is { } gitlab)
        {
            GitlabSignIn(options, gitlab);
        }

        if (options.IsEnabled(PlatformService.Kubeflow) && Infra.Model.Kubeflow.KubeflowSpec.ApplicationsFor(options).Contains("pipelines")
            && !options.IsEnabled(PlatformService.Minio) && options.Platform?.ObjectStore is null)
        {
            Fail("mlops:platform:minio:enabled", "is false, but Kubeflow Pipelines keeps pipeline packages, run artifacts and step logs in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or choose Kubeflow applications without 'pipelines' in mlops:platform.kubeflow.components.");
        }

        // The release's Kubernetes floor, checked against the Tanzu release where this stack deploys the cluster.
        if (!options.IsEnabled(PlatformService.Kubeflow) || !options.DeploysFoundation || options.Tanzu is null)
        {
            return;
        }

        var release = Infra.Model.Tanzu.TanzuReleases.Find(options.Tanzu.Release) ?? (options.Tanzu.Release is null ? Infra.Model.Tanzu.TanzuReleases.Default : null);
        var minimum = Infra.Model.Kubeflow.KubeflowVersions.MinimumKubernetes;
        if (release is not null && Version.Parse(release.KubernetesVersion) < minimum)
        {
            var newest = Infra.Model.Tanzu.TanzuReleases.Default.Name;
            Fail("mlops:tanzu:release", $"'{release.Name}' runs Kubernetes {release.KubernetesVersion}, but Kubeflow {Infra.Model.Kubeflow.KubeflowVersions.Release} needs {minimum.Major}.{minimum.Minor} or later. Set it with 'pulumi config set --path mlops:tanzu.release {newest}', or disable Kubeflow with 'pulumi config set --path mlops:platform.kubeflow.enabled false'.");
        }
    }

    private void Gitlab(PlatformOptions options)
    {
        if (!options.IsEnabled(PlatformService.Gitlab))
        {
            return;
        }

        var holds = _errors.Count == 0 && _alreadyFailed.Count == 0;
        if (options.Platform?.Ingress?.Domain is not { Length: > 0 })
        {
            Fail("mlops:platform:ingress:domain", "is required when GitLab runs: GitLab is served at gitlab.<domain>, the address its clones, CI jobs and runners use. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>', or disable GitLab with 'pulumi config set --path mlops:platform.gitlab.enabled false'.");
        }

        // GitLab's documented minimum, checked where the stack deploys the cluster and knows its classes' sizes,
        // once the rest of the configuration holds (the node pools are read as the plan reads them).
        if (!options.DeploysFoundation || options.Tanzu is null || !holds)
        {
            return;
        }

        var pools = Infra.Model.Tanzu.TanzuSpec.For(options).NodePools.Where(p => !p.Gpu).ToArray();
        var sizes = pools.Select(p => (Pool: p, Size: Infra.Model.Tanzu.VmClassSizes.Of(p.VmClass))).ToArray();
        if (sizes.Any(s => s.Size is null))
        {
            return;
        }

        var cpu = sizes.Sum(s => (long)s.Pool.Replicas * s.Size!.Value.Cpu);
        var memory = sizes.Sum(s => (long)s.Pool.Replicas * s.Size!.Value.MemoryGi);
        var (minimumCpu, minimumMemory) = Infra.Model.Gitlab.GitlabSpec.Minimum;
        if (cpu < minimumCpu || memory < minimumMemory)
        {
            var described = pools.Length == 0 ? "no CPU node pool" : string.Join(", ", sizes.Select(s => $"{s.Pool.Name}: {s.Pool.Replicas} x {s.Pool.VmClass}"));
            Fail("mlops:tanzu:nodePools", $"give GitLab {cpu} vCPUs and {memory} GiB ({described}), but GitLab needs at least {minimumCpu} vCPUs and {minimumMemory} GiB on the CPU pools. Add nodes with 'pulumi config set --path \"mlops:tanzu.nodePools[0].replicas\" <number>', choose a larger class with 'pulumi config set --path \"mlops:tanzu.nodePools[0].vmClass\" best-effort-xlarge', or disable GitLab with 'pulumi config set --path mlops:platform.gitlab.enabled false'.");
        }
    }

    private void GitlabSignIn(PlatformOptions options, GitlabSignInOptions gitlab)
    {
        const string Path = "mlops:platform:kubeflow:gitlabSignIn";
        if (gitlab.ClientId is not { Length: > 0 })
        {
            Fail($"{Path}:clientId", "is required: the ID of the OAuth application Kubeflow signs in through (GitLab's Admin area, Applications). Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.clientId <application id>'.");
        }

        if (gitlab.ClientSecret is null)
        {
            Fail($"{Path}:clientSecret", "is required: the secret of the OAuth application Kubeflow signs in through. Set it with 'pulumi config set --secret --path mlops:platform.kubeflow.gitlabSignIn.clientSecret <secret>'.");
        }

        if (options.Platform?.Ingress?.Domain is not { Length: > 0 })
        {
            Fail("mlops:platform:ingress:domain", "is required with mlops:platform.kubeflow.gitlabSignIn: GitLab sends people back to Dex at <scheme>://kubeflow.<domain>/dex/callback. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.");
        }

        if (gitlab.CaCertificate is { } ca && !ca.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            Fail($"{Path}:caCertificate", "is not a PEM certificate: paste the CA's certificate from '-----BEGIN CERTIFICATE-----' to '-----END CERTIFICATE-----'. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.caCertificate -- \"$(cat ca.crt)\"'.");
        }

        if (gitlab.Url is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                Fail($"{Path}:url", $"'{url}' is not a GitLab URL: write an http:// or https:// URL, such as 'https://gitlab.example.com'. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.url <url>'.");
            }
        }
        else if (!options.IsEnabled(PlatformService.Gitlab))
        {
            Fail($"{Path}:url", "is required when the platform's GitLab is off: Dex signs in through the GitLab at that URL. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.url https://<gitlab host>', or enable GitLab with 'pulumi config set --path mlops:platform.gitlab.enabled true'.");
        }
    }

    private void ExternalObjectStore(PlatformOptions options, ExternalObjectStoreOptions? external)
    {
        if (external is null)
        {
            return;
        }

        const string Path = "mlops:platform:objectStore";
        if (options.IsEnabled(PlatformService.Minio))
        {
            Fail(Path, "is set, but mlops:platform.minio.enabled is true: an existing S3 endpoint replaces MinIO. Remove the flag with 'pulumi config rm --path mlops:platform.minio.enabled', or the external store with 'pulumi config rm --path mlops:platform.objectStore'.");
            return;
        }

        if (external.Endpoint is not { Length: > 0 } endpoint)
        {
            Fail($"{Path}:endpoint", "is required for an existing object store. Set it with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>'.");
        }
        else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0)
        {
            Fail($"{Path}:endpoint", $"'{endpoint}' is not an S3 endpoint: write an http:// or https:// URL, such as 'https://s3.example.com'. Set it with 'pulumi config set --path mlops:platform.objectStore.endpoint <url>'.");
        }

        var needed = ObjectStore.ObjectStoreSpec.For(options).Identities.Select(i => i.Name).ToArray();
        var neededSet = needed.ToHashSet(StringComparer.Ordinal);
        var entries = external.Identities ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var path = $"{Path}:identities:{i}";
            if (entry.Name is not { Length: > 0 } name || !neededSet.Contains(name))
            {
                Fail($"{path}:name", $"'{entry.Name}' is not an identity this stack uses: it needs {(needed.Length == 0 ? "none" : string.Join(", ", needed))}. Set it with 'pulumi config set --path \"mlops:platform.objectStore.identities[{i}].name\" <identity>', or remove the entry.");
                continue;
            }

            if (FirstIndex(entries, e => e.Name, i) is var first && first < i)
            {
                Fail($"{path}:name", $"'{name}' is listed twice (also mlops:platform.objectStore.identities[{first}]): each identity has one access key. Remove one with 'pulumi config rm --path \"mlops:platform.objectStore.identities[{i}]\"'.");
                continue;
            }

            if (entry.AccessKey is not { Length: > 0 })
            {
                Fail($"{path}:accessKey", $"is required: the access key ID of '{name}'. Set it with 'pulumi config set --path \"mlops:platform.objectStore.identities[{i}].accessKey\" <access key id>'.");
            }

            if (entry.SecretKey is null)
            {
                Fail($"{path}:secretKey", $"is required: the secret access key of '{name}'. Set it with 'pulumi config set --secret --path \"mlops:platform.objectStore.identities[{i}].secretKey\" <secret key>'.");
            }
        }

        var given = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var next = entries.Count;
        foreach (var name in needed.Where(n => !given.Contains(n)))
        {
            Fail($"{Path}:identities", $"has no access key for '{name}': each service that keeps data uses its own identity, with the policy 'infractl render' writes to {Rendering.StackRenderer.HandoffsFolder}/{ObjectStore.ExternalStorePlanner.PolicyPath(name)}. Add it with 'pulumi config set --path \"mlops:platform.objectStore.identities[{next}].name\" {name}', 'pulumi config set --path \"mlops:platform.objectStore.identities[{next}].accessKey\" <access key id>' and 'pulumi config set --secret --path \"mlops:platform.objectStore.identities[{next}].secretKey\" <secret key>'.");
            next++;
        }
    }

    private void DataStore(string name, string rule, int? replicas, string? storage, string? memory)
    {
        var path = $"mlops:platform:{name}";
        if (replicas is < 1)
        {
            Fail($"{path}:replicas", $"'{replicas}' is out of range: {rule}. Set it with 'pulumi config set --path mlops:platform.{name}.replicas <number>'.");
        }

        Quantity($"{path}:storage", storage, "100Gi");
        Quantity($"{path}:memory", memory, "4Gi");
    }

    private void Teams(IReadOnlyList<TeamOptions>? teams)
    {
        teams ??= [];
        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            var path = $"mlops:teams:{i}";
            LabelAndUnique(teams, t => t.Name, i, "mlops:teams", "team");
            if (team.Name is { Length: > 0 } name && Infra.Model.Teams.TeamNamespaces.Reserved.Contains(name))
            {
                Fail($"{path}:name", $"'{name}' is a namespace the platform itself uses, and a team's namespace takes the team's name. Choose another with 'pulumi config set --path \"mlops:teams[{i}].name\" <name>'.");
            }
            if (team.Owner is { Length: > 0 } owner && !EmailPattern().IsMatch(owner))
            {
                Fail($"{path}:owner", $"'{owner}' is not an e-mail address: Kubeflow names a profile's owner by e-mail. Set it with 'pulumi config set --path \"mlops:teams[{i}].owner\" <name@example.com>'.");
            }

            if (team.GpuQuota is < 0)
            {
                Fail($"{path}:gpuQuota", $"'{team.GpuQuota}' is out of range: a GPU quota is 0 or more. Set it with 'pulumi config set --path \"mlops:teams[{i}].gpuQuota\" <number>'.");
            }

            Quantity($"{path}:cpuQuota", team.CpuQuota, "16");
            Quantity($"{path}:memoryQuota", team.MemoryQuota, "64Gi");
        }
    }

    private void LabelAndUnique<T>(IReadOnlyList<T> items, Func<T, string?> name, int i, string listPath, string what)
    {
        var value = name(items[i]);
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var path = $"{listPath}:{i}:name";
        var key = ConfigKeyPath.ToPulumi(path);
        if (!IsDnsLabel(value))
        {
            Fail(path, $"'{value}' is not a valid {what} name: it must be a lowercase DNS label (a-z, 0-9 and '-', starting with a letter) of at most 63 characters. Set it with 'pulumi config set --path \"{key}\" <name>'.");
            return;
        }

        var first = FirstIndex(items, name, i);
        if (first < i)
        {
            Fail(path, $"'{value}' is used twice (also {ConfigKeyPath.ToPulumi($"{listPath}:{first}:name")}): {what} names must be unique. Set another with 'pulumi config set --path \"{key}\" <name>'.");
        }
    }

    // A quantity setting: Kubernetes' grammar, not negative, and a size (anything but CPU) no larger than MaxSize.
    private void Quantity(string path, string? value, string example)
    {
        if (value is not { Length: > 0 })
        {
            return;
        }

        var key = ConfigKeyPath.ToPulumi(path);
        var quoted = key.Contains('[', StringComparison.Ordinal) ? $"\"{key}\"" : key;
        var isSize = !path.EndsWith("cpu", StringComparison.OrdinalIgnoreCase) && !path.EndsWith("cpuQuota", StringComparison.OrdinalIgnoreCase);
        var rule = !Kubernetes.Quantity.TryParse(value, out var parsed, out var problem) ? problem
            : parsed < 0 ? "is negative: a quantity here is 0 or more"
            : isSize && parsed > MaxSize ? $"is larger than {Kubernetes.Quantity.Format(MaxSize)}, the most any volume, memory or quota here may be"
            : null;
        if (rule is not null)
        {
            Fail(path, $"'{value}' {rule}. Set it with 'pulumi config set --path {quoted} {example}'.");
        }
    }

    // The first index of the entry named as items[i] is, compared as vCenter and Kubernetes compare names (case and
    // surrounding space aside); one index per list, so that checking a list is linear in its length.
    private int FirstIndex<T>(IReadOnlyList<T> items, Func<T, string?> name, int i)
    {
        if (!_firstIndex.TryGetValue(items, out var firsts))
        {
            firsts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var j = 0; j < items.Count; j++)
            {
                if (name(items[j])?.Trim() is { } key)
                {
                    firsts.TryAdd(key, j);
                }
            }

            _firstIndex[items] = firsts;
        }

        return name(items[i])?.Trim() is { } own && firsts.TryGetValue(own, out var first) ? first : i;
    }

    private void Fail(string configurationPath, string rest)
    {
        if (_alreadyFailed.Contains(configurationPath))
        {
            return;
        }

        var key = ConfigKeyPath.ToPulumi(configurationPath);
        _errors.Add(new ConfigError(key, $"{key} {rest}"));
    }
}
