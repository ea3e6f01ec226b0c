using Infra.Model.Configuration;
using Pulumi;

namespace Infra.Components.Configuration;

/// <summary>Where components get secret settings' values from: Pulumi's config at deploy time, anything in tests.</summary>
public interface ISecretSource
{
    /// <summary>The value of <paramref name="setting"/>, as a secret output.</summary>
    Output<string> Require(SecretSetting setting);
}
