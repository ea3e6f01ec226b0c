using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Kubernetes;
using Infra.Model.Redis;
using Pulumi;

namespace Infra.Components.Redis;

/// <summary>
/// The Redis-compatible store Feast and GitLab share (<c>infra:ml:KeyValueStore</c>): the pinned Valkey chart
/// with ACL users whose generated passwords live only in a Secret.
/// </summary>
public sealed class KeyValueStore : InfraComponent
{
    /// <summary>Registers the namespace, the passwords, their Secret and the release.</summary>
    public KeyValueStore(string name, KeyValueStoreArgs args, ComponentResourceOptions? options = null)
        : base(RedisPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;

        var ns = Namespaces.Create(RedisSpec.Namespace, On(args.Provider));
        var passwords = spec.Users.Select(user => (User: user, Password: GeneratedPassword(RedisPlanner.Password(user)))).ToArray();
        var users = Secrets.Create(RedisSpec.UsersSecret, RedisSpec.Namespace, null,
            passwords.Select(p => (p.User, (Input<string>)p.Password.Result)), On(args.Provider, [ns, .. passwords.Select(p => p.Password)]));

        var releaseOptions = On(args.Provider, args.StorageClass is null ? [users] : [users, args.StorageClass]);
        releaseOptions.Protect = spec.Protect;
        Release = HelmReleases.Create(RedisSpec.Release, RedisVersions.Chart, RedisSpec.Namespace, spec.Values(), KubernetesNodes.ReleaseTimeoutSeconds, releaseOptions);

        Passwords = passwords.Where(p => p.User != RedisSpec.AdminUser)
            .ToImmutableDictionary(p => p.User, p => Output.CreateSecret(p.Password.Result), StringComparer.Ordinal);
        Address = Output.Create(RedisSpec.Address);
        RegisterOutputs(new Dictionary<string, object?> { ["address"] = Address });
    }

    /// <summary>The primary's address, <c>host:port</c>.</summary>
    [Output("address")]
    public Output<string> Address { get; }

    /// <summary>Each client service's password, by service, for the Secrets in the services' namespaces.</summary>
    public ImmutableDictionary<string, Output<string>> Passwords { get; }

    /// <summary>The release, which clients wait for.</summary>
    public Resource Release { get; }
}
