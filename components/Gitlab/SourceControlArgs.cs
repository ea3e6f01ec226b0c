using Infra.Components.Core;
using Infra.Model.Gitlab;

namespace Infra.Components.Gitlab;

/// <summary>What <see cref="SourceControl"/> is planned from.</summary>
public sealed class SourceControlArgs : VolumePartArgs<GitlabSpec>
{
}
