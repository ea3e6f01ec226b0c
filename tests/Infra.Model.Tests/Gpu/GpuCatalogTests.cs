using Infra.Model.Gpu;

namespace Infra.Model.Tests.Gpu;

public sealed class GpuCatalogTests
{
    [Fact]
    public void Models_CoverTheSupportedGpus()
    {
        Assert.Equal(["t4", "a30", "a100-40gb", "a100-80gb", "l40s", "h100-80gb"], GpuCatalog.Models.Select(m => m.Key));
        Assert.Equal([16, 24, 40, 80, 48, 80], GpuCatalog.Models.Select(m => m.FramebufferGb));
    }

    [Fact]
    public void Profiles_FitWholeTimesIntoTheirGpuAndNameTheirSizeAsVsphereDoes()
    {
        Assert.All(GpuCatalog.Models, model =>
        {
            Assert.NotEmpty(model.Profiles);
            Assert.NotEmpty(model.Source);
            Assert.All(model.Profiles, profile =>
            {
                Assert.Equal(0, model.FramebufferGb % profile.FramebufferGb);
                Assert.EndsWith($"-{profile.FramebufferGb}c", profile.Name, StringComparison.Ordinal);
                Assert.Matches("^(grid|nvidia)_[a-z0-9]+-[0-9]+c$", profile.Name);
            });
            Assert.Equal(model.FramebufferGb, model.Profiles[^1].FramebufferGb);
        });
    }

    [Theory]
    [InlineData("a100-80gb", "grid_a100d-20c", 4)]
    [InlineData("a100-80gb", "grid_a100d-80c", 1)]
    [InlineData("a100-40gb", "grid_a100-5c", 8)]
    [InlineData("t4", "grid_t4-4c", 4)]
    [InlineData("a30", "grid_a30-6c", 4)]
    [InlineData("l40s", "nvidia_l40s-12c", 4)]
    [InlineData("h100-80gb", "nvidia_h100-16c", 5)]
    public void PerGpu_IsFramebufferOverProfileSize(string model, string profile, int perGpu)
    {
        var gpu = GpuCatalog.Find(model)!;

        Assert.Equal(perGpu, gpu.Profile(profile)!.PerGpu(gpu));
    }

    [Fact]
    public void Find_IsCaseInsensitiveAndNullForUnknown()
    {
        Assert.Equal("a100-80gb", GpuCatalog.Find("A100-80GB")!.Key);
        Assert.Null(GpuCatalog.Find("a100"));
        Assert.Null(GpuCatalog.Find("a100-80gb")!.Profile("grid_a100d-90c"));
    }

    [Theory]
    [InlineData("t4", 64, 64, 64, 128)]
    [InlineData("a30", 64, 64, 128, 256)]
    [InlineData("a100-40gb", 64, 128, 256, 512)]
    [InlineData("a100-80gb", 128, 256, 512, 1024)]
    [InlineData("l40s", 64, 128, 256, 512)]
    [InlineData("h100-80gb", 128, 256, 512, 1024)]
    public void MmioSize_IsTotalFramebufferRoundedUpToAPowerOfTwoAndAtLeast64(string model, int one, int two, int four, int eight)
    {
        var gpu = GpuCatalog.Find(model)!;

        Assert.Equal([one, two, four, eight], new[] { 1, 2, 4, 8 }.Select(n => MmioSizing.SizeGb(gpu, n)));
    }
}
