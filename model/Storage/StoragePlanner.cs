using Infra.Model.Planning;
using Infra.Model.Vsphere;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Storage;

/// <summary>The plan nodes of the storage tiers: tag categories and tags (created or looked up) and a storage policy per tier.</summary>
public static class StoragePlanner
{
    /// <summary>The logical name of a tag category's node.</summary>
    public static string CategoryName(string category) => $"tag-category-{category}";

    /// <summary>The logical name of a tier's tag node.</summary>
    public static string TagName(string tier) => $"tag-{tier}";

    /// <summary>The logical name of a tier's storage policy node.</summary>
    public static string PolicyNodeName(string tier) => $"storage-policy-{tier}";

    /// <summary>The id of a tier's storage policy node.</summary>
    public static string PolicyId(string tier) => PlanNode.IdOf(VsphereTokens.VmStoragePolicy, PolicyNodeName(tier));

    /// <summary>The nodes, parented to <paramref name="parent"/>.</summary>
    public static IEnumerable<PlanNode> Nodes(StorageSpec spec, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var category in spec.TagCategories)
        {
            yield return spec.CreateTags
                ? Resource(VsphereTokens.TagCategory, CategoryName(category), parent,
                    ("name", PlanValue.Of(category)),
                    ("cardinality", PlanValue.Of("SINGLE")),
                    ("associableTypes", PlanValue.List([PlanValue.Of("Datastore"), PlanValue.Of("StoragePod")])))
                : Lookup(VsphereTokens.GetTagCategory, CategoryName(category), parent, ("name", PlanValue.Of(category)));
        }

        foreach (var tier in spec.Tiers)
        {
            var categoryId = PlanValue.Output(PlanNode.IdOf(spec.CreateTags ? VsphereTokens.TagCategory : VsphereTokens.GetTagCategory, CategoryName(tier.TagCategory)), "id");
            var tag = spec.CreateTags
                ? Resource(VsphereTokens.Tag, TagName(tier.Name), parent, ("name", PlanValue.Of(tier.Tag)), ("categoryId", categoryId))
                : Lookup(VsphereTokens.GetTag, TagName(tier.Name), parent, ("name", PlanValue.Of(tier.Tag)), ("categoryId", categoryId));
            yield return tag;
            yield return Resource(VsphereTokens.VmStoragePolicy, PolicyNodeName(tier.Name), parent,
                ("name", PlanValue.Of(tier.PolicyName)),
                ("description", PlanValue.Of($"MLOps storage tier '{tier.Name}': datastores tagged {tier.TagCategory}/{tier.Tag}.")),
                ("tagRules", PlanValue.List([Map(
                    ("tagCategory", PlanValue.Of(tier.TagCategory)),
                    ("tags", PlanValue.List([PlanValue.Of(tier.Tag)])),
                    ("includeDatastoresWithTags", PlanValue.Of(true)))])))
                with { DependsOn = [tag.Id] };
        }
    }
}
