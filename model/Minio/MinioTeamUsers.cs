using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;

namespace Infra.Model.Minio;

/// <summary>
/// The MinIO users of a teams stack's teams, which the platform's tenant does not list: a job of the stack, as
/// root, adds each team's user with its generated password (or resets it), creates its policy (its own folder of
/// the teams' bucket) and attaches it. Its passwords and policies are in the stack's own Secret and ConfigMap in
/// MinIO's namespace, so one stack's job never holds another stack's teams.
/// </summary>
/// <param name="Minio">The platform's MinIO.</param>
/// <param name="Identities">The teams' identities, in configuration order.</param>
public sealed record MinioTeamUsers(MinioSpec Minio, ImmutableArray<StoreIdentity> Identities)
{
    private const string PasswordsDirectory = "/users";

    /// <summary>The users of a teams stack of valid <paramref name="options"/>, or null where it is not one, MinIO is off or it holds no team.</summary>
    public static MinioTeamUsers? For(PlatformOptions options) => Stacks.Resolved.Of(options, Build);

    private static MinioTeamUsers? Build(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsTeamsStack || MinioSpec.For(options) is not { } minio)
        {
            return null;
        }

        var teams = minio.Store.Identities.Where(i => i.Consumer == StoreConsumer.Team).ToImmutableArray();
        return teams.IsEmpty ? null : new MinioTeamUsers(minio, teams);
    }

    /// <summary>The Secret and the ConfigMap of the stack's teams in MinIO's namespace: <c>minio-teams-&lt;label&gt;</c>, after the stack's label.</summary>
    public static string ObjectName(string label) => $"minio-teams-{label}";

    /// <summary>The policy documents, one file per team.</summary>
    public ImmutableSortedDictionary<string, string> PolicyFiles() =>
        Identities.ToImmutableSortedDictionary(i => $"{i.PolicyName}.json", i => i.Policy().ToJsonString(), StringComparer.Ordinal);

    /// <summary>The job's script: each team's user added with its password (which resets an existing one), then its policy created and attached.</summary>
    public string Script()
    {
        var script = new StringBuilder(MinioSpec.StoreAlias);
        foreach (var identity in Identities)
        {
            script.Append(CultureInfo.InvariantCulture, $"mc admin user add store {identity.Name} \"$(cat {PasswordsDirectory}/{identity.Name})\" >/dev/null\n");
            MinioSpec.AttachPolicy(script, identity);
        }

        return script.ToString();
    }

    /// <summary>The job's name, which changes with what it does, as a Job's spec cannot change.</summary>
    public string JobName()
    {
        var content = Script() + string.Concat(PolicyFiles().Select(f => f.Key + f.Value));
        return $"minio-teams-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..10]}";
    }

    /// <summary>The job: the MinIO client as root, the passwords mounted from the stack's Secret.</summary>
    public JsonObject Job(string label) => Minio.RootJob(JobName(), Script(), ObjectName(label),
        [("users", PasswordsDirectory, new JsonObject { ["secret"] = new JsonObject { ["secretName"] = ObjectName(label) } })]);
}
