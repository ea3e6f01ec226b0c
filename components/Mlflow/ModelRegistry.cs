using Infra.Components.Core;
using Infra.Model.Mlflow;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Mlflow;

/// <summary>The MLflow tracking server and model registry (<c>infra:ml:ModelRegistry</c>), as <see cref="MlflowPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class ModelRegistry : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public ModelRegistry(string name, ModelRegistryArgs args, ComponentResourceOptions? options = null)
        : base(MlflowPlanner.ComponentType, name, args, parent => MlflowPlanner.Nodes(args.Spec, args.TeamUsers, args.TeamNamespaceIds, args.ProviderId, parent), options)
    {
        var outputs = MlflowPlanner.Outputs(args.Spec);
        Url = Text(outputs, StackOutputs.MlflowUrl);
        AdminPassword = Text(outputs, StackOutputs.MlflowAdminPassword);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["url"] = Url,
            ["adminPassword"] = AdminPassword,
        });
    }

    /// <summary>The tracking URI.</summary>
    [Output("url")]
    public Output<string> Url { get; }

    /// <summary>The generated admin's password, a secret.</summary>
    [Output("adminPassword")]
    public Output<string> AdminPassword { get; }
}
