using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Kubeflow;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Kubeflow;

/// <summary>
/// Kubeflow (<c>infra:ml:Kubeflow</c>): the pinned release's kustomizations, each applied once the ones it
/// needs are ready; Dex and oauth2-proxy with generated users and secrets; a profile per team; the dashboard
/// behind the cluster ingress.
/// </summary>
public sealed class KubeflowPlatform : InfraComponent
{
    /// <summary>Registers sign-in, the kustomizations, the profiles and the dashboard's ingress.</summary>
    public KubeflowPlatform(string name, KubeflowArgs args, ComponentResourceOptions? options = null)
        : base(KubeflowPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;
        var provider = args.Provider;

        var auth = Namespaces.Create(KubeflowSpec.AuthNamespace, On(provider));
        var proxyNs = Namespaces.Create(KubeflowSpec.ProxyNamespace, On(provider));
        var passwords = spec.Users.Select(u => GeneratedPassword(KubeflowSpec.PasswordName(u))).ToArray();
        var clientSecret = GeneratedPassword(KubeflowPlanner.ClientSecretPassword);
        var cookieSecret = GeneratedPassword(KubeflowPlanner.CookieSecretPassword);

        var hashes = Secrets.Create(KubeflowSpec.PasswordHashesSecret, KubeflowSpec.AuthNamespace, null,
            passwords.Select((p, i) => (KubeflowSpec.HashVariable(i), (Input<string>)p.BcryptHash)), On(provider, auth));
        _ = Secrets.Create(KubeflowSpec.UserPasswordsSecret, KubeflowSpec.AuthNamespace, null,
            spec.Users.Zip(passwords, (u, p) => (KubeflowSpec.UserKey(u), (Input<string>)p.Result)), On(provider, [auth, .. passwords]));
        List<(string, Input<string>)> clientData = [("OIDC_CLIENT_ID", KubeflowSpec.OidcClientId), ("OIDC_CLIENT_SECRET", clientSecret.Result)];
        if (args.GitlabClientSecret is { } gitlabSecret)
        {
            clientData.Add((GitlabSignIn.SecretVariable, gitlabSecret));
        }

        var client = Secrets.Create(KubeflowSpec.OidcClientSecret, KubeflowSpec.AuthNamespace, null, clientData, On(provider, auth, clientSecret));
        var dexConfig = ConfigMaps.Create(KubeflowSpec.DexConfigMap, KubeflowSpec.AuthNamespace, [("config.yaml", spec.DexConfig())], On(provider, auth));
        var proxySecret = Secrets.Create(KubeflowSpec.ProxySecret, KubeflowSpec.ProxyNamespace, null,
            [("client-id", KubeflowSpec.OidcClientId), ("client-secret", clientSecret.Result), ("cookie-secret", cookieSecret.Result)], On(provider, proxyNs, clientSecret, cookieSecret));

        var prerequisites = new Dictionary<string, Resource[]>(StringComparer.Ordinal)
        {
            ["dex"] = [hashes, client, dexConfig],
            ["oauth2-proxy"] = [proxySecret],
        };
        if (spec.GitlabSignIn?.CaCertificate is { } ca)
        {
            prerequisites["dex"] = [.. prerequisites["dex"], ConfigMaps.Create(GitlabSignIn.CaConfigMap, KubeflowSpec.AuthNamespace, [("ca.crt", ca)], On(provider, auth))];
        }

        var units = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var unit in spec.Units)
        {
            if (unit.Name == "pipelines" && spec.PipelinesStores is { } stores && args.Databases is { } pipelineDatabases && args.ObjectStore is { } store)
            {
                prerequisites["pipelines"] = PipelinesPrerequisites(stores, pipelineDatabases, store, units["kubeflow-namespace"], provider);
            }

            if (unit.Name == "katib" && spec.KatibDatabase is { } katib && args.Databases is { } databases)
            {
                prerequisites["katib"] = [databases.CredentialsSecret(KubeflowSpec.KatibDatabaseSecret, KubeflowSpec.Namespace, katib, On(provider, units["kubeflow-namespace"])), .. databases.Databases[katib.Service]];
            }

            var unitOptions = new ComponentResourceOptions
            {
                Parent = this,
                Providers = { provider },
                DependsOn = [.. unit.Needs.Select(n => units[n]), .. prerequisites.GetValueOrDefault(unit.Name, [])],
            };
            unitOptions.ResourceTransforms.Add(AwaitTimeouts.Within(KubeflowVersions.WorkloadTimeout));
            if (spec.Registry is { } registry)
            {
                unitOptions.ResourceTransforms.Add(ImageMirror.Through(registry));
            }

            units[unit.Name] = new K8s.Kustomize.V2.Directory(unit.Name, new K8s.Types.Inputs.Kustomize.V2.DirectoryArgs { Directory = unit.Directory }, unitOptions);
        }

        if (spec.PipelinesStores is { } teamStores && args.ObjectStore is { } teamStore)
        {
            foreach (var (team, ns) in args.TeamNamespaces.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                TeamPipelines(team, ns, teamStores, teamStore, units, args);
            }
        }

        foreach (var profile in spec.Profiles)
        {
            _ = new K8s.ApiExtensions.CustomResource(profile.Name, ManifestArgs.From(profile.Manifest()), On(provider, units["profiles"], args.TeamNamespaces[profile.Name]));
        }

        if (spec.Services is { } services)
        {
            foreach (var (team, ns) in args.TeamNamespaces.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                List<Resource> needs = [units["admission-webhook"], ns];
                if (services.MlflowUrl is not null)
                {
                    needs.Add(args.TeamMlflowSecrets[team]);
                }

                if (services.StoreEndpoint is not null)
                {
                    needs.Add(args.TeamStoreSecrets[team]);
                }

                _ = new K8s.ApiExtensions.CustomResource(KubeflowPlanner.PodDefaultName(team), ManifestArgs.From(services.PodDefault(team)), On(provider, [.. needs]));
            }
        }

        if (spec.DashboardIngress() is { } ingress)
        {
            _ = new K8s.ApiExtensions.CustomResource("kubeflow", ManifestArgs.From(ingress), On(provider, units["istio"]));
        }

        DashboardUrl = Output.Create(spec.DashboardUrl);
        if (spec.Pipelines)
        {
            PipelinesUrl = Output.Create(KubeflowSpec.PipelinesApiUrl);
            MetadataEndpoint = Output.Create(KubeflowSpec.MetadataEndpoint);
        }

        RegisterOutputs(new Dictionary<string, object?> { ["dashboardUrl"] = DashboardUrl, ["pipelinesUrl"] = PipelinesUrl, ["metadataEndpoint"] = MetadataEndpoint });
    }

    /// <summary>
    /// Registers what Pipelines needs before it starts (its two database Secrets, its store keys and the stores'
    /// addresses in kubeflow); returns what the Pipelines unit waits for: those, its databases and the store's identities.
    /// </summary>
    private Resource[] PipelinesPrerequisites(PipelinesStores stores, Postgres.PostgresDatabases databases, ObjectStore.ObjectStoreCredentials store, Resource kubeflowNamespace, ProviderResource provider) =>
    [
        databases.CredentialsSecret(PipelinesStores.ApiDatabaseSecret, KubeflowSpec.Namespace, stores.Api, On(provider, kubeflowNamespace)),
        databases.CredentialsSecret(PipelinesStores.MetadataDatabaseSecret, KubeflowSpec.Namespace, stores.Metadata, On(provider, kubeflowNamespace)),
        Secrets.Create(PipelinesStores.StoreSecret, PipelinesStores.Namespace, null,
            [("accesskey", store.AccessKey(PipelinesStores.Identity)), ("secretkey", store.SecretKeys[PipelinesStores.Identity])], On(provider, kubeflowNamespace)),
        ConfigMaps.Create(PipelinesStores.StoresConfigMap, PipelinesStores.Namespace, stores.Settings(), On(provider, kubeflowNamespace)),
        .. databases.Databases[stores.Api.Service],
        .. databases.Databases[stores.Metadata.Service],
        .. store.Ready,
    ];

    /// <summary>
    /// A team's Pipelines configuration: its CI account bound to the Pipelines role, with notebooks the
    /// <c>access-ml-pipeline</c> PodDefault, its log Secret (in its namespace and in kubeflow), its launcher and
    /// log repository configuration.
    /// </summary>
    private void TeamPipelines(string team, Resource ns, PipelinesStores stores, ObjectStore.ObjectStoreCredentials store, Dictionary<string, Resource> units, KubeflowArgs args)
    {
        var provider = args.Provider;
        var name = PipelinesTeamAccess.ResourceName(PipelinesTeamAccess.ServiceAccount, team);
        var account = new K8s.Core.V1.ServiceAccount(name, new K8s.Types.Inputs.Core.V1.ServiceAccountArgs
        {
            Metadata = new K8s.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = PipelinesTeamAccess.ServiceAccount, Namespace = team },
        }, On(provider, ns));
        var roleRef = PipelinesTeamAccess.RoleBinding(team)["roleRef"]!;
        _ = new K8s.Rbac.V1.RoleBinding(name, new K8s.Types.Inputs.Rbac.V1.RoleBindingArgs
        {
            Metadata = new K8s.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = PipelinesTeamAccess.ServiceAccount, Namespace = team },
            RoleRef = new K8s.Types.Inputs.Rbac.V1.RoleRefArgs { ApiGroup = (string)roleRef["apiGroup"]!, Kind = (string)roleRef["kind"]!, Name = (string)roleRef["name"]! },
            Subjects = { new K8s.Types.Inputs.Rbac.V1.SubjectArgs { Kind = "ServiceAccount", Name = PipelinesTeamAccess.ServiceAccount, Namespace = team } },
        }, On(provider, account));
        if (args.Spec.Services is not null)
        {
            _ = new K8s.ApiExtensions.CustomResource(PipelinesTeamAccess.ResourceName(PipelinesTeamAccess.PodDefault, team),
                ManifestArgs.From(PipelinesTeamAccess.AccessPodDefault(team)), On(provider, units["admission-webhook"], ns));
        }

        var identity = Model.ObjectStore.ObjectStoreSpec.TeamIdentity(team);
        var logs = Secrets.Create(PipelinesStores.LogsSecret(team), team, null, store.EnvironmentKeys(identity), On(provider, [ns, .. store.Ready]));
        _ = Secrets.Create(PipelinesStores.LogsSecret(team), PipelinesStores.Namespace, null, store.EnvironmentKeys(identity), On(provider, units["kubeflow-namespace"]), PipelinesStores.LogsSecretForUi(team));
        _ = ConfigMaps.Create(PipelinesStores.LauncherConfigMap, team, stores.LauncherConfig(team), On(provider, ns, args.TeamStoreSecrets[team]), KubeflowPlanner.InNamespace(PipelinesStores.LauncherConfigMap, team));
        _ = ConfigMaps.Create(PipelinesStores.ArtifactRepositoriesConfigMap, team, stores.ArtifactRepositories(team), On(provider, ns, logs),
            KubeflowPlanner.InNamespace(PipelinesStores.ArtifactRepositoriesConfigMap, team), PipelinesStores.ArtifactRepositoriesAnnotations);
    }

    /// <summary>The Pipelines API in the cluster, where Pipelines runs.</summary>
    public Output<string>? PipelinesUrl { get; }

    /// <summary>ML Metadata's gRPC endpoint, where Pipelines runs.</summary>
    public Output<string>? MetadataEndpoint { get; }

    /// <summary>The central dashboard's URL.</summary>
    [Output("dashboardUrl")]
    public Output<string> DashboardUrl { get; }
}
