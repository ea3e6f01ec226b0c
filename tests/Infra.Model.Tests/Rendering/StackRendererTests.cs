using Infra.Model.Configuration;
using Infra.Model.Rendering;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Rendering;

public sealed class StackRendererTests
{
    [Fact]
    public void Render_Prod_WritesClusterStorageClassesAndOperatorValues()
    {
        var files = StackRenderer.Render(TestConfig.StackOptions("prod"));

        Assert.Equal(["tanzu/cluster.yaml", "tanzu/storageclasses.yaml", "helm/gpu-operator.values.yaml"], files.Select(f => f.Name));
        var cluster = UpstreamSchemas.Yaml(files[0].Content)!;
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd("cluster-api/cluster.x-k8s.io_clusters.yaml", "v1beta1"), cluster));
        Assert.Contains("    storageclass.kubernetes.io/is-default-class: \"true\"\n", files[1].Content, StringComparison.Ordinal);
        Assert.Equal(2, files[1].Content.Split("---\n").Length);
        Assert.Contains("  version: 550.90.07\n", files[2].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NeverContainsASecretValue()
    {
        var file = StackConfigFile.Load(TestConfig.StackFile("prod"));
        var ciphertexts = File.ReadAllLines(TestConfig.StackFile("prod"))
            .Where(l => l.TrimStart().StartsWith("secure:", StringComparison.Ordinal))
            .Select(l => l.Trim()["secure:".Length..].Trim())
            .ToArray();

        var text = string.Concat(StackRenderer.Render(PlatformConfiguration.Load(file.Snapshot).ValidOptions()).Select(f => f.Content));

        Assert.Equal(4, ciphertexts.Length);
        Assert.All(ciphertexts, c => Assert.DoesNotContain(c, text, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_PlatformOnlyStack_WritesNoFoundationFiles()
    {
        var options = TestConfig.Load(("mlops:layers", "platform"), ("mlops:foundationStack", "acme/mlops/dev")).ValidOptions();

        Assert.Empty(StackRenderer.Render(options));
    }
}
