using Infra.Components.Core;
using Infra.Components.Kubernetes;
using Infra.Model.Minio;
using Infra.Model.Mlflow;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Random;
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
        var databaseSecret = new K8s.Core.V1.Secret(MlflowSpec.DatabaseSecret, new SecretArgs
        {
            Metadata = Metadata(MlflowSpec.DatabaseSecret),
            Type = "kubernetes.io/basic-auth",
            StringData = { { "username", spec.User.Owner }, { "password", args.Databases.Passwords[spec.User.Service] } },
        }, On(args.Provider, ns));
        var storeSecret = new K8s.Core.V1.Secret(MlflowSpec.StoreSecret, new SecretArgs
        {
            Metadata = Metadata(MlflowSpec.StoreSecret),
            StringData = { { "AWS_ACCESS_KEY_ID", MlflowPlanner.Name }, { "AWS_SECRET_ACCESS_KEY", args.ObjectStore.IdentityPasswords[MlflowPlanner.Name] } },
        }, On(args.Provider, ns));
        var adminPassword = new RandomPassword(MlflowPlanner.AdminPassword, new RandomPasswordArgs { Length = MinioPlanner.PasswordLength, Special = false }, ChildOptions());
        var adminSecret = new K8s.Core.V1.Secret(MlflowSpec.AdminSecret, new SecretArgs
        {
            Metadata = Metadata(MlflowSpec.AdminSecret),
            Type = "kubernetes.io/basic-auth",
            StringData = { { "username", MlflowSpec.AdminUser }, { "password", adminPassword.Result } },
        }, On(args.Provider, ns, adminPassword));

        var awsConfig = new K8s.Core.V1.ConfigMap(MlflowSpec.AwsConfigMap, new ConfigMapArgs
        {
            Metadata = Metadata(MlflowSpec.AwsConfigMap),
            Data = { { "config", MlflowSpec.AwsConfig } },
        }, On(args.Provider, ns));

        _ = HelmReleases.Create(MlflowSpec.Namespace, MlflowVersions.Chart, MlflowSpec.Namespace, spec.Values(), MinioPlanner.TimeoutSeconds,
            On(args.Provider, [databaseSecret, storeSecret, adminSecret, awsConfig, .. args.Databases.Databases[spec.User.Service], args.ObjectStore.PolicyJob]));
        if (spec.DisruptionBudget() is { } budget)
        {
            _ = new K8s.ApiExtensions.CustomResource(MlflowSpec.Namespace, ManifestArgs.From(budget), On(args.Provider, ns));
        }

        Url = Output.Create(MlflowSpec.Url);
        AdminPasswordOutput = Output.CreateSecret(adminPassword.Result);
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url, ["adminPassword"] = AdminPasswordOutput });
    }

    /// <summary>The in-cluster tracking URL.</summary>
    [Output("url")]
    public Output<string> Url { get; }

    /// <summary>The generated admin's password, a secret.</summary>
    [Output("adminPassword")]
    public Output<string> AdminPasswordOutput { get; }

    private static ObjectMetaArgs Metadata(string name) => new() { Name = name, Namespace = MlflowSpec.Namespace };
}
