using System.Collections.Immutable;
using System.Globalization;

namespace Infra.Model.Planning;

/// <summary>
/// A resource input as the plan shows it: a literal, a list or map of inputs, a reference to another node's
/// output (known only at deploy time), or a secret (never its value).
/// </summary>
public abstract record PlanValue
{
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

    /// <summary>An output of another node, by the node's id and the output's name.</summary>
    public static PlanValue Output(string nodeId, string output) => new OutputRef(nodeId, output);

    /// <summary>A secret, by where it comes from (e.g. <c>vsphere:password</c> or a generated password's node).</summary>
    public static PlanValue Secret(string source) => new SecretValue(source);

    /// <summary>
    /// A secret embedded in a larger value (a configuration file holding it): <c>&lt;source&gt; in &lt;place&gt;</c>,
    /// e.g. a generated password in MinIO's <c>config.env</c>.
    /// </summary>
    public static PlanValue SecretIn(string source, string place) => new SecretValue($"{source}{SecretValue.InSeparator}{place}");

    /// <summary>The node ids this value refers to.</summary>
    public abstract IEnumerable<string> References();

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
    public sealed record SecretValue(string Source) : PlanValue
    {
        /// <summary>What separates an embedded secret's own source from the value it is embedded in.</summary>
        public const string InSeparator = " in ";

        /// <summary>The secret's own source: <see cref="Source"/> without the place it is embedded in.</summary>
        public string Inner => Source.Split(InSeparator, 2)[0];

        /// <summary>The value the secret is embedded in (see <see cref="SecretIn"/>), or null for a secret on its own.</summary>
        public string? Place => Source.Split(InSeparator, 2) is [_, var place] ? place : null;

        /// <inheritdoc />
        public override IEnumerable<string> References() => [];

        /// <inheritdoc />
        public override string ToString() => $"[secret {Source}]";
    }
}
