using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Infra.Model.Options;

/// <summary>A person of a team (<c>mlops:teams[i].members[j]</c>) with a role in its profile.</summary>
public sealed record TeamMemberOptions
{
    /// <summary>The person's e-mail address, as the platform's sign-in names them. Required.</summary>
    [Description("the member's e-mail address, as the platform's sign-in names them")]
    [Required]
    public string? User { get; init; }

    /// <summary>The member's role in the team's profile. Default <see cref="MemberRole.Edit"/>.</summary>
    public MemberRole? Role { get; init; }
}

/// <summary>A member's role, as Kubeflow's access management names them.</summary>
public enum MemberRole
{
    /// <summary>Administers the namespace, as its owner does (Kubeflow's <c>kubeflow-admin</c>).</summary>
    Owner,

    /// <summary>Creates and changes notebooks, runs and models there (<c>kubeflow-edit</c>).</summary>
    Edit,

    /// <summary>Sees them (<c>kubeflow-view</c>).</summary>
    View,
}
