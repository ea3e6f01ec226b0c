using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Gitlab;
using Infra.Model.Redis;
using Pulumi;

namespace Infra.Components.Gitlab;

/// <summary>
/// GitLab (<c>infra:ml:SourceControl</c>): the pinned chart on the platform's PostgreSQL, Redis and object store,
/// every credential in a Secret (the object storage configurations carry the key inside), and a generated root
/// password.
/// </summary>
public sealed class SourceControl : InfraComponent
{
    /// <summary>Registers the namespace, the Secrets and the release.</summary>
    public SourceControl(string name, SourceControlArgs args, ComponentResourceOptions? options = null)
        : base(GitlabPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;

        var ns = Namespaces.Create(GitlabSpec.Namespace, On(args.Provider));
        var rootPassword = GeneratedPassword(GitlabPlanner.RootPassword);
        var rootSecret = Secrets.Create(GitlabSpec.RootPasswordSecret, GitlabSpec.Namespace, null, [("password", rootPassword.Result)], On(args.Provider, ns, rootPassword));
        var databaseSecret = args.Databases.CredentialsSecret(GitlabSpec.DatabaseSecret, GitlabSpec.Namespace, spec.User, On(args.Provider, ns));
        var redisSecret = Secrets.Create(GitlabSpec.RedisSecret, GitlabSpec.Namespace, null,
            [("password", args.KeyValueStore.Passwords[GitlabSpec.RedisUser])], On(args.Provider, ns));
        var secretKey = args.ObjectStore.SecretKeys[GitlabSpec.Identity];
        var storageSecret = Secrets.Create(GitlabSpec.StorageSecret, GitlabSpec.Namespace, null,
            GitlabSpec.StorageKeys.Select(key => (key, (Input<string>)Output.CreateSecret(secretKey.Apply(value => spec.StorageConfigFor(key, value))))), On(args.Provider, ns));

        List<Resource> dependencies = [rootSecret, databaseSecret, redisSecret, storageSecret, .. args.Databases.Databases[spec.User.Service], args.KeyValueStore.Release, .. args.ObjectStore.Ready];
        if (args.StorageClass is { } storageClass)
        {
            dependencies.Add(storageClass);
        }

        var releaseOptions = On(args.Provider, [.. dependencies]);
        releaseOptions.Protect = spec.Protect;
        _ = HelmReleases.Create(GitlabSpec.Namespace, GitlabVersions.Chart, GitlabSpec.Namespace, spec.Values(), GitlabSpec.ReleaseTimeoutSeconds, releaseOptions);

        Url = Output.Create(spec.Url);
        RootPasswordOutput = Output.CreateSecret(rootPassword.Result);
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url, ["rootPassword"] = RootPasswordOutput });
    }

    /// <summary>GitLab's external URL.</summary>
    [Output("url")]
    public Output<string> Url { get; }

    /// <summary>The generated root password, a secret.</summary>
    [Output("rootPassword")]
    public Output<string> RootPasswordOutput { get; }
}
