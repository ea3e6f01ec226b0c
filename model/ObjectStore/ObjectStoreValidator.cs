using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;

namespace Infra.Model.ObjectStore;

/// <summary>The rules of the object store: that the services that need one have one, and an existing endpoint's identities.</summary>
public static class ObjectStoreValidator
{
    private const string Path = "mlops:platform:objectStore";

    /// <summary>Where <paramref name="service"/> runs and keeps <paramref name="keeps"/> in the object store, that the stack has one.</summary>
    public static void RequireStore(PlatformOptions options, ConfigErrors errors, PlatformService service, string keeps)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(service);
        if (options.IsEnabled(service) && !HasStore(options))
        {
            errors.Fail(ObjectStoreErrors.StoreNeeded, "mlops:platform:minio:enabled", $"is false, but {service.Name} keeps {keeps} in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or disable {service.Name} with 'pulumi config set --path mlops:platform.{service.Key}.enabled false'.");
        }
    }

    /// <summary>Whether the stack has an object store: MinIO, or an existing endpoint.</summary>
    public static bool HasStore(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.IsEnabled(Minio.MinioTechnology.Service) || options.Platform?.ObjectStore is not null;
    }

    /// <summary>Checks an existing object store's settings.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (options.Platform?.ObjectStore is not { } external)
        {
            return;
        }

        if (options.IsEnabled(Minio.MinioTechnology.Service))
        {
            errors.Fail(ObjectStoreErrors.ExternalWithMinio, Path, "is set, but mlops:platform.minio.enabled is true: an existing S3 endpoint replaces MinIO. Remove the flag with 'pulumi config rm --path mlops:platform.minio.enabled', or the external store with 'pulumi config rm --path mlops:platform.objectStore'.");
            return;
        }

        if (external.Endpoint is not { Length: > 0 } endpoint)
        {
            errors.Fail(ObjectStoreErrors.EndpointRequired, $"{Path}:endpoint", "is required for an existing object store. Set it with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>'.");
        }
        else if (!ValueRules.IsHttpUrl(endpoint, allowQuery: false))
        {
            errors.Fail(ObjectStoreErrors.Endpoint, $"{Path}:endpoint", $"'{endpoint}' is not an S3 endpoint: write an http:// or https:// URL, such as 'https://s3.example.com'. Set it with 'pulumi config set --path mlops:platform.objectStore.endpoint <url>'.");
        }

        var needed = ObjectStoreSpec.IdentityNames(options);
        var neededSet = needed.ToHashSet(StringComparer.Ordinal);
        var entries = external.Identities ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var path = $"{Path}:identities:{i}";
            if (entry.Name is not { Length: > 0 } name || !neededSet.Contains(name))
            {
                errors.Fail(ObjectStoreErrors.UnknownIdentity, $"{path}:name", $"'{entry.Name}' is not an identity this stack uses: it needs {(needed.Length == 0 ? "none" : string.Join(", ", needed))}. Set it with 'pulumi config set --path \"mlops:platform.objectStore.identities[{i}].name\" <identity>', or remove the entry.");
                continue;
            }

            if (errors.FirstIndex(entries, e => e.Name, i) is var first && first < i)
            {
                errors.Fail(ObjectStoreErrors.IdentityTwice, $"{path}:name", $"'{name}' is listed twice (also mlops:platform.objectStore.identities[{first}]): each identity has one access key. Remove one with 'pulumi config rm --path \"mlops:platform.objectStore.identities[{i}]\"'.");
                continue;
            }

            if (entry.AccessKey is not { Length: > 0 })
            {
                errors.Fail(ObjectStoreErrors.AccessKeyRequired, $"{path}:accessKey", $"is required: the access key ID of '{name}'. Set it with 'pulumi config set --path \"mlops:platform.objectStore.identities[{i}].accessKey\" <access key id>'.");
            }

            if (entry.SecretKey is null)
            {
                errors.Fail(ObjectStoreErrors.SecretKeyRequired, $"{path}:secretKey", $"is required: the secret access key of '{name}'. Set it with 'pulumi config set --secret --path \"mlops:platform.objectStore.identities[{i}].secretKey\" <secret key>'.");
            }
        }

        var given = entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var next = entries.Count;
        foreach (var name in needed.Where(n => !given.Contains(n)))
        {
            errors.Fail(ObjectStoreErrors.IdentityMissing, $"{Path}:identities", $"has no access key for '{name}': each service that keeps data uses its own identity, with the policy 'infractl render' writes to {Rendering.StackRenderer.HandoffsFolder}/{ExternalStorePlanner.PolicyPath(name)}. Add it with 'pulumi config set --path \"mlops:platform.objectStore.identities[{next}].name\" {name}', 'pulumi config set --path \"mlops:platform.objectStore.identities[{next}].accessKey\" <access key id>' and 'pulumi config set --secret --path \"mlops:platform.objectStore.identities[{next}].secretKey\" <secret key>'.");
            next++;
        }
    }
}
