using System.Collections.Immutable;
using Infra.Model.Planning;

namespace Infra.Model.Tests.Planning;

public sealed class PlanCheckTests
{
    private static readonly PlanCheck.TemplateFitsVm Template = new("vsphere:index/getVirtualMachine:getVirtualMachine::template", "gpu-vm-1", "efi", 100);

    private static readonly PlanCheck.ProfileOffered Profile = new("grid_a100d-40c", [("esx1", "lookup::esx1"), ("esx2", "lookup::esx2")]);

    private static ImmutableArray<object?> Disks(int size) => [ImmutableDictionary<string, object?>.Empty.Add("size", size)];

    private static ImmutableArray<object?> Offers(params string[] profiles) =>
        [.. profiles.Select(p => (object?)ImmutableDictionary<string, object?>.Empty.Add("vgpu", p))];

    [Fact]
    public void TemplateFitsVm_EfiTemplateWithASmallerDisk_Passes()
    {
        Assert.Null(Template.Failure(["efi", Disks(60)]));
        Assert.Null(Template.Failure(["efi", Disks(100)]));
        Assert.Null(Template.Failure([null, ImmutableArray<object?>.Empty]));
    }

    [Fact]
    public void TemplateFitsVm_BiosTemplate_NamesTheFirmwareAndTheSetting()
    {
        Assert.Equal(
            "GPU VM gpu-vm-1: the template has 'bios' firmware, but GPU passthrough with 64-bit MMIO needs 'efi'. Use a template with EFI firmware in mlops:vsphere.template.",
            Template.Failure(["bios", Disks(60)]));
    }

    [Fact]
    public void TemplateFitsVm_LargerTemplateDisk_NamesTheSizeNeeded()
    {
        Assert.Equal(
            "GPU VM gpu-vm-1: its disk of 100 GB is smaller than the template's 120 GB, and a clone cannot shrink a disk. Set mlops:gpu.vms[].disk to at least 120Gi.",
            Template.Failure(["efi", Disks(120)]));
    }

    [Fact]
    public void TemplateFitsVm_ReadsTheTemplatesFirmwareAndDisks()
    {
        Assert.Equal(
            [new PlanValue.OutputRef(Template.TemplateLookup, "firmware"), new PlanValue.OutputRef(Template.TemplateLookup, "disks")],
            Template.Facts.ToArray());
    }

    [Fact]
    public void ProfileOffered_EveryHostOffersIt_Passes()
    {
        Assert.Null(Profile.Failure([Offers("grid_a100d-20c", "grid_a100d-40c"), Offers("GRID_A100D-40C")]));
    }

    [Fact]
    public void ProfileOffered_AHostLacksIt_NamesTheHostsAndWhatTheyOffer()
    {
        Assert.Equal(
            "mlops:gpu.profile 'grid_a100d-40c' is not offered by every GPU host: esx2 offers grid_a100d-10c, grid_a100d-80c. Set one they all offer with 'pulumi config set --path mlops:gpu.profile <profile>', or check the hosts' NVIDIA vGPU Manager and GPU mode.",
            Profile.Failure([Offers("grid_a100d-40c"), Offers("grid_a100d-80c", "grid_a100d-10c")]));
        Assert.Equal(
            "mlops:gpu.profile 'grid_a100d-40c' is not offered by every GPU host: esx1 offers none; esx2 offers none. Set one they all offer with 'pulumi config set --path mlops:gpu.profile <profile>', or check the hosts' NVIDIA vGPU Manager and GPU mode.",
            Profile.Failure([ImmutableArray<object?>.Empty, null]));
    }
}
