using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Redis;

/// <summary>The plan nodes of the shared key-value store (<c>infra:ml:KeyValueStore</c>).</summary>
public static class RedisPlanner
{
    /// <summary>This project's key-value store component.</summary>
    public const string ComponentType = "infra:ml:KeyValueStore";

    /// <summary>The component's logical name.</summary>
    public const string Name = "redis";

    /// <summary>The logical name of a user's generated password.</summary>
    public static string Password(string user) => $"redis-{user}-password";

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(RedisSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [KeyValuePair.Create(StackOutputs.RedisAddress, PlanValue.Of(RedisSpec.Address))];
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The store's decisions.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="storageClassNodeId">The StorageClass node of the volumes where this stack creates it, else null.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(RedisSpec spec, string providerId, string? storageClassNodeId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        var ns = KubernetesNodes.Namespace(RedisSpec.Namespace, component.Id, providerId, PodSecurity.Restricted);
        yield return ns;

        var passwords = spec.Users.Select(user => KubernetesNodes.RandomPassword(Password(user), component.Id)).ToArray();
        foreach (var password in passwords)
        {
            yield return password;
        }

        var users = KubernetesNodes.Secret(RedisSpec.UsersSecret, RedisSpec.Namespace, null,
            spec.Users.Zip(passwords, (user, password) => (user, PlanValue.Generated(password.Id))), component.Id, providerId)
            with { DependsOn = [ns.Id, .. passwords.Select(p => p.Id)] };
        yield return users;

        yield return KubernetesNodes.HelmRelease(RedisSpec.Release, RedisVersions.Chart, RedisSpec.Namespace, PlanValues.FromJson(spec.Values()), KubernetesNodes.ReleaseTimeoutSeconds, component.Id, providerId)
            with { Protect = spec.Protect, DependsOn = storageClassNodeId is null ? [users.Id] : [users.Id, storageClassNodeId] };
    }
}
