using System.Text.Json.Nodes;

namespace Infra.Cli.Tests;

public sealed class ImagesTests
{
    private const string Mirror = "harbor.prod.example.com/mirror";

    [Fact]
    public void Text_SaysWhatTheStackPulls_ThenTablesOfImagesChartsAndSources()
    {
        var run = CliRun.Project("images", "--stack", "prod");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Stack prod pulls 137 images (12 by digest), 10 charts and 30 other sources; images through harbor.prod.example.com/mirror.\n", run.Out, StringComparison.Ordinal);
        string[] Cells(string line) => [.. line.Split('│').Select(c => c.Trim()).Where(c => c.Length > 0)];
        var rows = run.Out.Split('\n').Select(Cells).ToArray();
        // The last column wraps within the output's 200 characters.
        Assert.Contains(rows, r => r.SequenceEqual(["quay.io", "minio/operator-sidecar", "v7.0.1", "-", "through the mirror", "the MinIO tenant's sidecar"]));
        Assert.Contains(rows, r => r.Take(5).SequenceEqual(["harbor.prod.example.com", "mirror/nvaie/vgpu-guest-driver-5", "580.82.07", "-", "by its own name"]));
        Assert.Contains(rows, r => r.SequenceEqual(["quay.io", "minio/operator", "v7.1.1", "-", "through the mirror", "the MinIO operator"]));
        Assert.Contains(rows, r => r.SequenceEqual(["https://vmware-tanzu.github.io/helm-charts", "velero", "11.4.0", "velero", "-"]));
    }

    [Fact]
    public void List_PairsEachImageWithWhereItGoesInTheMirror_ForACopyLoop()
    {
        var run = CliRun.Project("images", "--stack", "prod", "--format", "list");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(137, lines.Length);
        Assert.Contains($"quay.io/minio/operator:v7.1.1 {Mirror}/quay.io/minio/operator:v7.1.1", lines);
        // A copy's destination names the tag only; the source keeps its digest.
        Assert.Contains($"docker.io/apache/spark:4.0.4@sha256:94ad730f7510002d8a1615de269f27cdeca4d4eef51657384db3fa9246b5a4d8 {Mirror}/docker.io/apache/spark:4.0.4", lines);
        Assert.Contains($"gcr.io/knative-releases/knative.dev/serving/cmd/queue@sha256:698ef80ebc698f4d2bb93c1e85684063a0cf253a83faebcbf106cee444181d8e {Mirror}/gcr.io/knative-releases/knative.dev/serving/cmd/queue@sha256:698ef80ebc698f4d2bb93c1e85684063a0cf253a83faebcbf106cee444181d8e", lines);
        Assert.Equal(["# registry.gitlab.com/gitlab-org/build/cng/gitlab-shell: at the tag the gitlab-shell subchart of GitLab chart 9.9.1 (its app version) writes"], lines.Where(l => l.StartsWith('#')));
        Assert.All(lines.Where(l => !l.StartsWith('#')), l => Assert.Equal(2, l.Split(' ').Length));
    }

    [Fact]
    public void Dev_WithoutAMirror_ListsTheImagesAlone()
    {
        var run = CliRun.Project("images", "--format", "list");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("docker.io/valkey/valkey:9.1.1\n", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", run.Out.Split('\n').Where(l => !l.StartsWith('#')).Aggregate(string.Empty, (a, l) => a + l), StringComparison.Ordinal);
    }

    [Fact]
    public void Lock_IsAnImagesLock_ByDigestWherePinnedSo_WithWhatUsesEach()
    {
        var run = CliRun.Project("images", "--stack", "prod", "--format", "lock");
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(run.Out));
        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
        var images = (YamlDotNet.RepresentationModel.YamlSequenceNode)root["images"];

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(("imgpkg.carvel.dev/v1alpha1", "ImagesLock", 137), (root["apiVersion"].ToString(), root["kind"].ToString(), images.Children.Count));
        var spark = (YamlDotNet.RepresentationModel.YamlMappingNode)images.Children.Single(i => ((YamlDotNet.RepresentationModel.YamlMappingNode)i)["image"].ToString().Contains("apache/spark", StringComparison.Ordinal));
        Assert.Equal("docker.io/apache/spark@sha256:94ad730f7510002d8a1615de269f27cdeca4d4eef51657384db3fa9246b5a4d8", spark["image"].ToString());
        Assert.Equal($"{Mirror}/docker.io/apache/spark:4.0.4@sha256:94ad730f7510002d8a1615de269f27cdeca4d4eef51657384db3fa9246b5a4d8", ((YamlDotNet.RepresentationModel.YamlMappingNode)spark["annotations"])["mlops.platform/pulled-as"].ToString());
    }

    [Fact]
    public void Json_HoldsEachImagesPartsAndHowItIsPulled_AndTheChartsAndSources()
    {
        var run = CliRun.Project("images", "--stack", "prod", "--format", "json");
        var json = JsonNode.Parse(run.Out)!;
        var sklearn = json["images"]!.AsArray().Single(i => (string)i!["reference"]! == "docker.io/kserve/sklearnserver:v0.15.0")!;

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((Mirror, 137, 10, 30), ((string)json["mirror"]!, json["images"]!.AsArray().Count, json["charts"]!.AsArray().Count, json["sources"]!.AsArray().Count));
        Assert.Equal(
            """{"reference":"docker.io/kserve/sklearnserver:v0.15.0","registry":"docker.io","repository":"kserve/sklearnserver","tag":"v0.15.0","digest":null,"mirrored":"harbor.prod.example.com/mirror/kserve/sklearnserver:v0.15.0","pulledAs":"harbor.prod.example.com/mirror/kserve/sklearnserver:v0.15.0","rewritten":true,"usedBy":"Kubeflow kserve (named in its configuration)"}""",
            sklearn.ToJsonString());
    }

    [Fact]
    public void AnUnknownFormat_IsAUsageError()
    {
        var run = CliRun.Project("images", "--format", "xml");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.Out));
        Assert.StartsWith("error: Argument 'xml' not recognized. Must be one of:\n\t'text'\n\t'list'\n\t'lock'\n\t'json'\n", run.Error, StringComparison.Ordinal);
    }
}
