using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Gitlab.GitlabTechnology))]

namespace Infra.Model.Gitlab;

/// <summary>GitLab and its runner, on the platform's PostgreSQL, Redis and object store: level 2's source control and CI/CD.</summary>
public sealed class GitlabTechnology : PlannedTechnology<GitlabSpec>
{
    /// <summary>GitLab as a platform service: level 2 needs it for source control and CI/CD for ML.</summary>
    public static PlatformService Service { get; } = new("gitlab", "GitLab", p => p.Gitlab, MaturityLevel.Level2, "source control and CI/CD for ML");

    /// <inheritdoc />
    public override int Order => 100;

    /// <inheritdoc />
    public override PlatformService? Offers => Service;

    /// <inheritdoc />
    public override IEnumerable<string> Namespaces => [GitlabSpec.Namespace];

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        ObjectStoreValidator.RequireStore(options, errors, Service, "artifacts, LFS objects, uploads, packages, registry images and backups");
        if (!options.IsEnabled(Service))
        {
            return;
        }

        if (options.Platform?.Ingress?.Domain is not { Length: > 0 })
        {
            errors.Fail(KubernetesErrors.DomainRequired, "mlops:platform:ingress:domain", "is required when GitLab runs: GitLab is served at gitlab.<domain>, the address its clones, CI jobs and runners use. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>', or disable GitLab with 'pulumi config set --path mlops:platform.gitlab.enabled false'.");
        }
    }

    /// <inheritdoc />
    public override GitlabSpec? SpecFor(PlatformOptions options) => GitlabSpec.For(options);

    /// <inheritdoc />
    protected override IEnumerable<PlanNode> Plan(GitlabSpec spec, PlatformOptions options, PlatformTarget target) =>
        GitlabPlanner.Nodes(spec, target.ProviderId, target.StorageClassNodeId, target.Parent);

    /// <inheritdoc />
    protected override IEnumerable<ResourceShare> RequestsOf(GitlabSpec spec)
    {
        // The chart's documented minimum for the whole of GitLab, or what its web service alone requests where more.
        var (cpu, memoryGi) = GitlabSpec.Minimum;
        var web = ResourceShare.Pods("GitLab", spec.Replicas, spec.Cpu, spec.Memory);
        yield return new("GitLab", Math.Max(cpu * 1000L, web.CpuMillis), Math.Max(memoryGi * 1024L, web.MemoryMi), $"its documented minimum of {cpu} vCPUs and {memoryGi} GiB, or its web service's {web.Basis} where more");
    }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, PlanValue>> OutputsOf(GitlabSpec spec) => GitlabPlanner.Outputs(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.ScrapeTarget> ScrapeTargetsOf(GitlabSpec spec) => GitlabMonitoring.Targets(spec);

    /// <inheritdoc />
    protected override IEnumerable<Monitoring.AlertRule> AlertRulesOf(GitlabSpec spec) => GitlabMonitoring.Rules(spec);

    /// <inheritdoc />
    public override IEnumerable<Kubernetes.ComponentRelease> Releases =>
    [
        new("GitLab chart", GitlabVersions.Chart.Version, Kubernetes.KubernetesRange.Of("1.33", "1.35"), "gitlab-org/charts/gitlab 9.9.1:doc/installation/cloud/_index.md (1.33 to 1.35; 1.32 deprecated)")
        {
            Tested = Kubernetes.KubernetesRange.Of("1.32", "1.35"),
        },
    ];

    /// <inheritdoc />
    protected override IEnumerable<Network.NamespaceAccess> NetworkAccessOf(GitlabSpec spec) =>
    [Network.NamespaceAccess.Closed(GitlabSpec.Namespace, Kubernetes.KubernetesNodes.NamespaceId(GitlabSpec.Namespace))];

    /// <inheritdoc />
    protected override IEnumerable<PulledImage> ImagesOf(GitlabSpec spec) =>
    [
        .. GitlabVersions.ChartImages.Select(i => i.Repository).Distinct(StringComparer.Ordinal).Select(repository => GitlabVersions.TagOf(repository) is { } tag
            ? PulledImage.Of($"{repository}:{tag}", "GitLab")
            : PulledImage.Of(repository, "GitLab") with { TagFrom = $"the {repository[(repository.LastIndexOf('/') + 1)..]} subchart of GitLab chart {GitlabVersions.Chart.Version} (its app version)" }),
        PulledImage.Of(GitlabVersions.RunnerImage, "GitLab Runner"),
        PulledImage.Of(GitlabVersions.RunnerHelperImage, "GitLab Runner's job pods"),
        PulledImage.Of(GitlabVersions.DefaultJobImage, "CI jobs that name no image"),
    ];
}
