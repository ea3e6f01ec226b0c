using System.Collections.Immutable;
using System.Reflection;

namespace Infra.Model.Stacks;

/// <summary>The technologies the model's folders declare, in their order.</summary>
public static class Technologies
{
    /// <summary>Every declared technology, lowest <see cref="Technology.Order"/> first.</summary>
    public static ImmutableArray<Technology> All { get; } = [.. typeof(Technology).Assembly
        .GetCustomAttributes<TechnologyAttribute>()
        .Select(a => (Technology)Activator.CreateInstance(a.Type)!)
        .OrderBy(t => t.Order)];

    /// <summary>The platform services, in the technologies' order.</summary>
    public static ImmutableArray<PlatformService> Services { get; } = [.. All.Select(t => t.Offers).OfType<PlatformService>()];
}
