using System.Text.Json.Nodes;

namespace Infra.Model.Kubernetes;

/// <summary>A container's environment variable read from a key of a Secret, as a pod spec writes it.</summary>
public static class SecretVariable
{
    /// <summary>The variable <paramref name="name"/> with the value of <paramref name="key"/> in Secret <paramref name="secret"/>.</summary>
    public static JsonObject Of(string name, string secret, string key) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = secret, ["key"] = key } },
    };
}
