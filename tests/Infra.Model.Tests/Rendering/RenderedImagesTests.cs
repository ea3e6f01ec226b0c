using System.Text.RegularExpressions;
using Infra.Model.Rendering;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Tests.Rendering;

/// <summary>Every image the production render names: through the mirror, pinned, and where not by digest, said why in the README.</summary>
public sealed partial class RenderedImagesTests
{
    private const string Mirror = "harbor.prod.example.com/mirror/";

    [Fact]
    public void Prod_EveryImageGoesThroughTheMirror()
    {
        var images = Images(StackRenderer.Render(TestConfig.StackPlan("prod"))).ToArray();

        Assert.Equal(
            [
                "feast/feast/featurestore-mlops.yaml", "handoffs/spark/spark-pi.yaml", "helm/cnpg-operator.values.yaml", "helm/gitlab.values.yaml", "helm/gpu-operator.values.yaml",
                "helm/kube-prometheus-stack.values.yaml", "helm/minio-operator.values.yaml", "helm/minio-tenant.values.yaml", "helm/mlflow.values.yaml", "helm/spark-operator.values.yaml", "helm/valkey.values.yaml", "helm/velero.values.yaml",
                "minio/minio/cronjob-minio-backup-mirror.yaml", "minio/minio/job-minio-policies", "mlflow/mlflow/job-mlflow-team-users", "postgres/postgres/cluster-mlops-postgres.yaml",
                "serving/fraud-detection/cronjob-inference-log-retention.yaml", "serving/fraud-detection/deployment-inference-logger.yaml",
                "serving/fraud-detection/servingruntime-llm-gpu.yaml", "serving/fraud-detection/servingruntime-mlflow.yaml",
                "serving/recommendations/cronjob-inference-log-retention.yaml", "serving/recommendations/deployment-inference-logger.yaml",
                "serving/recommendations/servingruntime-llm-gpu.yaml", "serving/recommendations/servingruntime-mlflow.yaml",
                "spark/spark-operator/deployment-spark-history-server.yaml",
            ],
            images.Select(i => Regex.Replace(i.File, "-[0-9a-f]{10}\\.yaml$", string.Empty)).Distinct().Order(StringComparer.Ordinal).ToArray());
        Assert.All(images, i => Assert.True(i.Reference.StartsWith(Mirror, StringComparison.Ordinal), $"{i.File}: {i.Reference} is not pulled through the mirror"));
    }

    [Fact]
    public void Prod_EveryImageIsPinnedAndTheReadmeSaysWhereNotByDigest()
    {
        var images = Images(StackRenderer.Render(TestConfig.StackPlan("prod"))).Select(i => i.Reference[Mirror.Length..]).Distinct().ToArray();
        var readme = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "README.md"));
        var start = Array.IndexOf(readme, "| Image | Pinned by | Why not by digest |");
        var listed = readme.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('`')[1]).ToArray();

        // By digest, or by tag (the image's own, or the one its pinned chart writes): never neither.
        var byTag = images.Where(i => !i.Contains("@sha256:", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            [
                "docker.io/burakince/mlflow:3.15.1", "docker.io/grafana/grafana", "docker.io/seldonio/mlserver:1.5.0", "docker.io/timberio/vector:0.57.0-distroless-static", "docker.io/valkey/valkey:9.1.1", "docker.io/velero/velero-plugin-for-aws:v1.13.2", "docker.io/velero/velero:v1.17.2", "ghcr.io/cloudnative-pg/cloudnative-pg", "ghcr.io/jkroepke/kube-webhook-certgen",
                "ghcr.io/kubeflow/spark-operator/controller:2.5.2", "ghcr.io/oliver006/redis_exporter:v1.79.0", "kserve/huggingfaceserver:v0.15.0-gpu", "nvaie/vgpu-guest-driver-5:580.82.07",
                "nvcr.io/nvidia", "nvcr.io/nvidia/cloud-native", "nvcr.io/nvidia/k8s",
                "quay.io/feastdev/feature-server:0.66.0", "quay.io/kiwigrid/k8s-sidecar", "quay.io/minio/minio", "quay.io/minio/operator", "quay.io/minio/operator-sidecar:v7.0.1",
                "quay.io/prometheus-operator/prometheus-config-reloader", "quay.io/prometheus-operator/prometheus-operator", "quay.io/prometheus/alertmanager", "quay.io/prometheus/node-exporter", "quay.io/prometheus/prometheus",
                "registry.gitlab.com", "registry.gitlab.com/gitlab-org/build/cng/certificates", "registry.gitlab.com/gitlab-org/build/cng/gitaly", "registry.gitlab.com/gitlab-org/build/cng/gitlab-base",
                "registry.gitlab.com/gitlab-org/build/cng/gitlab-container-registry", "registry.gitlab.com/gitlab-org/build/cng/gitlab-exporter", "registry.gitlab.com/gitlab-org/build/cng/gitlab-shell",
                "registry.gitlab.com/gitlab-org/build/cng/gitlab-sidekiq-ce", "registry.gitlab.com/gitlab-org/build/cng/gitlab-toolbox-ce", "registry.gitlab.com/gitlab-org/build/cng/gitlab-webservice-ce",
                "registry.gitlab.com/gitlab-org/build/cng/gitlab-workhorse-ce", "registry.gitlab.com/gitlab-org/build/cng/kubectl",
                "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v18.8.0", "registry.k8s.io/kube-state-metrics/kube-state-metrics", "registry.k8s.io/nfd/node-feature-discovery",
            ],
            byTag);
        Assert.All(byTag, i => Assert.True(listed.Any(l => Covers(l, i)), $"{i} is pinned by tag only and the README's image table does not say why"));
        Assert.All(listed, l => Assert.True(byTag.Any(i => Covers(l, i)), $"the README's image table lists {l}, which the render does not pull by tag"));
    }

    /// <summary>Whether a README row (an image, or a prefix ending in <c>*</c>) stands for <paramref name="image"/>.</summary>
    private static bool Covers(string row, string image) => row.EndsWith('*') ? image.StartsWith(row[..^1], StringComparison.Ordinal) : image == row;

    /// <summary>
    /// The image references in <paramref name="files"/>: an <c>image</c> or <c>imageName</c> string; an image map
    /// (a map under <c>image</c>, or any map with a <c>repository</c>), read as <c>[registry/]repository[/image][:tag|:version]</c>;
    /// and <c>image = "…"</c> lines of configuration text (the runner's TOML).
    /// </summary>
    internal static IEnumerable<(string File, string Reference)> Images(IEnumerable<RenderedFile> files)
    {
        foreach (var file in files.Where(f => f.Name.EndsWith(".yaml", StringComparison.Ordinal) && !f.Name.Contains("/units/", StringComparison.Ordinal)))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(file.Content));
            foreach (var map in stream.Documents.SelectMany(d => d.AllNodes).OfType<YamlMappingNode>())
            {
                string? Scalar(string key) => map.Children.TryGetValue(key, out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
                foreach (var (key, value) in map.Children)
                {
                    if (key.ToString() is "image" or "imageName" && value is YamlScalarNode { Value: { } image } && Scalar("repository") is null)
                    {
                        yield return (file.Name, image);
                    }
                    else if (key.ToString() == "image" && value is YamlMappingNode inner && !inner.Children.ContainsKey("repository") && inner.Children.TryGetValue("registry", out var registry))
                    {
                        yield return (file.Name, registry.ToString());
                    }
                    else if (value is YamlScalarNode { Value: { } text } && text.Contains('\n'))
                    {
                        foreach (Match line in ConfiguredImage().Matches(text))
                        {
                            yield return (file.Name, line.Groups[1].Value);
                        }
                    }
                }

                if (Scalar("repository") is { } repository)
                {
                    var name = string.Join('/', new[] { Scalar("registry"), repository, Scalar("image") }.Where(p => p is not null));
                    yield return (file.Name, (Scalar("tag") ?? Scalar("version")) is { } tag ? $"{name}:{tag}" : name);
                }
            }
        }
    }

    [GeneratedRegex("^\\s*(?:helper_)?image = \"([^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex ConfiguredImage();
}
