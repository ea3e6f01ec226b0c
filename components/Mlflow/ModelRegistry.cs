using System.Collections.Immutable;
using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Kubernetes;
using Infra.Model.Mlflow;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Mlflow;

/// <summary>
/// The MLflow tracking server and model registry (<c>infra:ml:ModelRegistry</c>): its database and object store
/// credentials copied into its namespace as Secrets, a generated admin, and the pinned chart once its databases
/// and its object store identity exist.
/// </summary>
public sealed class ModelRegistry : InfraComponent
{
    /// <summary>Registers the namespace, the Secrets and the release.</summary>
    public ModelRegistry(string name, ModelRegistryArgs args, ComponentResourceOptions? options = null)
        : base(MlflowPlanner.ComponentType, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var spec = args.Spec;

        var ns = Namespaces.Create(MlflowSpec.Namespace, On(args.Provider));
        var databaseSecret = args.Databases.CredentialsSecret(MlflowSpec.DatabaseSecret, MlflowSpec.Namespace, spec.User, On(args.Provider, ns));
        var storeSecret = Secrets.Create(MlflowSpec.StoreSecret, MlflowSpec.Namespace, null,
            args.ObjectStore.EnvironmentKeys(MlflowPlanner.Name), On(args.Provider, ns));
        var adminPassword = GeneratedPassword(MlflowPlanner.AdminPassword);
        var adminSecret = Secrets.Create(MlflowSpec.AdminSecret, MlflowSpec.Namespace, "kubernetes.io/basic-auth",
            [("username", MlflowSpec.AdminUser), ("password", adminPassword.Result)], On(args.Provider, ns, adminPassword));

        var awsConfig = ConfigMaps.Create(MlflowSpec.AwsConfigMap, MlflowSpec.Namespace, [("config", spec.AwsConfig)], On(args.Provider, ns));

        var release = HelmReleases.Create(MlflowSpec.Namespace, MlflowVersions.Chart, MlflowSpec.Namespace, spec.Values(), KubernetesNodes.ReleaseTimeoutSeconds,
            On(args.Provider, [databaseSecret, storeSecret, adminSecret, awsConfig, .. args.Databases.Databases[spec.User.Service], .. args.ObjectStore.Ready]));
        if (spec.DisruptionBudget() is { } budget)
        {
            _ = new K8s.ApiExtensions.CustomResource(MlflowSpec.Namespace, ManifestArgs.From(budget), On(args.Provider, ns));
        }

        var teamSecrets = ImmutableDictionary.CreateBuilder<string, Resource>(StringComparer.Ordinal);
        if (args.TeamUsers is { } teamUsers)
        {
            // A user per team, created by a job as the admin once the server runs; its credentials in the team's namespace.
            var passwords = teamUsers.Teams.Select(t => GeneratedPassword(MlflowTeamUsers.PasswordName(t))).ToArray();
            var passwordsSecret = Secrets.Create(MlflowTeamUsers.PasswordsSecret, MlflowSpec.Namespace, null,
                teamUsers.Teams.Zip(passwords, (t, p) => (t, (Input<string>)p.Result)), On(args.Provider, [ns, .. passwords]));
            _ = new K8s.ApiExtensions.CustomResource(teamUsers.JobName(), ManifestArgs.From(teamUsers.Job()), On(args.Provider, release, passwordsSecret, adminSecret));
            foreach (var (team, password) in teamUsers.Teams.Zip(passwords))
            {
                teamSecrets[team] = Secrets.Create(MlflowTeamUsers.TeamSecret, team, null,
                    [(MlflowTeamUsers.UserVariable, MlflowTeamUsers.UserName(team)), (MlflowTeamUsers.PasswordVariable, password.Result)],
                    On(args.Provider, args.TeamNamespaces[team], password), MlflowTeamUsers.TeamSecretName(team));
            }
        }

        TeamSecrets = teamSecrets.ToImmutable();
        Url = Output.Create(spec.TrackingUri);
        AdminPasswordOutput = Output.CreateSecret(adminPassword.Result);
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url, ["adminPassword"] = AdminPasswordOutput });
    }

    /// <summary>Each team's <c>team-mlflow</c> Secret, by team.</summary>
    public ImmutableDictionary<string, Resource> TeamSecrets { get; }

    /// <summary>The tracking URI: the ingress host where MLflow has one, else the in-cluster URL.</summary>
    [Output("url")]
    public Output<string> Url { get; }

    /// <summary>The generated admin's password, a secret.</summary>
    [Output("adminPassword")]
    public Output<string> AdminPasswordOutput { get; }
}
