using Infra.Components.Core;
using Infra.Model.Gitlab;
using Infra.Model.Stacks;
using Pulumi;

namespace Infra.Components.Gitlab;

/// <summary>GitLab with its runner on the platform's services (<c>infra:ml:SourceControl</c>), as <see cref="GitlabPlanner"/> plans it, for programs that compose the platform themselves.</summary>
public sealed class SourceControl : PlannedPart
{
    /// <summary>Plans the part and registers it through <see cref="PlannedPartArgs.Registrar"/>.</summary>
    public SourceControl(string name, SourceControlArgs args, ComponentResourceOptions? options = null)
        : base(GitlabPlanner.ComponentType, name, args, parent => GitlabPlanner.Nodes(args.Spec, args.ProviderId, args.StorageClassNodeId, parent), options)
    {
        var outputs = GitlabPlanner.Outputs(args.Spec);
        Url = Text(outputs, StackOutputs.GitlabUrl);
        RootPassword = Text(outputs, StackOutputs.GitlabRootPassword);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["url"] = Url,
            ["rootPassword"] = RootPassword,
        });
    }

    /// <summary>GitLab's URL.</summary>
    [Output("url")]
    public Output<string> Url { get; }

    /// <summary>The generated <c>root</c> password, a secret.</summary>
    [Output("rootPassword")]
    public Output<string> RootPassword { get; }
}
