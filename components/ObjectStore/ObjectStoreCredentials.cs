using System.Collections.Immutable;
using Infra.Components.Configuration;
using Infra.Model.ObjectStore;
using Pulumi;

namespace Infra.Components.ObjectStore;

/// <summary>
/// What services need to use the object store, as <see cref="ObjectStoreAccess"/> plans it: each identity's access
/// key and secret key, and what must exist before the keys work (MinIO's policy job; nothing for an external store).
/// </summary>
public sealed class ObjectStoreCredentials
{
    private ObjectStoreCredentials(ObjectStoreAccess access, ImmutableDictionary<string, Output<string>> secretKeys, ImmutableArray<Resource> ready)
    {
        Access = access;
        SecretKeys = secretKeys;
        Ready = ready;
    }

    /// <summary>The endpoint, region and keys' names.</summary>
    public ObjectStoreAccess Access { get; }

    /// <summary>Each identity's secret access key, a secret.</summary>
    public ImmutableDictionary<string, Output<string>> SecretKeys { get; }

    /// <summary>What an identity's users wait for.</summary>
    public ImmutableArray<Resource> Ready { get; }

    /// <summary>The access key ID of <paramref name="identity"/>.</summary>
    public string AccessKey(string identity) => Access.AccessKey(identity);

    /// <summary>A Secret's data with <paramref name="identity"/>'s keys under the AWS environment variable names, as <see cref="ObjectStoreAccess.EnvironmentKeys"/> plans them.</summary>
    public (string Key, Input<string> Value)[] EnvironmentKeys(string identity) =>
        [(ObjectStoreAccess.AccessKeyVariable, AccessKey(identity)), (ObjectStoreAccess.SecretKeyVariable, SecretKeys[identity])];

    /// <summary>MinIO's generated identities, usable once its policy job has run.</summary>
    public static ObjectStoreCredentials Generated(ObjectStoreAccess access, ImmutableDictionary<string, Output<string>> passwords, Resource policyJob) =>
        new(access, passwords, [policyJob]);

    /// <summary>An external store's access keys, read from config as secrets.</summary>
    public static ObjectStoreCredentials External(ObjectStoreAccess access, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(secrets);
        var keys = (access.ExternalKeys ?? ImmutableDictionary<string, (string AccessKey, Model.Configuration.SecretSetting SecretKey)>.Empty)
            .ToImmutableDictionary(k => k.Key, k => secrets.Require(k.Value.SecretKey), StringComparer.Ordinal);
        return new(access, keys, []);
    }
}
