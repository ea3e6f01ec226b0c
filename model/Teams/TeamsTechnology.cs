using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

[assembly: Technology(typeof(Infra.Model.Teams.TeamsTechnology))]

namespace Infra.Model.Teams;

/// <summary>The teams: a namespace each, and there the team's object store identity.</summary>
public sealed class TeamsTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 110;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var teams = options.Teams ?? [];
        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            var path = $"mlops:teams:{i}";
            errors.LabelAndUnique(teams, t => t.Name, i, "mlops:teams", "team");
            if (team.Name is { Length: > 0 } name && TeamNamespaces.Reserved.Contains(name))
            {
                errors.Fail(TeamErrors.ReservedName, $"{path}:name", $"'{name}' is a namespace the platform itself uses, and a team's namespace takes the team's name. Choose another with 'pulumi config set --path \"mlops:teams[{i}].name\" <name>'.");
            }

            if (team.Owner is { Length: > 0 } owner && !ValueRules.IsEmail(owner))
            {
                errors.Fail(TeamErrors.Owner, $"{path}:owner", $"'{owner}' is not an e-mail address: Kubeflow names a profile's owner by e-mail. Set it with 'pulumi config set --path \"mlops:teams[{i}].owner\" <name@example.com>'.");
            }

            if (team.GpuQuota is < 0)
            {
                errors.Fail(TeamErrors.GpuQuota, $"{path}:gpuQuota", $"'{team.GpuQuota}' is out of range: a GPU quota is 0 or more. Set it with 'pulumi config set --path \"mlops:teams[{i}].gpuQuota\" <number>'.");
            }

            Members(team, i, errors);
            errors.Quantity($"{path}:cpuQuota", team.CpuQuota, "16");
            errors.Quantity($"{path}:memoryQuota", team.MemoryQuota, "64Gi");
        }
    }

    // Each member an e-mail address, once, and not the owner.
    private static void Members(TeamOptions team, int index, ConfigErrors errors)
    {
        var members = team.Members ?? [];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var j = 0; j < members.Count; j++)
        {
            var key = $"mlops:teams:{index}:members:{j}:user";
            var fix = $"'pulumi config set --path \"mlops:teams[{index}].members[{j}].user\" <name@example.com>'";
            if (members[j].User is not { Length: > 0 } user)
            {
                continue;
            }

            if (!ValueRules.IsEmail(user))
            {
                errors.Fail(TeamErrors.MemberUser, key, $"'{user}' is not an e-mail address: the platform's sign-in names people by e-mail, and Kubeflow binds a member's role to that name. Set it with {fix}.");
            }
            else if (string.Equals(user, team.Owner, StringComparison.OrdinalIgnoreCase))
            {
                errors.Fail(TeamErrors.MemberTwice, key, $"'{user}' is the team's owner, who administers its profile already. Remove the entry with 'pulumi config rm --path \"mlops:teams[{index}].members[{j}]\"'.");
            }
            else if (!seen.Add(user))
            {
                errors.Fail(TeamErrors.MemberTwice, key, $"'{user}' is listed twice in the team's members, and one person has one role. Remove one entry with 'pulumi config rm --path \"mlops:teams[{index}].members[{j}]\"'.");
            }
        }
    }

    /// <inheritdoc />
    public override IEnumerable<PlanNode> PlatformNodes(PlatformOptions options, PlatformTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Nodes(options, _ => target.Parent, target.ProviderId);
    }

    /// <inheritdoc />
    public override IEnumerable<PlanNode> TeamNodes(PlatformOptions options, TeamsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Nodes(options, team => target.TeamParents[team], target.ProviderId);
    }

    // Each team's namespace, then in it the team's object store identity.
    private static IEnumerable<PlanNode> Nodes(PlatformOptions options, Func<string, string> parentOf, string providerId)
    {
        var teams = TeamNamespaces.For(options);
        var namespaces = teams.Select(t => KubernetesNodes.Namespace(t.Name, parentOf(t.Name), providerId, t.Labels, t.Annotations, TeamNamespaces.ResourceName(t)));
        if (ObjectStore.ObjectStoreAccess.For(options) is not { } store)
        {
            return namespaces;
        }

        return namespaces.Concat(teams.Select(t =>
        {
            var identity = ObjectStore.ObjectStoreSpec.TeamIdentity(t.Name);
            return KubernetesNodes.Secret(TeamNamespaces.StoreSecret, t.Name, null,
                store.EnvironmentKeys(identity), parentOf(t.Name), providerId, TeamNamespaces.StoreSecretName(t.Name))
                with { DependsOn = [TeamNamespaces.NamespaceId(t.Name), .. store.KeyNodes(identity), .. store.Ready] };
        }));
    }
}
