using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text;
using Infra.Components.Configuration;
using Infra.Model.Planning;
using Pulumi;
using Pulumi.Serialization;

namespace Infra.Components.Planning;

/// <summary>
/// Registers a plan with the real SDK, node by node in plan order: each component as a
/// <see cref="PlannedComponent"/>, each resource as the SDK's own class for its type token (a Kubernetes kind
/// without one as a <see cref="Pulumi.Kubernetes.ApiExtensions.CustomResource"/>) with typed arguments built from
/// the node's inputs, each look-up through the SDK's function, each read through the class's <c>Get</c>; with the
/// node's parent, provider, <c>protect</c>, <c>dependsOn</c>, timeouts, ignored changes, transforms and checks.
/// Nothing here decides anything: every value comes from the plan.
/// </summary>
public sealed class PlanRegistrar
{
    private readonly ISecretSource _secrets;
    private readonly Dictionary<string, Resource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Output<object?>> _lookups = new(StringComparer.Ordinal);
    private readonly SdkInputs _inputs;

    /// <summary>A registrar that reads config secrets from <paramref name="secrets"/>.</summary>
    public PlanRegistrar(ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _secrets = secrets;
        _inputs = new SdkInputs(Resolve);
    }

    /// <summary>What has been registered, by node id.</summary>
    public IReadOnlyDictionary<string, Resource> Resources => _resources;

    /// <summary>Registers every node of <paramref name="plan"/>; returns the stack's outputs, resolved.</summary>
    public IDictionary<string, object?> Register(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Register(plan.Nodes);
        return plan.Outputs.ToDictionary(o => o.Key, o => (object?)Export(o.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// Registers <paramref name="nodes"/> (components first, parents before children, then the rest in the order
    /// given, which must be a plan's order); nodes they refer to must be registered (or adopted) already or be among them.
    /// </summary>
    public void Register(IEnumerable<PlanNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var list = nodes.ToList();
        var components = list.Where(n => n.Kind == PlanNodeKind.Component).ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var component in components.Values.OrderBy(c => Depth(c, components)).ThenBy(c => c.Id, StringComparer.Ordinal))
        {
            _resources[component.Id] = new PlannedComponent(component.Type, component.Name, new ComponentResourceOptions { Parent = ParentOf(component) });
        }

        foreach (var node in list.Where(n => n.Kind != PlanNodeKind.Component))
        {
            switch (node.Kind)
            {
                case PlanNodeKind.DataSource:
                    _lookups[node.Id] = LookUp(node);
                    break;
                case PlanNodeKind.Read:
                    _resources[node.Id] = Read(node);
                    break;
                default:
                    _resources[node.Id] = Create(node);
                    break;
            }
        }
    }

    /// <summary>Makes <paramref name="resource"/>, registered elsewhere, the resource of plan node <paramref name="nodeId"/>: a provider the program built itself, or the component that stands for a part.</summary>
    public void Adopt(string nodeId, Resource resource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        ArgumentNullException.ThrowIfNull(resource);
        _resources[nodeId] = resource;
    }

    /// <summary>A plan value as the engine will see it: an output of plain values, secret where the source is.</summary>
    public Output<object?> Resolve(PlanValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            PlanValue.Literal literal => Output.Create(SdkInputs.Literal(literal, "literal")),
            PlanValue.ListValue list => Output.All(list.Items.Select(Resolve)).Apply(items => (object?)items),
            PlanValue.MapValue map => Output.All(map.Entries.Values.Select(Resolve))
                .Apply(values => (object?)map.Entries.Keys.Zip(values).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)),
            PlanValue.OutputRef output => NodeOutput(output.NodeId, output.Property),
            PlanValue.GeneratedPassword generated => Output.CreateSecret(Box(((Pulumi.Random.RandomPassword)_resources[generated.NodeId]).Result)),
            PlanValue.ConfigSecret config => Output.CreateSecret(Box(_secrets.Require(config.Setting))),
            PlanValue.StackOutputSecret stackOutput => Output.CreateSecret(((StackReference)_resources[stackOutput.NodeId]).RequireOutput(stackOutput.OutputName)
                .Apply(o => (object?)(o as string ?? Convert.ToString(o, CultureInfo.InvariantCulture)))),
            PlanValue.SecretDataKey data => Output.CreateSecret(((Pulumi.Kubernetes.Core.V1.Secret)_resources[data.NodeId]).Data
                .Apply(d => (object?)Encoding.UTF8.GetString(Convert.FromBase64String(d[data.Key])))),
            PlanValue.Concat concat => Output.All(concat.Parts.Select(Resolve)).Apply(parts => (object?)string.Concat(parts)),
            _ => throw new InvalidOperationException($"No source for plan value {value.GetType().Name}."),
        };
    }

    // Text is exported as text (a secret one stays secret); anything else as the plain tree it resolves to.
    private object Export(PlanValue value) => value switch
    {
        PlanValue.Literal { Value: string text } => Output.Create(text),
        PlanValue.SecretValue or PlanValue.Concat => Resolve(value).Apply(v => (string)v!),
        _ => Resolve(value),
    };

    private static int Depth(PlanNode node, Dictionary<string, PlanNode> components) =>
        node.Parent is { } parent && components.TryGetValue(parent, out var up) ? 1 + Depth(up, components) : 0;

    private Resource? ParentOf(PlanNode node) => node.Parent is null ? null : _resources[node.Parent];

    private ProviderResource? ProviderOf(PlanNode node) =>
        node.Provider is null or PlanNode.DefaultProvider ? null : (ProviderResource)_resources[node.Provider];

    private Output<object?> LookUp(PlanNode node)
    {
        var invoke = SdkCatalog.Function(node.Type) ?? throw new InvalidOperationException($"{node.Id}: the SDK has no function '{node.Type}'.");
        var args = _inputs.Fill(Activator.CreateInstance(invoke.GetParameters()[0].ParameterType)!, node.Inputs, null, node.Id);
        var options = new InvokeOptions { Parent = ParentOf(node), Provider = ProviderOf(node) };
        return BoxOutput(invoke.Invoke(null, [args, options])!);
    }

    private Resource Read(PlanNode node)
    {
        var id = (string)SdkInputs.Literal(node.Inputs["id"], node.Id)!;
        var options = new CustomResourceOptions { Parent = ParentOf(node), Provider = ProviderOf(node), DependsOn = [.. DependsOn(node)] };
        if (node.Type == SdkCatalog.StackReference)
        {
            return new StackReference(node.Name, new StackReferenceArgs { Name = id }, options);
        }

        var type = SdkCatalog.Resource(node.Type) ?? throw new InvalidOperationException($"{node.Id}: the SDK has no resource '{node.Type}'.");
        var get = type.GetMethod("Get", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(Input<string>), typeof(CustomResourceOptions)])
            ?? throw new InvalidOperationException($"{node.Id}: {type.Name} cannot be read by id.");
        return (Resource)get.Invoke(null, [node.Name, (Input<string>)id, options])!;
    }

    private Resource Create(PlanNode node)
    {
        var gate = Gate(node);
        if (SdkCatalog.IsCustomResource(node.Type))
        {
            var manifest = new ManifestArgs((string)SdkInputs.Literal(node.Inputs["apiVersion"], node.Id)!, (string)SdkInputs.Literal(node.Inputs["kind"], node.Id)!);
            _inputs.Fill(manifest, node.Inputs.Where(i => i.Key is not ("apiVersion" or "kind")), gate, node.Id);
            return new Pulumi.Kubernetes.ApiExtensions.CustomResource(node.Name, manifest, CustomOptions(node));
        }

        var type = SdkCatalog.Resource(node.Type) ?? throw new InvalidOperationException($"{node.Id}: the SDK has no resource '{node.Type}'.");
        var constructor = SdkCatalog.Constructor(type);
        var parameters = constructor.GetParameters();
        var args = _inputs.Fill(Activator.CreateInstance(parameters[1].ParameterType)!, node.Inputs, gate, node.Id);
        ResourceOptions options = parameters[2].ParameterType == typeof(ComponentResourceOptions) ? ComponentOptions(node) : CustomOptions(node);
        try
        {
            return (Resource)constructor.Invoke([node.Name, args, options]);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private CustomResourceOptions CustomOptions(PlanNode node)
    {
        var options = new CustomResourceOptions
        {
            Parent = ParentOf(node),
            Provider = ProviderOf(node),
            Protect = node.Protect,
            DependsOn = [.. DependsOn(node)],
            CustomTimeouts = Timeouts(node.Timeouts),
        };
        options.IgnoreChanges.AddRange(node.IgnoreChanges);
        return options;
    }

    // A manifest bundle or kustomization: a component whose objects the provider registers, each through the transforms.
    private ComponentResourceOptions ComponentOptions(PlanNode node)
    {
        var options = new ComponentResourceOptions { Parent = ParentOf(node), DependsOn = [.. DependsOn(node)], Protect = node.Protect };
        if (ProviderOf(node) is { } provider)
        {
            options.Providers.Add(provider);
        }

        options.ResourceTransforms.AddRange(node.Transforms.Select(PlanTransforms.Of));
        return options;
    }

    // Look-ups are waited for through the gate; every other dependency must be registered already.
    private IEnumerable<Resource> DependsOn(PlanNode node) =>
        node.DependsOn.Where(id => !_lookups.ContainsKey(id)).Select(id => _resources.TryGetValue(id, out var resource)
            ? resource
            : throw new InvalidOperationException($"{node.Id} waits for '{id}', which is not registered yet: register nodes in plan order."));

    /// <summary>
    /// What the node's inputs wait for beyond resources: the look-ups it depends on, and its checks over look-up
    /// results, which fail the resource with the check's message naming the setting to fix.
    /// </summary>
    private Output<bool>? Gate(PlanNode node)
    {
        var waits = node.DependsOn.Where(_lookups.ContainsKey).Select(id => _lookups[id].Apply(_ => true)).ToList();
        var failOn = ParentOf(node);
        foreach (var check in node.Checks)
        {
            waits.Add(Output.All(check.Facts.Select(f => Resolve(f))).Apply(facts =>
                check.Failure(facts) is { } failure ? throw new ResourceException(failure, failOn, hideStack: true) : true));
        }

        return waits.Count == 0 ? null : Output.All(waits).Apply(_ => true);
    }

    private Output<object?> NodeOutput(string nodeId, string path)
    {
        if (_lookups.TryGetValue(nodeId, out var lookup))
        {
            return lookup.Apply(facts => Navigate(facts, path));
        }

        var resource = _resources[nodeId];
        var (head, rest) = FirstSegment(path);
        Output<object?> output;
        if (head == "outputs" && resource is StackReference reference && rest.Length > 0)
        {
            // One output of a referenced stack, alone: the whole map would be secret wherever one output is.
            var (name, below) = FirstSegment(rest);
            output = reference.GetOutput(name).Apply(value => Plain(value));
            return below.Length == 0 ? output : output.Apply(value => Navigate(value, below));
        }

        if (head == "id" && resource is CustomResource custom)
        {
            output = Box(custom.Id);
        }
        else
        {
            var property = resource.GetType().GetProperties().SingleOrDefault(p =>
                p.GetCustomAttributesData().Any(a => a.AttributeType == typeof(OutputAttribute) && (a.ConstructorArguments.Count == 0 ? CamelCase(p.Name) : (string?)a.ConstructorArguments[0].Value ?? CamelCase(p.Name)) == head))
                ?? throw new InvalidOperationException($"{resource.GetType().Name} has no output '{head}' (asked for by the plan's '{nodeId}.{path}').");
            output = BoxOutput(property.GetValue(resource)!);
        }

        return rest.Length == 0 ? output : output.Apply(value => Navigate(value, rest));
    }

    // A path's first name, and the path below it.
    private static (string Head, string Below) FirstSegment(string path) =>
        path.IndexOfAny(['.', '[']) is var split and > 0 ? (path[..split], path[split..].TrimStart('.')) : (path, string.Empty);

    private static object? Navigate(object? value, string path)
    {
        foreach (var segment in path.Replace("[", ".", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            value = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? ((IList)value!)[index]
                : value is IDictionary map && map.Contains(segment) ? map[segment] : null;
        }

        return value;
    }

    private static CustomTimeouts? Timeouts(PlanTimeouts? timeouts) =>
        timeouts is null ? null : new CustomTimeouts { Create = timeouts.Create, Update = timeouts.Update, Delete = timeouts.Delete };

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool IsDefaultArray(IEnumerable items) =>
        items.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
        && (bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(items)!;

    private static Output<object?> Box<T>(Output<T> output) => output.Apply(value => Plain(value));

    private static Output<object?> BoxOutput(object output) =>
        (Output<object?>)typeof(PlanRegistrar).GetMethod(nameof(Box), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(output.GetType().GenericTypeArguments[0]).Invoke(null, [output])!;

    /// <summary>
    /// An SDK value as a plain tree the plan's paths navigate: output types (<c>[OutputType]</c> classes) as maps
    /// of their members by camel-case name, dictionaries as maps, lists as lists.
    /// </summary>
    internal static object? Plain(object? value) => value switch
    {
        null or string or bool or int or long or double => value,
        IDictionary map => map.Keys.Cast<string>().ToImmutableDictionary(k => k, k => Plain(map[k]), StringComparer.Ordinal),
        IEnumerable items when IsDefaultArray(items) => ImmutableArray<object?>.Empty,
        IEnumerable items => items.Cast<object?>().Select(Plain).ToImmutableArray(),
        _ when value.GetType().GetCustomAttribute<OutputTypeAttribute>() is not null => value.GetType()
            .GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, Value: f.GetValue(value)))
            .Concat(value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (p.Name, Value: p.GetValue(value))))
            .ToImmutableDictionary(m => CamelCase(m.Name), m => Plain(m.Value), StringComparer.Ordinal),
        _ => value,
    };
}
