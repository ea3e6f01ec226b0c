using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Infra.Model.Configuration;

/// <summary>
/// The shape of a config namespace, read from its options records: which keys exist, what each holds, which
/// must be set and which are secrets. It checks a snapshot before binding, so that every unknown key, wrong
/// type and missing value is reported at once instead of stopping at the first, and then binds what
/// it accepted.
/// </summary>
/// <remarks>
/// The options records are read by reflection over their public properties. Infra.Model's ILLink.Descriptors.xml
/// keeps every type of <c>Infra.Model.Options</c> whole, so a trimmed or natively compiled infractl reads them as
/// the JIT does.
/// </remarks>
public sealed class ConfigSchema
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<PropertyInfo>> Properties = new();

    private readonly string _namespace;
    private readonly Type _rootType;
    private readonly bool _rejectUnknownKeys;

    /// <summary>Creates the schema of namespace <paramref name="configNamespace"/> bound to <paramref name="rootType"/>.</summary>
    /// <param name="configNamespace">The Pulumi config namespace, e.g. <c>mlops</c>.</param>
    /// <param name="rootType">The options record the namespace binds to.</param>
    /// <param name="rejectUnknownKeys">
    /// Whether keys the record does not know are errors: true for the namespace this project owns, false for a
    /// provider's namespace, whose other keys the provider reads itself.
    /// </param>
    public ConfigSchema(string configNamespace, Type rootType, bool rejectUnknownKeys = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configNamespace);
        ArgumentNullException.ThrowIfNull(rootType);
        _namespace = configNamespace;
        _rootType = rootType;
        _rejectUnknownKeys = rejectUnknownKeys;
    }

    /// <summary>The Pulumi config namespace.</summary>
    public string Namespace => _namespace;

    /// <summary>The options record the namespace binds to.</summary>
    public Type RootType => _rootType;

    /// <summary>The kinds of value a setting holds.</summary>
    internal enum ValueKind
    {
        Text,
        WholeNumber,
        Number,
        Boolean,
        Choice,
        Secret,
        List,
        Map,
    }

    /// <summary>The config key name of a property: its name in camelCase, as the stack files spell it.</summary>
    public static string KeyName(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return CamelCase(property.Name);
    }

    /// <summary>The config spelling of an enum value (camelCase of its name).</summary>
    public static string ChoiceName(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return CamelCase(value.ToString());
    }

    /// <summary>
    /// Every setting of the schema, leaves only, as the configuration reference spells them: <c>mlops:gpu.hosts[].name</c>.
    /// </summary>
    public IEnumerable<string> Keys() => Settings().Select(s => s.Key);

    /// <summary>Every setting of the schema, leaves only, with its kind, whether it is required and its choices: what the configuration reference documents.</summary>
    public IEnumerable<ConfigSetting> Settings() => SettingsOf(_rootType, null);

    /// <summary>Whether the IConfiguration path names a setting of this schema.</summary>
    public bool Knows(string configurationPath) => TypeAt(configurationPath) is not null;

    /// <summary>Whether the setting at an IConfiguration path of this namespace is a secret.</summary>
    public bool IsSecretPath(string configurationPath)
    {
        var type = TypeAt(configurationPath);
        return type is not null && Classify(type) == ValueKind.Secret;
    }

    /// <summary>
    /// Checks every key of the namespace in <paramref name="snapshot"/>. Returns the errors and the paths that
    /// must not be bound (unknown or ill-typed keys).
    /// </summary>
    public (IReadOnlyList<ConfigError> Errors, IReadOnlySet<string> Rejected) Check(ConfigSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var walk = new Walk(snapshot, _rejectUnknownKeys);
        walk.Object(_namespace, _rootType, present: true);
        return (walk.Errors, walk.Rejected);
    }

    /// <summary>
    /// The namespace's options record bound from <paramref name="snapshot"/>, or null where it sets nothing in the
    /// namespace. Give it the keys <see cref="Check"/> accepted (the snapshot without the rejected paths and empty
    /// values): every value is then of its setting's type, and it binds as Microsoft.Extensions.Configuration's
    /// binder did: each property from its key, case aside; numbers, booleans and choices parsed as their type
    /// converters parse them (invariant culture, choices in any case); a map where it has keys; a list's entries
    /// in index order (an array), an entry that sets nothing left out; a secret as the place it names.
    /// </summary>
    public object? Bind(ConfigSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return BindValue(snapshot, _namespace, _rootType);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The options records are kept whole (ILLink.Descriptors.xml).")]
    internal static IReadOnlyList<PropertyInfo> SettableProperties(Type type) =>
        Properties.GetOrAdd(type, t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .ToArray());

    internal static ValueKind Classify(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return ValueKind.Text;
        }

        if (t == typeof(int) || t == typeof(long))
        {
            return ValueKind.WholeNumber;
        }

        if (t == typeof(double) || t == typeof(decimal))
        {
            return ValueKind.Number;
        }

        if (t == typeof(bool))
        {
            return ValueKind.Boolean;
        }

        if (t.IsEnum)
        {
            return ValueKind.Choice;
        }

        if (t == typeof(SecretSetting))
        {
            return ValueKind.Secret;
        }

        if (ElementType(t) is not null)
        {
            return ValueKind.List;
        }

        return ValueKind.Map;
    }

    internal static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    internal static IReadOnlyList<string> Choices(Type enumType) =>
        Enum.GetNames(Nullable.GetUnderlyingType(enumType) ?? enumType).Select(CamelCase).ToArray();

    internal static string Placeholder(Type type) => Classify(type) switch
    {
        ValueKind.WholeNumber or ValueKind.Number => "<number>",
        ValueKind.Boolean => "true|false",
        ValueKind.Choice => string.Join('|', Choices(type)),
        _ => "<value>",
    };

    private static object? BindValue(ConfigSnapshot snapshot, string path, Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var kind = Classify(underlying);
        if (kind is ValueKind.Map or ValueKind.List)
        {
            if (!snapshot.HasChildren(path))
            {
                return null;
            }

            return kind is ValueKind.Map ? BindObject(snapshot, path, underlying) : BindList(snapshot, path, ElementType(underlying)!);
        }

        var value = snapshot.Value(path);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return kind switch
        {
            ValueKind.WholeNumber when underlying == typeof(int) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
            ValueKind.WholeNumber => long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture),
            ValueKind.Number when underlying == typeof(double) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            ValueKind.Number => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
            ValueKind.Boolean => bool.Parse(value),
            ValueKind.Choice => Enum.Parse(underlying, value, ignoreCase: true),
            ValueKind.Secret => SecretSetting.FromMarker(value),
            _ => value,
        };
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = "The options records are kept whole (ILLink.Descriptors.xml), their parameterless constructors with them.")]
    private static object BindObject(ConfigSnapshot snapshot, string path, Type type)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in SettableProperties(type))
        {
            if (BindValue(snapshot, $"{path}:{KeyName(property)}", property.PropertyType) is { } value)
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "List entries are strings or options records: an array of a reference type needs no code of its own.")]
    private static Array BindList(ConfigSnapshot snapshot, string path, Type element)
    {
        var entries = snapshot.Children(path).Select(child => BindValue(snapshot, $"{path}:{child}", element)).OfType<object>().ToArray();
        var list = Array.CreateInstance(element, entries.Length);
        Array.Copy(entries, list, entries.Length);
        return list;
    }

    private IEnumerable<ConfigSetting> SettingsOf(Type type, string? prefix)
    {
        foreach (var property in SettableProperties(type))
        {
            var key = prefix is null ? $"{_namespace}:{KeyName(property)}" : $"{prefix}.{KeyName(property)}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var kind = Classify(propertyType);
            if (kind == ValueKind.Map)
            {
                foreach (var child in SettingsOf(propertyType, key))
                {
                    yield return child;
                }
            }
            else if (kind == ValueKind.List && Classify(ElementType(propertyType)!) == ValueKind.Map)
            {
                foreach (var child in SettingsOf(ElementType(propertyType)!, key + "[]"))
                {
                    yield return child;
                }
            }
            else
            {
                yield return new ConfigSetting(key, kind.ToString(), IsRequired(property), kind == ValueKind.Choice ? Choices(propertyType) : []);
            }
        }
    }

    // How to set a missing setting: the setting itself, or for a map its keys, since a map takes no value of its own.
    private static string FixFor(string path, Type type, bool secret)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (Classify(underlying) != ValueKind.Map)
        {
            return $"Set it with '{ConfigKeyPath.SetCommand(path, Placeholder(type), secret)}'.";
        }

        var keys = SettableProperties(underlying).Where(IsRequired).DefaultIfEmpty(SettableProperties(underlying)[0]).ToArray();
        return $"Set its keys, such as {string.Join(" and ", keys.Select(k => $"'{ConfigKeyPath.SetCommand($"{path}:{KeyName(k)}", Placeholder(k.PropertyType), Classify(k.PropertyType) == ValueKind.Secret)}'"))}.";
    }

    private static bool IsRequired(PropertyInfo property) => property.IsDefined(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute), inherit: false);

    private static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private Type? TypeAt(string configurationPath)
    {
        var segments = configurationPath.Split(':');
        if (segments.Length < 2 || !segments[0].Equals(_namespace, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Type current = _rootType;
        foreach (var segment in segments.Skip(1))
        {
            if (ElementType(current) is { } element)
            {
                current = element;
                continue;
            }

            var property = SettableProperties(current).FirstOrDefault(p => p.Name.Equals(segment, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                return null;
            }

            current = property.PropertyType;
        }

        return current;
    }

    private sealed class Walk(ConfigSnapshot snapshot, bool rejectUnknownKeys)
    {
        // A required setting another setting makes unneeded: mlops:vsphere in a teams stack, which reads no vCenter.
        private bool IsWaived(PropertyInfo property, string path) =>
            property.GetCustomAttribute<WaivedWhenAttribute>() is { } waiver
            && string.Equals(snapshot.Value($"{path}:{waiver.Key}"), waiver.Value, StringComparison.OrdinalIgnoreCase);

        public List<ConfigError> Errors { get; } = [];

        public HashSet<string> Rejected { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void Value(string path, Type type)
        {
            var kind = Classify(type);
            var value = snapshot.Value(path);
            var hasChildren = snapshot.HasChildren(path);
            var key = ConfigKeyPath.ToPulumi(path);

            if (kind is ValueKind.Map)
            {
                Object(path, type, present: true);
                return;
            }

            if (kind is ValueKind.List)
            {
                List(path, type);
                return;
            }

            if (hasChildren)
            {
                Reject(CommonErrors.NotSingleValue, path, $"{key} must be a single value, not a map or a list. Set it with '{ConfigKeyPath.SetCommand(path, Placeholder(type))}'.");
                return;
            }

            if (kind is ValueKind.Secret)
            {
                if (!SecretSetting.IsMarker(value) && !string.IsNullOrEmpty(value))
                {
                    Reject(CommonErrors.PlainSecret, path, $"{key} is a secret but is stored in plain text in {snapshot.Source}. Remove it with '{ConfigKeyPath.RemoveCommand(path)}', then set it with '{ConfigKeyPath.SetCommand(path, "<value>", secret: true)}'.");
                }

                return;
            }

            if (SecretSetting.IsMarker(value))
            {
                Reject(CommonErrors.EncryptedNotSecret, path, $"{key} is encrypted, but it is not a secret setting, so it cannot be checked or planned offline. Set it in plain text with '{ConfigKeyPath.SetCommand(path, Placeholder(type))}'.");
                return;
            }

            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            var rule = kind switch
            {
                ValueKind.WholeNumber when !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => "is not a whole number",
                ValueKind.Number when !double.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _) => "is not a number",
                ValueKind.Boolean when value.Trim() != value || !bool.TryParse(value, out _) => "is not true or false",
                ValueKind.Choice when !Choices(type).Contains(value, StringComparer.OrdinalIgnoreCase) => $"is not one of {string.Join(", ", Choices(type))}",
                _ => null,
            };

            if (rule is not null)
            {
                Reject(CommonErrors.InvalidValue, path, $"{key} '{value}' {rule}. Set it with '{ConfigKeyPath.SetCommand(path, Placeholder(type))}'.");
            }
            else if (kind is ValueKind.WholeNumber && Nullable.GetUnderlyingType(type) == typeof(int) && !int.TryParse(value, CultureInfo.InvariantCulture, out _))
            {
                Reject(CommonErrors.TooLarge, path, $"{key} '{value}' is too large. Set it with '{ConfigKeyPath.SetCommand(path, Placeholder(type))}'.");
            }
        }

        public void Object(string path, Type type, bool present)
        {
            var key = ConfigKeyPath.ToPulumi(path);
            var properties = SettableProperties(type);
            var value = snapshot.Value(path);
            var isRoot = !path.Contains(':', StringComparison.Ordinal);

            if (!isRoot && !snapshot.HasChildren(path) && !string.IsNullOrEmpty(value))
            {
                var shown = SecretSetting.IsMarker(value) ? "[secret]" : value;
                Reject(CommonErrors.NotMap, path, $"{key} '{shown}' must be a map of settings ({string.Join(", ", properties.Select(KeyName))}). See the configuration reference in README.md.");
                return;
            }

            foreach (var child in snapshot.Children(path))
            {
                var childPath = $"{path}:{child}";
                var property = properties.FirstOrDefault(p => p.Name.Equals(child, StringComparison.OrdinalIgnoreCase));
                if (property is null && !rejectUnknownKeys)
                {
                    continue;
                }

                if (property is null)
                {
                    var known = properties.Select(p => isRoot ? $"{path}:{KeyName(p)}" : KeyName(p)).ToArray();
                    var suggestion = Suggestions.Closest(child, properties.Select(KeyName));
                    var didYouMean = suggestion is null ? string.Empty : $" Did you mean '{ConfigKeyPath.ToPulumi($"{path}:{suggestion}")}'?";
                    var scope = isRoot ? $"namespace {path}" : key;
                    Reject(CommonErrors.UnknownKey, childPath, $"{ConfigKeyPath.ToPulumi(childPath)} is not a known setting.{didYouMean} Known settings in {scope}: {string.Join(", ", known)}. Remove it with '{ConfigKeyPath.RemoveCommand(childPath)}'.");
                    continue;
                }

                if (child != KeyName(property))
                {
                    var spelt = ConfigKeyPath.ToPulumi($"{path}:{KeyName(property)}");
                    Reject(CommonErrors.KeyCase, childPath, $"{ConfigKeyPath.ToPulumi(childPath)} is spelt '{spelt}'. Pulumi tells keys apart by letter case, so 'pulumi config get' and 'rm' would not find the setting by its name. Remove it with '{ConfigKeyPath.RemoveCommand(childPath)}', then set it as '{spelt}'.");
                    continue;
                }

                Value(childPath, property.PropertyType);
            }

            if (!present)
            {
                return;
            }

            foreach (var property in properties.Where(p => IsRequired(p) && !IsWaived(p, path)))
            {
                var childPath = $"{path}:{KeyName(property)}";
                if (string.IsNullOrEmpty(snapshot.Value(childPath)) && !snapshot.HasChildren(childPath))
                {
                    var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description;
                    var what = description is null ? string.Empty : $": {description}";
                    var secret = Classify(property.PropertyType) == ValueKind.Secret;
                    Errors.Add(new ConfigError(
                        CommonErrors.Required,
                        ConfigKeyPath.ToPulumi(childPath),
                        $"{ConfigKeyPath.ToPulumi(childPath)} is required but not set{what}. {FixFor(childPath, property.PropertyType, secret)}"));
                    Rejected.Add(childPath);
                }
            }
        }

        private void List(string path, Type type)
        {
            var element = ElementType(Nullable.GetUnderlyingType(type) ?? type)!;
            var key = ConfigKeyPath.ToPulumi(path);
            var value = snapshot.Value(path);
            var children = snapshot.Children(path).ToArray();
            if (children.Length == 0 && !string.IsNullOrEmpty(value))
            {
                Reject(CommonErrors.NotList, path, $"{key} '{value}' must be a list. See the configuration reference in README.md.");
                return;
            }

            if (children.Any(c => !c.All(char.IsAsciiDigit)))
            {
                Reject(CommonErrors.ListNotMap, path, $"{key} must be a list, not a map. Write its entries as YAML list items ('- ...').");
                return;
            }

            foreach (var child in children)
            {
                var childPath = $"{path}:{child}";
                if (Classify(element) == ValueKind.Map)
                {
                    Object(childPath, element, present: true);
                }
                else
                {
                    Value(childPath, element);
                }
            }
        }

        private void Reject(ErrorCode code, string path, string message)
        {
            Errors.Add(new ConfigError(code, ConfigKeyPath.ToPulumi(path), message));
            Rejected.Add(path);
        }
    }
}
