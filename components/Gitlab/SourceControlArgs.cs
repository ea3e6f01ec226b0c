using Infra.Components.Core;
using Infra.Model.Gitlab;

namespace Infra.Components.Gitlab;

/// <summary>What <see cref="SourceControl"/> is planned from.</summary>
public sealed class SourceControlArgs : PlannedPartArgs
{
    /// <summary>The decisions of the model.</summary>
    public required GitlabSpec Spec { get; init; }

    /// <summary>The StorageClass node of Gitaly's volume where the program creates it, else null.</summary>
    public string? StorageClassNodeId { get; init; }
}
