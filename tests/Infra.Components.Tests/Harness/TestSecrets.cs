using Infra.Components.Configuration;
using Infra.Model.Configuration;
using Moq;
using Pulumi;

namespace Infra.Components.Tests.Harness;

/// <summary>A strict secret source: every secret setting resolves to <c>value-of-&lt;key&gt;</c> as a secret output.</summary>
internal static class TestSecrets
{
    public static string ValueOf(string key) => $"value-of-{key}";

    public static Mock<ISecretSource> Create()
    {
        var secrets = new Mock<ISecretSource>(MockBehavior.Strict);
        secrets.Setup(s => s.Require(It.IsAny<SecretSetting>())).Returns((SecretSetting setting) => Output.CreateSecret(ValueOf(setting.FullKey)));
        return secrets;
    }
}
