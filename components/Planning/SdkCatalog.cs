using System.Collections.Immutable;
using System.Reflection;
using Pulumi;

namespace Infra.Components.Planning;

/// <summary>
/// The SDK's own classes by the tokens the plan names: each resource class by the type token its
/// <see cref="ResourceTypeAttribute"/> declares, each look-up function by the function token the SDK's code
/// generator derives from its class (<c>vsphere:index/getHost:getHost</c> is <c>Pulumi.VSphere.GetHost</c>).
/// </summary>
public static class SdkCatalog
{
    /// <summary>The token of a reference to another stack's outputs, which the core SDK implements without a type attribute.</summary>
    public const string StackReference = "pulumi:pulumi:StackReference";

    private static readonly ImmutableArray<Type> ProviderTypes =
        [typeof(Pulumi.Kubernetes.Provider), typeof(Pulumi.VSphere.Provider), typeof(Pulumi.Random.Provider)];

    private static readonly Lazy<ImmutableDictionary<string, Type>> ResourceClasses = new(FindResources);
    private static readonly Lazy<ImmutableDictionary<string, MethodInfo>> FunctionMethods = new(FindFunctions);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Type?> ByToken = new(StringComparer.Ordinal);

    /// <summary>The class of resource type <paramref name="token"/>, or null.</summary>
    public static Type? Resource(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token == StackReference ? typeof(StackReference) : ByToken.GetOrAdd(token, Find);

        // The class the SDK's generator names after the token, where its attribute confirms it; else a scan of every class.
        static Type? Find(string token) =>
            Conventional(token) is { } type && type.GetCustomAttribute<ResourceTypeAttribute>(inherit: false)?.Type == token
                ? type
                : ResourceClasses.Value.GetValueOrDefault(token);
    }

    // 'kubernetes:core/v1:Namespace' is Pulumi.Kubernetes.Core.V1.Namespace, 'vsphere:index/folder:Folder' Pulumi.VSphere.Folder,
    // 'pulumi:providers:kubernetes' Pulumi.Kubernetes.Provider.
    private static Type? Conventional(string token)
    {
        var parts = token.Split(':');
        if (parts.Length != 3)
        {
            return null;
        }

        var (package, module, name) = parts[0] == "pulumi" && parts[1] == "providers" ? (parts[2], "index", "Provider") : (parts[0], parts[1], parts[2]);
        var provider = ProviderTypes.FirstOrDefault(p => p.GetCustomAttribute<ResourceTypeAttribute>(inherit: false)!.Type == $"pulumi:providers:{package}");
        if (provider is null)
        {
            return null;
        }

        var path = module.Split('/');
        var ns = path[0] == "index" ? provider.Namespace! : $"{provider.Namespace}.{string.Join('.', path.Select(p => Pascal(p.Split('.')[0])))}";
        return provider.Assembly.GetType($"{ns}.{name}");
    }

    private static string Pascal(string segment) =>
        string.Concat(System.Text.RegularExpressions.Regex.Split(segment, "(?<=[0-9])(?=[a-z])").Select(s => char.ToUpperInvariant(s[0]) + s[1..]));

    /// <summary>The <c>Invoke</c> method (output form, with <see cref="InvokeOptions"/>) of function <paramref name="token"/>, or null.</summary>
    public static MethodInfo? Function(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return FunctionMethods.Value.GetValueOrDefault(token);
    }

    /// <summary>Whether <paramref name="token"/> is a Kubernetes kind with no class of its own: a custom resource.</summary>
    public static bool IsCustomResource(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return token.StartsWith("kubernetes:", StringComparison.Ordinal) && token.Count(c => c == ':') == 2 && Resource(token) is null;
    }

    /// <summary>The inputs the SDK's arguments class of resource or function <paramref name="token"/> takes; empty for an unknown token.</summary>
    public static IEnumerable<string> InputNames(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var args = Function(token)?.GetParameters()[0].ParameterType ?? (Resource(token) is { } type ? Constructor(type).GetParameters()[1].ParameterType : null);
        return args is null ? [] : SdkInputs.InputNames(args);
    }

    /// <summary>The constructor a resource class is registered through: (name, args, options).</summary>
    internal static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors().Single(c => c.GetParameters() is [{ ParameterType: var name }, var args, _] && name == typeof(string) && args.ParameterType != typeof(Input<string>));

    private static ImmutableDictionary<string, Type> FindResources() =>
        ProviderTypes.SelectMany(p => p.Assembly.GetExportedTypes())
            .Where(t => !t.IsAbstract && typeof(Resource).IsAssignableFrom(t))
            .Select(t => (Type: t, Attribute: t.GetCustomAttribute<ResourceTypeAttribute>(inherit: false)))
            .Where(t => t.Attribute is not null)
            .ToImmutableDictionary(t => t.Attribute!.Type, t => t.Type, StringComparer.Ordinal);

    private static ImmutableDictionary<string, MethodInfo> FindFunctions()
    {
        var functions = ImmutableDictionary.CreateBuilder<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var provider in ProviderTypes)
        {
            var package = provider.GetCustomAttribute<ResourceTypeAttribute>(inherit: false)!.Type.Split(':')[2];
            var root = provider.Namespace!;
            foreach (var type in provider.Assembly.GetExportedTypes().Where(t => t is { IsAbstract: true, IsSealed: true }))
            {
                var invoke = type.GetMethods(BindingFlags.Public | BindingFlags.Static).SingleOrDefault(m =>
                    m.Name == "Invoke" && m.GetParameters() is [var args, var options]
                    && args.ParameterType.Name.EndsWith("InvokeArgs", StringComparison.Ordinal) && options.ParameterType == typeof(InvokeOptions));
                if (invoke is null)
                {
                    continue;
                }

                var module = type.Namespace == root ? "index" : type.Namespace![(root.Length + 1)..].Replace('.', '/').ToLowerInvariant();
                var name = char.ToLowerInvariant(type.Name[0]) + type.Name[1..];
                functions[$"{package}:{module}/{name}:{name}"] = invoke;
            }
        }

        return functions.ToImmutable();
    }
}
