using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Teams.TeamErrors))]

namespace Infra.Model.Teams;

/// <summary>The rules of the teams.</summary>
public static class TeamErrors
{
    /// <summary>A team named as a namespace the platform uses.</summary>
    public static readonly ErrorCode ReservedName = new("MLOPS1501", "mlops:teams[].name", "A team's namespace takes its name, so it is none of the namespaces the platform itself uses.");

    /// <summary>An owner that is not an e-mail address.</summary>
    public static readonly ErrorCode Owner = new("MLOPS1502", "mlops:teams[].owner", "A team's owner is an e-mail address: Kubeflow names a profile's owner by e-mail.");

    /// <summary>A negative GPU quota.</summary>
    public static readonly ErrorCode GpuQuota = new("MLOPS1503", "mlops:teams[].gpuQuota", "A GPU quota is 0 or more.");

    /// <summary>A member that is not an e-mail address.</summary>
    public static readonly ErrorCode MemberUser = new("MLOPS1504", "mlops:teams[].members[].user", "A member is named by e-mail address, as the platform's sign-in names people.");

    /// <summary>A member listed twice, or who is the owner.</summary>
    public static readonly ErrorCode MemberTwice = new("MLOPS1505", "mlops:teams[].members[].user", "A team lists each member once, and not its owner, who administers it already.");
}
