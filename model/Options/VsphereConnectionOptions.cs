using Infra.Model.Configuration;

namespace Infra.Model.Options;

/// <summary>
/// The vSphere provider's own keys (<c>vsphere:server</c>, <c>vsphere:user</c>, <c>vsphere:password</c>,
/// <c>vsphere:allowUnverifiedSsl</c>), which the provider reads itself; the model checks they are there.
/// </summary>
public sealed record VsphereConnectionOptions
{
    /// <summary>vCenter's host name. Required where the foundation is deployed.</summary>
    public string? Server { get; init; }

    /// <summary>The vCenter user. Required where the foundation is deployed.</summary>
    public string? User { get; init; }

    /// <summary>The vCenter password, always a secret. Required where the foundation is deployed.</summary>
    public SecretSetting? Password { get; init; }

    /// <summary>Whether to accept vCenter's certificate unverified. Default false.</summary>
    public bool? AllowUnverifiedSsl { get; init; }
}
