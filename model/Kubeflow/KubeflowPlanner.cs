using Infra.Model.Kubernetes;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Kubeflow;

/// <summary>The plan nodes of Kubeflow (<c>infra:ml:Kubeflow</c>).</summary>
public static class KubeflowPlanner
{
    /// <summary>This project's Kubeflow component.</summary>
    public const string ComponentType = "infra:ml:Kubeflow";

    /// <summary>The component's logical name.</summary>
    public const string Name = "kubeflow";

    /// <summary>The logical name of the generated OIDC client secret Dex and oauth2-proxy share.</summary>
    public const string ClientSecretPassword = "kubeflow-oidc-client-secret";

    /// <summary>The logical name of oauth2-proxy's generated cookie secret (32 characters: an AES-256 key).</summary>
    public const string CookieSecretPassword = "kubeflow-cookie-secret";

    /// <summary>The logical name of a resource that goes into each team's namespace.</summary>
    public static string InNamespace(string name, string team) => $"{name}-{team}";

    /// <summary>The logical name of a team's PodDefault.</summary>
    public static string PodDefaultName(string team) => $"{KubeflowSpec.ServicesPodDefault}-{team}";

    /// <summary>The id of a unit's node.</summary>
    public static string UnitId(string unit) => PlanNode.IdOf(KubernetesTokens.KustomizeDirectory, unit);

    /// <summary>What the stack exports for this service, by output name (<see cref="StackOutputs"/>).</summary>
    public static IReadOnlyList<KeyValuePair<string, PlanValue>> Outputs(KubeflowSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Pipelines
            ?
            [
                KeyValuePair.Create(StackOutputs.KubeflowUrl, PlanValue.Of(spec.DashboardUrl)),
                KeyValuePair.Create(StackOutputs.KubeflowPipelinesUrl, PlanValue.Of(KubeflowSpec.PipelinesApiUrl)),
                KeyValuePair.Create(StackOutputs.MlMetadataEndpoint, PlanValue.Of(KubeflowSpec.MetadataEndpoint)),
            ]
            : [KeyValuePair.Create(StackOutputs.KubeflowUrl, PlanValue.Of(spec.DashboardUrl))];
    }

    /// <summary>The nodes, on the cluster provider <paramref name="providerId"/>, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">Kubeflow's decisions.</param>
    /// <param name="teamNamespaceIds">The nodes of the teams' namespaces, by namespace, which the profiles adopt.</param>
    /// <param name="providerId">The cluster's provider node.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(KubeflowSpec spec, IReadOnlyDictionary<string, string> teamNamespaceIds, string providerId, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(teamNamespaceIds);
        var component = Component(ComponentType, Name, parent);
        yield return component;

        // Sign-in: generated users and secrets in place before Dex and oauth2-proxy start.
        var auth = KubernetesNodes.Namespace(KubeflowSpec.AuthNamespace, component.Id, providerId, PodSecurity.Restricted);
        yield return auth;
        var proxyNs = KubernetesNodes.Namespace(KubeflowSpec.ProxyNamespace, component.Id, providerId, PodSecurity.Restricted);
        yield return proxyNs;

        var passwords = spec.Users.Select(u => KubernetesNodes.RandomPassword(KubeflowSpec.PasswordName(u), component.Id)).ToArray();
        foreach (var password in passwords)
        {
            yield return password;
        }

        var clientSecret = KubernetesNodes.RandomPassword(ClientSecretPassword, component.Id);
        yield return clientSecret;
        var cookieSecret = KubernetesNodes.RandomPassword(CookieSecretPassword, component.Id);
        yield return cookieSecret;

        var hashes = KubernetesNodes.Secret(KubeflowSpec.PasswordHashesSecret, KubeflowSpec.AuthNamespace, null,
            passwords.Select((p, i) => (KubeflowSpec.HashVariable(i), (PlanValue)PlanValue.Output(p.Id, "bcryptHash"))), component.Id, providerId)
            with { DependsOn = [auth.Id] };
        yield return hashes;
        var plain = KubernetesNodes.Secret(KubeflowSpec.UserPasswordsSecret, KubeflowSpec.AuthNamespace, null,
            spec.Users.Zip(passwords, (u, p) => (KubeflowSpec.UserKey(u), PlanValue.Generated(p.Id))), component.Id, providerId)
            with { DependsOn = [auth.Id, .. passwords.Select(p => p.Id)] };
        yield return plain;
        List<(string, PlanValue)> clientData = [("OIDC_CLIENT_ID", PlanValue.Of(KubeflowSpec.OidcClientId)), ("OIDC_CLIENT_SECRET", PlanValue.Generated(clientSecret.Id))];
        if (spec.GitlabSignIn is { } gitlab)
        {
            clientData.Add((GitlabSignIn.SecretVariable, PlanValue.Config(gitlab.ClientSecret)));
        }

        clientData.AddRange(spec.Connectors.SelectMany(c => c.Secrets).Select(s => (s.Variable, (PlanValue)PlanValue.Config(s.Secret))));

        // Each other client's secret: generated here, or by its own technology where that is planned first (GitLab).
        var signInSecrets = spec.SignInClients.Select(c => PlanNode.IdOf(KubernetesTokens.RandomPassword, c.PasswordName)).ToArray();
        foreach (var (signIn, secret) in spec.SignInClients.Zip(signInSecrets))
        {
            if (!signIn.OwnsPassword)
            {
                yield return KubernetesNodes.RandomPassword(signIn.PasswordName, component.Id);
            }

            clientData.Add((signIn.SecretVariable, PlanValue.Generated(secret)));
        }

        var client = KubernetesNodes.Secret(KubeflowSpec.OidcClientSecret, KubeflowSpec.AuthNamespace, null, clientData, component.Id, providerId)
            with { DependsOn = [auth.Id, clientSecret.Id, .. signInSecrets] };
        yield return client;
        var dexConfig = KubernetesNodes.ConfigMap(KubeflowSpec.DexConfigMap, KubeflowSpec.AuthNamespace, [("config.yaml", spec.DexConfig())], component.Id, providerId)
            with { DependsOn = [auth.Id] };
        yield return dexConfig;
        var proxySecret = KubernetesNodes.Secret(KubeflowSpec.ProxySecret, KubeflowSpec.ProxyNamespace, null,
            [("client-id", PlanValue.Of(KubeflowSpec.OidcClientId)), ("client-secret", PlanValue.Generated(clientSecret.Id)), ("cookie-secret", PlanValue.Generated(cookieSecret.Id))], component.Id, providerId)
            with { DependsOn = [proxyNs.Id, clientSecret.Id, cookieSecret.Id] };
        yield return proxySecret;
        var proxySettings = KubernetesNodes.ConfigMap(KubeflowSpec.ProxySettingsConfigMap, KubeflowSpec.ProxyNamespace, [("cookieSecure", spec.SecureCookies ? "true" : "false")], component.Id, providerId)
            with { DependsOn = [proxyNs.Id] };
        yield return proxySettings;

        var prerequisites = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["dex"] = [hashes.Id, client.Id, dexConfig.Id],
            ["oauth2-proxy"] = [proxySecret.Id, proxySettings.Id],
        };
        if (spec.GitlabSignIn?.CaCertificate is { } ca)
        {
            var gitlabCa = KubernetesNodes.ConfigMap(GitlabSignIn.CaConfigMap, KubeflowSpec.AuthNamespace, [("ca.crt", ca)], component.Id, providerId)
                with { DependsOn = [auth.Id] };
            yield return gitlabCa;
            prerequisites["dex"] = [.. prerequisites["dex"], gitlabCa.Id];
        }
        // The services' database credentials in kubeflow, from the roles' generated passwords on the shared cluster.
        PlanNode DatabaseSecret(string name, Postgres.DatabaseUser user) =>
            Postgres.PostgresPlanner.CredentialsSecret(name, KubeflowSpec.Namespace, user, UnitId("kubeflow-namespace"), component.Id, providerId);

        string[] DatabaseIds(Postgres.DatabaseUser user) =>
            [.. user.Databases.Select(d => PlanNode.IdOf(KubernetesTokens.CustomResource("postgresql.cnpg.io/v1", "Database"), Postgres.PostgresSpec.ResourceName(d)))];

        if (spec.PipelinesStores is { } stores)
        {
            // The API server and ML Metadata on their own databases; pipeline packages in the Pipelines bucket.
            var api = DatabaseSecret(PipelinesStores.ApiDatabaseSecret, stores.Api);
            yield return api;
            var metadata = DatabaseSecret(PipelinesStores.MetadataDatabaseSecret, stores.Metadata);
            yield return metadata;
            var keys = KubernetesNodes.Secret(PipelinesStores.StoreSecret, PipelinesStores.Namespace, null, stores.StoreKeys(), component.Id, providerId)
                with { DependsOn = [UnitId("kubeflow-namespace"), .. stores.Store.KeyNodes(PipelinesStores.Identity)] };
            yield return keys;
            var settings = KubernetesNodes.ConfigMap(PipelinesStores.StoresConfigMap, PipelinesStores.Namespace, stores.Settings(), component.Id, providerId)
                with { DependsOn = [UnitId("kubeflow-namespace")] };
            yield return settings;
            prerequisites["pipelines"] = [api.Id, metadata.Id, keys.Id, settings.Id, .. DatabaseIds(stores.Api), .. DatabaseIds(stores.Metadata), .. stores.Store.Ready];
        }

        if (spec.KatibDatabase is { } katib)
        {
            // Katib's DB manager connects to its database on the shared cluster as its own role.
            var secret = DatabaseSecret(KubeflowSpec.KatibDatabaseSecret, katib);
            yield return secret;
            prerequisites["katib"] = [secret.Id, .. DatabaseIds(katib)];
        }

        foreach (var unit in spec.Units)
        {
            yield return Resource(KubernetesTokens.KustomizeDirectory, unit.Name, component.Id, ("directory", PlanValue.Of(unit.Directory)))
                with
                {
                    Provider = providerId,
                    DependsOn = [.. unit.Needs.Select(UnitId), .. prerequisites.GetValueOrDefault(unit.Name, [])],
                    Transforms = spec.TransformsOf(unit),
                };
        }

        // Each team's profile, and in its namespace the access its runs, CI and notebooks use.
        foreach (var team in teamNamespaceIds.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var node in TeamNodes(spec, team, component.Id, providerId))
            {
                yield return node;
            }
        }

        if (spec.DashboardIngress() is { } ingress)
        {
            yield return KubernetesNodes.Manifest(ingress, component.Id, providerId) with { DependsOn = [UnitId("istio")] };
        }
    }

    /// <summary>A teams stack's part: each team's nodes under the team's component.</summary>
    public static IEnumerable<PlanNode> TeamNodes(KubeflowSpec spec, TeamsTarget target)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(target);
        return target.TeamParents.Keys.Order(StringComparer.Ordinal).SelectMany(team => TeamNodes(spec, team, target.TeamParents[team], target.ProviderId));
    }

    // A team's profile; where Pipelines runs, its CI account and access, its runs' artifact and log stores; the
    // PodDefault of the platform's services. What waits for the platform's units waits on the platform stack in a
    // teams stack, which holds none of them.
    private static IEnumerable<PlanNode> TeamNodes(KubeflowSpec spec, string team, string parent, string providerId)
    {
        var ns = Teams.TeamNamespaces.NamespaceId(team);
        yield return KubernetesNodes.Manifest(KubeflowNetwork.StrictMutualTls(team), parent, providerId, $"{KubeflowNetwork.MutualTlsPolicy}-{team}")
            with { DependsOn = [ns, UnitId("istio")] };
        if (spec.Profiles.FirstOrDefault(p => p.Name == team) is { } profile)
        {
            var profileNode = KubernetesNodes.Manifest(profile.Manifest(), parent, providerId)
                with { DependsOn = [UnitId("profiles"), ns] };
            yield return profileNode;

            // Its members, bound as the dashboard binds the contributors it adds, once the profile has the namespace.
            foreach (var member in profile.Contributors)
            {
                yield return KubernetesNodes.Typed(member.RoleBinding(), parent, providerId, $"{member.Name}-{team}")
                    with { DependsOn = [profileNode.Id] };
                yield return KubernetesNodes.Manifest(member.AuthorizationPolicy(), parent, providerId, $"{member.Name}-{team}")
                    with { DependsOn = [profileNode.Id, UnitId("istio")] };
            }
        }

        if (spec.PipelinesStores is { } stores)
        {
            // The team's runs write artifacts and archive logs under its prefix, with its identity; its CI submits
            // runs as its own account, its notebooks as theirs.
            var account = Resource(KubernetesTokens.ServiceAccount, PipelinesTeamAccess.ResourceName(PipelinesTeamAccess.ServiceAccount, team), parent,
                ("metadata", Map(("name", PlanValue.Of(PipelinesTeamAccess.ServiceAccount)), ("namespace", PlanValue.Of(team)))))
                with { Provider = providerId, DependsOn = [ns] };
            yield return account;
            var binding = PipelinesTeamAccess.RoleBinding(team);
            yield return Resource(KubernetesTokens.RoleBinding, PipelinesTeamAccess.ResourceName(PipelinesTeamAccess.ServiceAccount, team), parent,
                ("metadata", PlanValues.FromJson(binding["metadata"])),
                ("roleRef", PlanValues.FromJson(binding["roleRef"])),
                ("subjects", PlanValues.FromJson(binding["subjects"])))
                with { Provider = providerId, DependsOn = [account.Id] };
            if (spec.Services is not null)
            {
                yield return KubernetesNodes.Manifest(PipelinesTeamAccess.AccessPodDefault(team), parent, providerId, PipelinesTeamAccess.ResourceName(PipelinesTeamAccess.PodDefault, team))
                    with { DependsOn = [UnitId("admission-webhook"), ns] };
            }

            var identity = ObjectStore.ObjectStoreSpec.TeamIdentity(team);
            var logs = KubernetesNodes.Secret(PipelinesStores.LogsSecret(team), team, null, stores.Store.EnvironmentKeys(identity), parent, providerId)
                with { DependsOn = [ns, .. stores.Store.KeyNodes(identity), .. stores.Store.Ready] };
            yield return logs;
            yield return KubernetesNodes.Secret(PipelinesStores.LogsSecret(team), PipelinesStores.Namespace, null, stores.Store.EnvironmentKeys(identity), parent, providerId, PipelinesStores.LogsSecretForUi(team))
                with { DependsOn = [UnitId("kubeflow-namespace"), .. stores.Store.KeyNodes(identity)] };
            yield return KubernetesNodes.ConfigMap(PipelinesStores.LauncherConfigMap, team, stores.LauncherConfig(team), parent, providerId, InNamespace(PipelinesStores.LauncherConfigMap, team))
                with { DependsOn = [ns, PlanNode.IdOf(KubernetesTokens.Secret, Teams.TeamNamespaces.StoreSecretName(team))] };
            yield return KubernetesNodes.ConfigMap(PipelinesStores.ArtifactRepositoriesConfigMap, team, stores.ArtifactRepositories(team), parent, providerId,
                InNamespace(PipelinesStores.ArtifactRepositoriesConfigMap, team), PipelinesStores.ArtifactRepositoriesAnnotations)
                with { DependsOn = [ns, logs.Id] };
        }

        if (spec.Services is { } services)
        {
            List<string> needs = [UnitId("admission-webhook"), ns];
            if (services.MlflowUrl is not null)
            {
                needs.Add(PlanNode.IdOf(KubernetesTokens.Secret, Mlflow.MlflowTeamUsers.TeamSecretName(team)));
            }

            if (services.StoreEndpoint is not null)
            {
                needs.Add(PlanNode.IdOf(KubernetesTokens.Secret, Teams.TeamNamespaces.StoreSecretName(team)));
            }

            yield return KubernetesNodes.Manifest(services.PodDefault(team), parent, providerId, PodDefaultName(team)) with { DependsOn = [.. needs] };
        }
    }
}
