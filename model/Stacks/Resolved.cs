using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Infra.Model.Options;

namespace Infra.Model.Stacks;

/// <summary>
/// The resolved model of one set of valid options: every spec is built once, the first time a planner, the
/// renderer or the registrar asks for it, and then shared. Options are immutable, so a spec never goes stale.
/// </summary>
public static class Resolved
{
    private static readonly ConditionalWeakTable<PlatformOptions, ConcurrentDictionary<Type, object?>> Specs = [];

    /// <summary>The spec of type <typeparamref name="T"/> for <paramref name="options"/>, built by <paramref name="build"/> once.</summary>
    public static T Of<T>(PlatformOptions options, Func<PlatformOptions, T> build)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(build);
        return (T)Specs.GetOrCreateValue(options).GetOrAdd(typeof(T), _ => build(options))!;
    }
}
