using Infra.Model.Configuration;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Storage;
using Infra.Model.Tanzu;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Storage;

public sealed class StorageTests
{
    [UpstreamFact]
    public void StorageClasses_ValidateAgainstKubernetesAndFollowTheTier()
    {
        var schema = UpstreamSchemas.Kubernetes("kubernetes/v1.35.apis__storage.k8s.io__v1_openapi.json", "io.k8s.api.storage.v1.StorageClass");
        var spec = StorageSpec.For(TestConfig.StackOptions("prod"));

        var classes = spec.Tiers.Select(TanzuPlanner.StorageClass).ToArray();

        Assert.All(classes, c => Assert.Empty(UpstreamSchemas.Errors(schema, Rendering.Rendered.Yaml("prod", $"mlops-prod/cluster/storageclass-{c["metadata"]!["name"]}.yaml"))));
        Assert.Equal(
            """{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"gold","annotations":{"storageclass.kubernetes.io/is-default-class":"true"}},"provisioner":"csi.vsphere.vmware.com","parameters":{"svStorageClass":"mlops-prod-gold"},"reclaimPolicy":"Retain","allowVolumeExpansion":true,"volumeBindingMode":"WaitForFirstConsumer"}""",
            classes[0].ToJsonString());
        Assert.Equal("""{"name":"silver"}""", classes[1]["metadata"]!.ToJsonString());
    }

    [UpstreamFact]
    public void StorageClassSchema_RejectsAnUnknownField()
    {
        var schema = UpstreamSchemas.Kubernetes("kubernetes/v1.35.apis__storage.k8s.io__v1_openapi.json", "io.k8s.api.storage.v1.StorageClass");
        var storageClass = TanzuPlanner.StorageClass(new StorageTierSpec("gold", "p", "c", "t", true, "Retain"));
        storageClass["storagePolicyName"] = "p";

        Assert.NotEmpty(UpstreamSchemas.Errors(schema, storageClass));
    }

    [Theory]
    [InlineData(false, null, "Delete")]
    [InlineData(true, null, "Retain")]
    [InlineData(false, "Retain", "Retain")]
    public void ReclaimPolicy_IsRetainInProductionUnlessConfigured(bool production, string? configured, string expected)
    {
        var storage = "\n    tiers:\n      - name: standard" + (configured is null ? string.Empty : $"\n    reclaimPolicy: {configured}");
        var options = TestConfig.Load(("mlops:production", production ? "true" : "false"), ("mlops:storage", storage), ("mlops:platform", TestConfig.Backup)).ValidOptions();

        Assert.Equal(expected, StorageSpec.For(options).Tiers.Single().ReclaimPolicy);
    }

    [Fact]
    public void Tiers_LookUpTagsByDefaultAndPlaceByTag()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.Load(("mlops:storage", "\n    tiers:\n      - name: gold\n        tag: ssd\n      - name: silver\n        tagCategory: media\n    defaultTier: silver")).ValidOptions());

        Assert.Equal(PlanValue.Of("mlops-storage-tier"), plan["vsphere:index/getTagCategory:getTagCategory::tag-category-mlops-storage-tier"].Inputs["name"]);
        Assert.Equal(PlanValue.Of("media"), plan["vsphere:index/getTagCategory:getTagCategory::tag-category-media"].Inputs["name"]);
        var gold = plan["vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-gold"];
        Assert.Equal("[{includeDatastoresWithTags: true, tagCategory: mlops-storage-tier, tags: [ssd]}]", gold.Inputs["tagRules"].ToString());
        Assert.Equal(["vsphere:index/getTag:getTag::tag-gold"], gold.DependsOn.ToArray());
        Assert.Equal(PlanValue.Of("mlops-dev-gold"), gold.Inputs["name"]);
        Assert.False(plan.Nodes.Any(n => n.Type == "vsphere:index/tag:Tag"));
        Assert.Equal(
            "{annotations: {storageclass.kubernetes.io/is-default-class: true}, name: silver}",
            plan["kubernetes:storage.k8s.io/v1:StorageClass::silver"].Inputs["metadata"].ToString());
    }

    [Fact]
    public void Tiers_CreateTags_CreatesOneCategoryOfTheEnvironmentAndATagPerTier()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.Load(("mlops:storage", "\n    createTags: true\n    tiers:\n      - name: gold\n      - name: silver")).ValidOptions());

        Assert.Equal(
            "{associableTypes: [Datastore, StoragePod], cardinality: SINGLE, name: mlops-dev-storage-tier}",
            PlanValue.Map(plan["vsphere:index/tagCategory:TagCategory::tag-category-mlops-dev-storage-tier"].Inputs).ToString());
        Assert.Equal(
            PlanValue.Output("vsphere:index/tagCategory:TagCategory::tag-category-mlops-dev-storage-tier", "id"),
            plan["vsphere:index/tag:Tag::tag-silver"].Inputs["categoryId"]);
        Assert.Equal(["vsphere:index/tag:Tag::tag-gold"], plan["vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-gold"].DependsOn.ToArray());
    }
}
