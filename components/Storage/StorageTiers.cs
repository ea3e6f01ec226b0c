using System.Collections.Immutable;
using Infra.Model.Storage;
using Pulumi;
using Pulumi.VSphere;
using Pulumi.VSphere.Inputs;

namespace Infra.Components.Storage;

/// <summary>
/// The storage tiers in vSphere, registered on behalf of a parent component: tag categories and tags (created or
/// looked up) and one VM storage policy per tier placing disks on datastores with the tier's tag.
/// </summary>
public static class StorageTiers
{
    /// <summary>Registers the tiers; returns each tier's storage policy id by tier name.</summary>
    public static ImmutableDictionary<string, Output<string>> Create(StorageSpec spec, Resource parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(parent);
        var invoke = new InvokeOptions { Parent = parent };
        var categories = spec.TagCategories.ToImmutableDictionary(
            category => category,
            category => spec.CreateTags
                ? new TagCategory(StoragePlanner.CategoryName(category), new TagCategoryArgs
                {
                    Name = category,
                    Cardinality = "SINGLE",
                    AssociableTypes = { "Datastore", "StoragePod" },
                }, new CustomResourceOptions { Parent = parent }).Id
                : GetTagCategory.Invoke(new GetTagCategoryInvokeArgs { Name = category }, invoke).Apply(c => c.Id!),
            StringComparer.Ordinal);

        var policies = ImmutableDictionary.CreateBuilder<string, Output<string>>(StringComparer.Ordinal);
        foreach (var tier in spec.Tiers)
        {
            Output<string> tagId;
            if (spec.CreateTags)
            {
                tagId = new Tag(StoragePlanner.TagName(tier.Name), new TagArgs { Name = tier.Tag, CategoryId = categories[tier.TagCategory] }, new CustomResourceOptions { Parent = parent }).Id;
            }
            else
            {
                tagId = GetTag.Invoke(new GetTagInvokeArgs { Name = tier.Tag, CategoryId = categories[tier.TagCategory] }, invoke).Apply(t => t.Id!);
            }

            var policy = new VmStoragePolicy(StoragePlanner.PolicyNodeName(tier.Name), new VmStoragePolicyArgs
            {
                // The policy names its tag: it must exist (created, or found by the look-up) first.
                Name = tagId.Apply(_ => tier.PolicyName),
                Description = $"MLOps storage tier '{tier.Name}': datastores tagged {tier.TagCategory}/{tier.Tag}.",
                TagRules =
                {
                    new VmStoragePolicyTagRuleArgs { TagCategory = tier.TagCategory, Tags = { tier.Tag }, IncludeDatastoresWithTags = true },
                },
            }, new CustomResourceOptions { Parent = parent });
            policies[tier.Name] = policy.Id;
        }

        return policies.ToImmutable();
    }
}
