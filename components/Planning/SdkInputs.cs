using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Infra.Model.Planning;
using Pulumi;
using Pulumi.Serialization;

namespace Infra.Components.Planning;

/// <summary>
/// Builds the SDK's typed arguments from a plan node's inputs: each input goes to the member its <c>[Input]</c>
/// attribute names, converted to the member's declared type (<see cref="Input{T}"/>, <see cref="InputList{T}"/>,
/// <see cref="InputMap{T}"/>, <see cref="InputUnion{T0, T1}"/>, nested argument classes, plain values). Values known
/// only at deploy time (other nodes' outputs, secrets) come from <paramref name="resolve"/> as plain trees.
/// An input the arguments class has no member for is a defect in the model, reported as such.
/// </summary>
/// <param name="resolve">A plan value as an output of plain values (strings, numbers, booleans, immutable maps and lists).</param>
internal sealed class SdkInputs(Func<PlanValue, Output<object?>> resolve)
{
    private static readonly ConcurrentDictionary<Type, ImmutableDictionary<string, PropertyInfo>> MembersByType = new();
    private static readonly MethodInfo InputOfMethod = Method(nameof(InputOf));
    private static readonly MethodInfo TypedOfMethod = Method(nameof(TypedOf));
    private static readonly MethodInfo ListOfMethod = Method(nameof(ListOf));
    private static readonly MethodInfo MapOfMethod = Method(nameof(MapOf));
    private static readonly MethodInfo UnionOfMethod = Method(nameof(UnionOf));
    private static readonly MethodInfo GatedMethod = Method(nameof(Gated));

    /// <summary>The input names an arguments class takes.</summary>
    public static IEnumerable<string> InputNames(Type argsType) => Members(argsType).Keys;

    /// <summary>
    /// Fills <paramref name="args"/> from <paramref name="inputs"/>; where <paramref name="gate"/> is given, each
    /// single-valued input waits for it (a look-up's checks), so that the resource is not registered before they pass.
    /// </summary>
    public T Fill<T>(T args, IEnumerable<KeyValuePair<string, PlanValue>> inputs, Output<bool>? gate, string context)
        where T : notnull
    {
        var members = Members(args.GetType());
        foreach (var (key, value) in inputs)
        {
            if (!members.TryGetValue(key, out var member))
            {
                throw new InvalidOperationException($"{context}: {args.GetType().FullName} has no input '{key}'; the plan and the SDK disagree.");
            }

            var built = Build(value, member.PropertyType, $"{context}.{key}");
            if (gate is not null && member.PropertyType.IsGenericType && member.PropertyType.GetGenericTypeDefinition() == typeof(Input<>))
            {
                built = Call(GatedMethod.MakeGenericMethod(member.PropertyType.GenericTypeArguments[0]), [built, gate]);
            }

            member.SetValue(args, built);
        }

        return args;
    }

    /// <summary>A value converted to <paramref name="target"/>, one of the SDK's input types or a plain type.</summary>
    public object? Build(PlanValue value, Type target, string context)
    {
        if (target.IsGenericType)
        {
            var definition = target.GetGenericTypeDefinition();
            var arguments = target.GenericTypeArguments;
            if (definition == typeof(Input<>))
            {
                return Call(InputOfMethod.MakeGenericMethod(arguments[0]), [Inner(value, arguments[0], context)]);
            }

            if (definition == typeof(InputList<>))
            {
                var itemType = typeof(Input<>).MakeGenericType(arguments[0]);
                object? items = value is PlanValue.ListValue list
                    ? list.Items.Select((item, i) => Build(item, itemType, $"{context}[{i}]")).ToArray()
                    : Dynamic(value, context, typeof(ImmutableArray<>).MakeGenericType(arguments[0]));
                return Call(ListOfMethod.MakeGenericMethod(arguments[0]), [items]);
            }

            if (definition == typeof(InputMap<>))
            {
                var itemType = typeof(Input<>).MakeGenericType(arguments[0]);
                object? entries = value is PlanValue.MapValue map
                    ? map.Entries.Select(e => KeyValuePair.Create(e.Key, Build(e.Value, itemType, $"{context}.{e.Key}"))).ToArray()
                    : Dynamic(value, context, typeof(ImmutableDictionary<,>).MakeGenericType(typeof(string), arguments[0]));
                return Call(MapOfMethod.MakeGenericMethod(arguments[0]), [entries]);
            }

            if (definition == typeof(InputUnion<,>))
            {
                return Call(UnionOfMethod.MakeGenericMethod(arguments), [Plain(Literal(value, context), typeof(object), context)]);
            }
        }

        return Inner(value, target, context);
    }

    // A value of type T itself, or an Output<T> where it is known only at deploy time.
    private object? Inner(PlanValue value, Type target, string context)
    {
        if (IsArgs(target) && value is PlanValue.MapValue map)
        {
            return Fill(Activator.CreateInstance(target)!, map.Entries, null, context);
        }

        return IsDynamic(value) ? Typed(value, target, context) : Plain(Literal(value, context), target, context);
    }

    private object? Dynamic(PlanValue value, string context, Type target) =>
        IsDynamic(value) ? Typed(value, target, context) : throw new InvalidOperationException($"{context}: a {target.Name} cannot be made of {value}.");

    // An Output<T> of a value known only at deploy time, converted from the plain tree it resolves to.
    private object? Typed(PlanValue value, Type target, string context) =>
        Call(TypedOfMethod.MakeGenericMethod(target), [resolve(value), (Func<object?, object?>)(plain => Plain(plain, target, context))]);

    /// <summary>Whether a value is known only at deploy time.</summary>
    public static bool IsDynamic(PlanValue value) => value.IsSecret || value.References().Any();

    /// <summary>A plan value with no references or secrets as a plain tree.</summary>
    public static object? Literal(PlanValue value, string context) => value switch
    {
        PlanValue.Literal { Value: long number } => number is >= int.MinValue and <= int.MaxValue ? (object)(int)number : number,
        PlanValue.Literal literal => literal.Value,
        PlanValue.ListValue list => list.Items.Select(i => Literal(i, context)).ToImmutableArray(),
        PlanValue.MapValue map => map.Entries.ToImmutableDictionary(e => e.Key, e => Literal(e.Value, context), StringComparer.Ordinal),
        PlanValue.Concat concat => string.Concat(concat.Parts.Select(p => Literal(p, context))),
        _ => throw new InvalidOperationException($"{context}: {value} is known only at deploy time."),
    };

    /// <summary>A plain tree converted to <paramref name="target"/>.</summary>
    public static object? Plain(object? value, Type target, string context)
    {
        if (value is null)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type == typeof(object))
        {
            return value switch
            {
                IDictionary map => ImmutableDictionary.CreateRange(StringComparer.Ordinal, map.Keys.Cast<string>().Select(k => KeyValuePair.Create(k, Plain(map[k], typeof(object), context)!))),
                IEnumerable items and not string => items.Cast<object?>().Select(i => Plain(i, typeof(object), context)!).ToImmutableArray(),
                _ => value,
            };
        }

        if (type == typeof(string))
        {
            return value as string ?? throw Mismatch(value, type, context);
        }

        if (type == typeof(int))
        {
            return value is int or long ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : throw Mismatch(value, type, context);
        }

        if (type == typeof(double))
        {
            return value is int or long or double ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : throw Mismatch(value, type, context);
        }

        if (type == typeof(bool))
        {
            return value as bool? ?? throw Mismatch(value, type, context);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) && value is IEnumerable list and not string)
        {
            var item = type.GenericTypeArguments[0];
            var items = list.Cast<object?>().Select(i => Plain(i, item, context)).ToArray();
            var array = Array.CreateInstance(item, items.Length);
            Array.Copy(items, array, items.Length);
            return typeof(ImmutableArray).GetMethods().Single(m => m.Name == nameof(ImmutableArray.Create) && m.GetParameters() is [{ ParameterType.IsArray: true }])
                .MakeGenericMethod(item).Invoke(null, [array]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableDictionary<,>) && value is IDictionary dictionary)
        {
            var item = type.GenericTypeArguments[1];
            var builder = typeof(ImmutableDictionary).GetMethods().Single(m => m.Name == nameof(ImmutableDictionary.CreateBuilder) && m.GetParameters().Length == 0)
                .MakeGenericMethod(typeof(string), item).Invoke(null, null)!;
            var add = builder.GetType().GetMethod("Add", [typeof(string), item])!;
            foreach (var key in dictionary.Keys.Cast<string>().Order(StringComparer.Ordinal))
            {
                add.Invoke(builder, [key, Plain(dictionary[key], item, context)]);
            }

            return builder.GetType().GetMethod("ToImmutable")!.Invoke(builder, null);
        }

        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        throw Mismatch(value, type, context);
    }

    private static InvalidOperationException Mismatch(object value, Type type, string context) =>
        new($"{context}: the plan's value '{value}' ({value.GetType().Name}) does not fit the SDK's {type.Name}.");

    private static bool IsArgs(Type type) => typeof(ResourceArgs).IsAssignableFrom(type) || typeof(InvokeArgs).IsAssignableFrom(type);

    /// <summary>
    /// The settable members of an arguments class by input name. The SDK puts <c>[Input]</c> on a property, or on
    /// the private field behind a list or map property (<c>_stringData</c> behind <c>StringData</c>), whose setter
    /// must be used: it is where the SDK marks inputs secret.
    /// </summary>
    private static ImmutableDictionary<string, PropertyInfo> Members(Type argsType) => MembersByType.GetOrAdd(argsType, type =>
    {
        var members = ImmutableDictionary.CreateBuilder<string, PropertyInfo>(StringComparer.Ordinal);
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var member in current.GetFields(Declared).Cast<MemberInfo>().Concat(current.GetProperties(Declared)))
            {
                if (member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(InputAttribute)) is not { } input)
                {
                    continue;
                }

                var name = (string)input.ConstructorArguments[0].Value!;
                var property = member as PropertyInfo ?? type.GetProperty(member.Name.TrimStart('_'), BindingFlags.Instance | BindingFlags.Public | BindingFlags.IgnoreCase);
                if (property?.SetMethod is { IsPublic: true } && !members.ContainsKey(name))
                {
                    members[name] = property;
                }
            }
        }

        return members.ToImmutable();
    });

    private static object? Call(MethodInfo method, params object?[] arguments)
    {
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private static MethodInfo Method(string name) => typeof(SdkInputs).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Input<T> InputOf<T>(object? value) => value is Output<T> output ? output : (T)value!;

    private static Output<T> TypedOf<T>(Output<object?> value, Func<object?, object?> convert) => value.Apply(v => (T)convert(v)!);

    private static InputList<T> ListOf<T>(object? items)
    {
        if (items is Output<ImmutableArray<T>> output)
        {
            return output;
        }

        var list = new InputList<T>();
        list.Add([.. ((object?[])items!).Cast<Input<T>>()]);
        return list;
    }

    private static InputMap<T> MapOf<T>(object? entries)
    {
        if (entries is Output<ImmutableDictionary<string, T>> output)
        {
            return output;
        }

        var map = new InputMap<T>();
        foreach (var (key, value) in (KeyValuePair<string, object?>[])entries!)
        {
            map.Add(key, (Input<T>)value!);
        }

        return map;
    }

    private static InputUnion<T0, T1> UnionOf<T0, T1>(object? value) => value switch
    {
        T0 first => first,
        T1 second => second,
        _ => throw new InvalidOperationException($"'{value}' is neither a {typeof(T0).Name} nor a {typeof(T1).Name}."),
    };

    private static Input<T> Gated<T>(Input<T> value, Output<bool> gate) => Output.Tuple(gate, value.ToOutput()).Apply(t => t.Item2);
}
