using Infra.Model.Planning;

namespace Infra.Model.ObjectStore;

/// <summary>
/// The plan's part of an existing S3 endpoint (<c>mlops:platform.objectStore</c>): no nodes, since the store is
/// someone else's, but what its administrators must create for the stack: the buckets, and one policy per identity.
/// </summary>
public static class ExternalStorePlanner
{
    /// <summary>The hand-off listing the buckets.</summary>
    public const string BucketsPath = "object-store/buckets.txt";

    /// <summary>The hand-off holding the policy of the identity <paramref name="identity"/>.</summary>
    public static string PolicyPath(string identity) => $"object-store/policies/{StoreIdentity.PolicyNameOf(identity)}.json";

    /// <summary>The hand-offs to the store's administrators for <paramref name="store"/>'s contents.</summary>
    public static IEnumerable<PlanHandoff> Handoffs(ObjectStoreSpec store)
    {
        ArgumentNullException.ThrowIfNull(store);
        yield return new PlanHandoff(BucketsPath, "For the object store's administrators: the buckets to create, one a line, none of them public.",
            string.Concat(store.Buckets.Select(b => b.Name + "\n")));
        foreach (var identity in store.Identities)
        {
            yield return new PlanHandoff(PolicyPath(identity.Name),
                $"For the object store's administrators: the policy of the identity '{identity.Name}', reaching only its buckets{(identity.Prefix is null ? string.Empty : $" under '{identity.Prefix}/'")}; its access key goes into mlops:platform.objectStore.identities.",
                identity.Policy().ToJsonString() + "\n");
        }
    }
}
