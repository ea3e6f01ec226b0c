using System.Collections.Immutable;

namespace Infra.Model.Gitlab;

/// <summary>The pinned GitLab and GitLab Runner charts.</summary>
public static class GitlabVersions
{
    /// <summary>The GitLab chart (GitLab 18.9, Community Edition).</summary>
    public static Kubernetes.HelmChart Chart { get; } = new("https://charts.gitlab.io", "gitlab", "9.9.1");

    /// <summary>The GitLab release the chart deploys (its Chart.yaml <c>appVersion</c>), the tag of its CNG images.</summary>
    public const string AppVersion = "18.9.1";

    /// <summary>
    /// The gitlab-runner subchart the GitLab chart ships: 9.9.0 moved it to 0.85.0 and 9.9.1 left it there (the
    /// chart's CHANGELOG.md for 9.9.1 and 9.9.0; 0.86.0 came to the master branch after 9.9 was cut).
    /// </summary>
    public const string RunnerChart = "0.85.0";

    /// <summary>
    /// The GitLab Runner that subchart runs, whose helper image jobs use: runner chart 0.<i>77 + m</i> is Runner 18.<i>m</i>
    /// (0.77.0 shipped Runner 18.0.0), so 0.85.0 is Runner 18.8.0.
    /// </summary>
    public static string RunnerVersion { get; } = RunnerOfChart(RunnerChart);

    /// <summary>The Runner release a gitlab-runner chart release runs, as the two are numbered together from Runner 18.0.</summary>
    public static string RunnerOfChart(string chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var parts = chart.Split('.');
        var minor = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - 77;
        return minor < 0 ? throw new ArgumentOutOfRangeException(nameof(chart), chart, "Only runner charts from 0.77.0 (Runner 18.0) are numbered this way.") : $"18.{minor}.{parts[2]}";
    }

    /// <summary>
    /// The image CI jobs run in unless they name one: Python 3.12's newest patch, by the digest of its index
    /// (docker-library/repo-info, repos/python/remote/3.12.14-slim.md at 6dbb312e).
    /// </summary>
    public const string DefaultJobImage = "docker.io/library/python:3.12.14-slim@sha256:7a8b475003c4fe15a2cd4e55e5cfc2f3560bdc9333d624f24cdd6d4340fd7a17";

    /// <summary>
    /// The tag the chart writes for an image of <see cref="ChartImages"/>, or null where it could not be read at the
    /// pinned release: the Cloud Native GitLab images are tagged with the GitLab version (<c>v18.9.1</c>); the exporter
    /// and the registry with their subcharts' own versions (the chart at 94e6fb01, "Update versions for 9.9.1");
    /// gitlab-shell's subchart version was not readable there.
    /// </summary>
    public static string? TagOf(string repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return repository[(repository.LastIndexOf('/') + 1)..] switch
        {
            "gitlab-shell" => null,
            "gitlab-exporter" => "16.4.0",
            "gitlab-container-registry" => "v4.37.0-gitlab",
            _ => $"v{AppVersion}",
        };
    }

    /// <summary>The runner's image the runner subchart writes: <c>alpine-v</c> and its Runner version.</summary>
    public static string RunnerImage { get; } = $"{ImageRegistry}/gitlab-org/gitlab-runner:alpine-v{RunnerVersion}";

    /// <summary>The runner's helper image, which every job pod runs beside the job.</summary>
    public static string RunnerHelperImage { get; } = $"{ImageRegistry}/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v{RunnerVersion}";

    /// <summary>The images' registry, which a mirror replaces.</summary>
    public const string ImageRegistry = "registry.gitlab.com";

    private const string Cng = ImageRegistry + "/gitlab-org/build/cng/";

    /// <summary>
    /// Every image the parts of the chart the platform deploys pull, by the value that names its repository and that
    /// value's default (chart 9.9.1: the umbrella's <c>values.yaml</c> for <c>global.kubectl</c>,
    /// <c>global.certificates</c> and <c>global.gitlabBase</c>; <c>charts/gitlab/values.yaml</c> for
    /// <c>global.communityImages</c>, which the webservice, workhorse, Sidekiq, toolbox and migrations templates read
    /// in the Community Edition; each subchart's <c>values.yaml</c> for its <c>image.repository</c>). Each template
    /// writes the repository as it is, so a mirror is set there: <c>global.image.registry</c> moves none of them (only
    /// the mailroom and spamcheck templates read it). The tags stay the chart's own (its <c>appVersion</c>, the
    /// registry's pinned <c>v4.37.0-gitlab</c>). The self-signed certificate job's image is not among them: the
    /// platform never runs that job (<see cref="GitlabSpec.Values"/> names each Ingress's Secret).
    /// </summary>
    public static ImmutableArray<(string Value, string Repository)> ChartImages { get; } =
    [
        ("global.communityImages.webservice.repository", Cng + "gitlab-webservice-ce"),
        ("global.communityImages.workhorse.repository", Cng + "gitlab-workhorse-ce"),
        ("global.communityImages.sidekiq.repository", Cng + "gitlab-sidekiq-ce"),
        ("global.communityImages.toolbox.repository", Cng + "gitlab-toolbox-ce"),
        ("global.communityImages.migrations.repository", Cng + "gitlab-toolbox-ce"),
        ("global.gitlabBase.image.repository", Cng + "gitlab-base"),
        ("global.kubectl.image.repository", Cng + "kubectl"),
        ("global.certificates.image.repository", Cng + "certificates"),
        ("gitlab.gitaly.image.repository", Cng + "gitaly"),
        ("gitlab.gitlab-shell.image.repository", Cng + "gitlab-shell"),
        ("gitlab.gitlab-exporter.image.repository", Cng + "gitlab-exporter"),
        ("registry.image.repository", Cng + "gitlab-container-registry"),
    ];
}
