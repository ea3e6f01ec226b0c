using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Mirrors.MirrorsTechnology))]

namespace Infra.Model.Mirrors;

/// <summary>The site's mirrors of charts, Kubeflow's manifests and jars: their rules (the plan reads them through <see cref="SourceMirrors"/>).</summary>
public sealed class MirrorsTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 5;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.Platform?.Mirrors is not { } mirrors)
        {
            return;
        }

        if (mirrors.Charts is { Length: > 0 } charts && !SourceMirrors.IsOci(charts) && !Path.IsPathRooted(charts))
        {
            errors.Fail(MirrorErrors.Charts, "mlops:platform:mirrors:charts", $"'{charts}' is neither an OCI registry path nor an absolute folder: Helm installs from oci://<registry>/<path>/<chart> or from <folder>/<chart>-<version>.tgz. Set it with 'pulumi config set --path mlops:platform.mirrors.charts oci://harbor.example.com/charts'.");
        }

        if (mirrors.KubeflowManifests is { Length: > 0 } manifests && !SourceMirrors.IsGit(manifests) && !Path.IsPathRooted(manifests))
        {
            errors.Fail(MirrorErrors.KubeflowManifests, "mlops:platform:mirrors:kubeflowManifests", $"'{manifests}' is neither a git URL nor an absolute folder: kustomize builds each unit from <git URL>//<path>?ref={Kubeflow.KubeflowVersions.Release} or <folder>/<path>. Set it with 'pulumi config set --path mlops:platform.mirrors.kubeflowManifests https://git.example.com/mirror/kubeflow-manifests'.");
        }

        if (mirrors.Python is { Length: > 0 } python && !ValueRules.IsHttpUrl(python))
        {
            errors.Fail(MirrorErrors.Python, "mlops:platform:mirrors:python", $"'{python}' is not an http:// or https:// URL: pip reads a simple index from PIP_INDEX_URL. Set it with 'pulumi config set --path mlops:platform.mirrors.python https://nexus.example.com/repository/pypi/simple'.");
        }

        if (mirrors.Maven is { Length: > 0 } maven && !ValueRules.IsHttpUrl(maven))
        {
            errors.Fail(MirrorErrors.Maven, "mlops:platform:mirrors:maven", $"'{maven}' is not an http:// or https:// URL: the jars are fetched from <mirror>/<group path>/<artifact>/<version>/. Set it with 'pulumi config set --path mlops:platform.mirrors.maven https://nexus.example.com/repository/maven-central'.");
        }
    }
}
