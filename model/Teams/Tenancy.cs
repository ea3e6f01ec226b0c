using System.Collections.Immutable;
using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Stacks;

namespace Infra.Model.Teams;

/// <summary>
/// What a teams stack relies on of the platform its teams live on, as the platform stack exports it (<c>tenancy</c>)
/// and as the teams stack's own copy of the platform's configuration plans for it: the environment (bucket names),
/// the maturity level, the services that run, where the object store is, whether network isolation is on and the
/// image mirror. The teams stack checks the two are equal before it registers anything.
/// </summary>
public static class Tenancy
{
    /// <summary>The tenancy of the platform <paramref name="options"/> describe.</summary>
    public static ImmutableSortedDictionary<string, string> Of(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new[]
        {
            KeyValuePair.Create("environment", Validated.Required(options.Environment)),
            KeyValuePair.Create("maturity", ConfigSchema.ChoiceName(options.Maturity ?? MaturityLevel.Level0)),
            KeyValuePair.Create("services", string.Join(",", Technologies.Services.Where(options.IsEnabled).Select(s => s.Key))),
            KeyValuePair.Create("objectStore", ObjectStore.ObjectStoreAccess.For(options)?.Endpoint ?? "none"),
            KeyValuePair.Create("networkIsolation", options.Platform?.Network?.Isolation == false ? "off" : "on"),
            KeyValuePair.Create("registry", options.Platform?.Registry ?? "none"),
        });
    }

    /// <summary>The platform stack's <c>tenancy</c> output.</summary>
    public static PlanValue Output(PlatformOptions options) =>
        PlanValue.Map(Of(options).Select(p => KeyValuePair.Create(p.Key, PlanValue.Of(p.Value))));
}
