using System.Collections.Immutable;
using System.Globalization;
using Infra.Model.Configuration;

namespace Infra.Model.Planning;

/// <summary>
/// A resource input as the plan shows it, from a closed set of sources: a literal, a list or map of inputs, an
/// output of another node (known only at deploy time), a secret (a generated password, a config secret, a
/// referenced stack's output, a key of a Secret read back; never its value), or text with secrets embedded in it.
/// The registrar maps each kind onto the SDK; nothing here is a string a reader must parse.
/// </summary>
public abstract record PlanValue
{
    private const string Hole = "\u0000embedded-secret\u0000";

    private protected PlanValue()
    {
    }

    /// <summary>A text literal.</summary>
    public static PlanValue Of(string value) => new Literal(value);

    /// <summary>A whole-number literal.</summary>
    public static PlanValue Of(long value) => new Literal(value);

    /// <summary>A boolean literal.</summary>
    public static PlanValue Of(bool value) => new Literal(value);

    /// <summary>A list.</summary>
    public static PlanValue List(IEnumerable<PlanValue> items) => new ListValue([.. items]);

    /// <summary>A map.</summary>
    public static PlanValue Map(IEnumerable<KeyValuePair<string, PlanValue>> entries) =>
        new MapValue(entries.ToImmutableSortedDictionary(StringComparer.Ordinal));

    /// <summary>An output of another node, by the node's id and the output's name (a path such as <c>disks[0].size</c> for a look-up).</summary>
    public static PlanValue Output(string nodeId, string output) => new OutputRef(nodeId, output);

    /// <summary>The password a generated-password node makes.</summary>
    public static PlanValue Generated(string passwordNodeId) => new GeneratedPassword(passwordNodeId);

    /// <summary>A secret setting's value, read from the stack's config as a secret.</summary>
    public static PlanValue Config(SecretSetting setting) => new ConfigSecret(setting);

    /// <summary>An output of another stack, read through a stack reference node, as a secret.</summary>
    public static PlanValue StackOutput(string stackReferenceNodeId, string output) => new StackOutputSecret(stackReferenceNodeId, output);

    /// <summary>The decoded value of <paramref name="key"/> in a Secret a read node reads.</summary>
    public static PlanValue SecretData(string readNodeId, string key) => new SecretDataKey(readNodeId, key);

    /// <summary>
    /// Text with <paramref name="secret"/> embedded in it (a configuration file holding a key): <paramref name="render"/>
    /// gives the text around any value it is handed, and the plan keeps the parts apart.
    /// </summary>
    public static PlanValue Embed(Func<string, string> render, PlanValue secret)
    {
        ArgumentNullException.ThrowIfNull(render);
        ArgumentNullException.ThrowIfNull(secret);
        var pieces = render(Hole).Split(Hole);
        var parts = ImmutableArray.CreateBuilder<PlanValue>();
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length > 0)
            {
                parts.Add(Of(pieces[i]));
            }

            if (i < pieces.Length - 1)
            {
                parts.Add(secret);
            }
        }

        return new Concat(parts.ToImmutable());
    }

    /// <summary>The node ids this value refers to.</summary>
    public abstract IEnumerable<string> References();

    /// <summary>Whether the value is or holds a secret.</summary>
    public virtual bool IsSecret => false;

    /// <summary>A literal value: string, long or bool.</summary>
    public sealed record Literal(object Value) : PlanValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => [];

        /// <inheritdoc />
        public override string ToString() => Value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Value.ToString() ?? string.Empty,
        };
    }

    /// <summary>A list of values.</summary>
    public sealed record ListValue(ImmutableArray<PlanValue> Items) : PlanValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => Items.SelectMany(i => i.References());

        /// <inheritdoc />
        public override bool IsSecret => Items.Any(i => i.IsSecret);

        /// <inheritdoc />
        public override string ToString() => $"[{string.Join(", ", Items)}]";

        /// <inheritdoc />
        public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

        /// <inheritdoc />
        public override int GetHashCode() => Items.Aggregate(17, (h, i) => HashCode.Combine(h, i));
    }

    /// <summary>A map of values, keys in ordinal order.</summary>
    public sealed record MapValue(ImmutableSortedDictionary<string, PlanValue> Entries) : PlanValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => Entries.Values.SelectMany(v => v.References());

        /// <inheritdoc />
        public override bool IsSecret => Entries.Values.Any(v => v.IsSecret);

        /// <inheritdoc />
        public override string ToString() => $"{{{string.Join(", ", Entries.Select(e => $"{e.Key}: {e.Value}"))}}}";

        /// <inheritdoc />
        public bool Equals(MapValue? other) => other is not null && Entries.SequenceEqual(other.Entries);

        /// <inheritdoc />
        public override int GetHashCode() => Entries.Aggregate(17, (h, e) => HashCode.Combine(h, e.Key, e.Value));
    }

    /// <summary>An output of another node, known at deploy time.</summary>
    public sealed record OutputRef(string NodeId, string Property) : PlanValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => [NodeId];

        /// <inheritdoc />
        public override string ToString() => $"<{NodeId}.{Property}>";
    }

    /// <summary>A secret: the plan names its source, never its value.</summary>
    public abstract record SecretValue : PlanValue
    {
        private protected SecretValue()
        {
        }

        /// <inheritdoc />
        public override bool IsSecret => true;

        /// <summary>Where the secret comes from, as the plan shows it.</summary>
        public abstract string Describe();

        /// <inheritdoc />
        public sealed override string ToString() => $"[secret {Describe()}]";
    }

    /// <summary>The password of a generated-password node.</summary>
    public sealed record GeneratedPassword(string NodeId) : SecretValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => [NodeId];

        /// <inheritdoc />
        public override string Describe() => NodeId;
    }

    /// <summary>A secret setting of the stack's config.</summary>
    public sealed record ConfigSecret(SecretSetting Setting) : SecretValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => [];

        /// <inheritdoc />
        public override string Describe() => Setting.FullKey;
    }

    /// <summary>An output of another stack, through a stack reference node.</summary>
    public sealed record StackOutputSecret(string NodeId, string OutputName) : SecretValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => [NodeId];

        /// <inheritdoc />
        public override string Describe() => $"{NodeId}.outputs.{OutputName}";
    }

    /// <summary>The decoded value of one key of a Secret that a read node reads.</summary>
    public sealed record SecretDataKey(string NodeId, string Key) : SecretValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => [NodeId];

        /// <inheritdoc />
        public override string Describe() => $"{NodeId}.data.{Key}";
    }

    /// <summary>Text made of parts, some of them secrets: a secret embedded in a larger value.</summary>
    public sealed record Concat(ImmutableArray<PlanValue> Parts) : PlanValue
    {
        /// <inheritdoc />
        public override IEnumerable<string> References() => Parts.SelectMany(p => p.References());

        /// <inheritdoc />
        public override bool IsSecret => Parts.Any(p => p.IsSecret);

        /// <inheritdoc />
        public override string ToString() => string.Concat(Parts);

        /// <inheritdoc />
        public bool Equals(Concat? other) => other is not null && Parts.SequenceEqual(other.Parts);

        /// <inheritdoc />
        public override int GetHashCode() => Parts.Aggregate(19, (h, p) => HashCode.Combine(h, p));
    }
}
