namespace Infra.Model.Options;

/// <summary>The size preset of Supervisor control plane VMs.</summary>
public enum SupervisorSize
{
    /// <summary>Up to 1,000 pods.</summary>
    Tiny,

    /// <summary>Up to 2,000 pods.</summary>
    Small,

    /// <summary>Up to 4,000 pods.</summary>
    Medium,

    /// <summary>Up to 8,000 pods.</summary>
    Large,
}
