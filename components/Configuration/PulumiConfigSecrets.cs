using Infra.Model.Configuration;
using Pulumi;

namespace Infra.Components.Configuration;

/// <summary>Secret settings read from the stack's Pulumi config with <c>RequireSecret</c>.</summary>
public sealed class PulumiConfigSecrets : ISecretSource
{
    /// <inheritdoc />
    public Output<string> Require(SecretSetting setting) => PulumiConfigReader.RequireSecret(setting);
}
