using System.Text.Json.Nodes;

namespace Infra.Model.Kubernetes;

/// <summary>Helm values as the model builds them.</summary>
public static class HelmValues
{
    /// <summary>
    /// The object at the dotted <paramref name="path"/> of <paramref name="values"/> (<c>prometheusOperator.image</c>),
    /// created with each object on the way where it is missing.
    /// </summary>
    public static JsonObject At(JsonObject values, string path)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(path);
        var at = values;
        foreach (var part in path.Split('.'))
        {
            at = (JsonObject)(at[part] ??= new JsonObject());
        }

        return at;
    }
}
