using System.Collections;
using System.Collections.Immutable;
using System.Globalization;

namespace Infra.Model.Planning;

/// <summary>
/// A rule over what look-ups find, checked at deploy time before the resource that carries it is created: the
/// facts it reads are other nodes' outputs, and the rule is a pure function here, tested offline. The registrar
/// only resolves the facts and reports the failure this gives.
/// </summary>
public abstract record PlanCheck
{
    private protected PlanCheck()
    {
    }

    /// <summary>The outputs the rule reads, in the order <see cref="Failure"/> takes them.</summary>
    public abstract ImmutableArray<PlanValue.OutputRef> Facts { get; }

    /// <summary>What is wrong, naming the setting and the fix; null where the facts pass.</summary>
    /// <param name="facts">The facts' values in the order of <see cref="Facts"/>: scalars, lists and maps of plain values.</param>
    public abstract string? Failure(IReadOnlyList<object?> facts);

    /// <summary>
    /// A passthrough GPU VM's template: EFI firmware (64-bit MMIO needs it), and a disk no larger than the VM's
    /// (a clone cannot shrink a disk).
    /// </summary>
    /// <param name="TemplateLookup">The template look-up's node id.</param>
    /// <param name="Vm">The VM's name.</param>
    /// <param name="Firmware">The firmware the VM needs.</param>
    /// <param name="DiskGb">The VM's disk in GB.</param>
    public sealed record TemplateFitsVm(string TemplateLookup, string Vm, string Firmware, int DiskGb) : PlanCheck
    {
        /// <inheritdoc />
        public override ImmutableArray<PlanValue.OutputRef> Facts =>
            [new(TemplateLookup, "firmware"), new(TemplateLookup, "disks")];

        /// <inheritdoc />
        public override string? Failure(IReadOnlyList<object?> facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            if (facts[0] is string firmware && firmware.Length > 0 && firmware != Firmware)
            {
                return $"GPU VM {Vm}: the template has '{firmware}' firmware, but GPU passthrough with 64-bit MMIO needs '{Firmware}'. Use a template with EFI firmware in mlops:vsphere.template.";
            }

            var templateDisk = facts[1] is IList { Count: > 0 } disks && disks[0] is IDictionary disk && disk["size"] is { } size
                ? Convert.ToInt32(size, CultureInfo.InvariantCulture)
                : (int?)null;
            return templateDisk > DiskGb
                ? $"GPU VM {Vm}: its disk of {DiskGb} GB is smaller than the template's {templateDisk} GB, and a clone cannot shrink a disk. Set mlops:gpu.vms[].disk to at least {templateDisk}Gi."
                : null;
        }

        /// <inheritdoc />
        public override string ToString() => $"template of {Vm} has {Firmware} firmware and a disk of at most {DiskGb} GB";
    }

    /// <summary>Every GPU host offers the vGPU profile of the VM class.</summary>
    /// <param name="Profile">The profile (<c>mlops:gpu.profile</c>).</param>
    /// <param name="Hosts">Each host's name and the node id of its vGPU profile look-up.</param>
    public sealed record ProfileOffered(string Profile, ImmutableArray<(string Host, string Lookup)> Hosts) : PlanCheck
    {
        /// <inheritdoc />
        public override ImmutableArray<PlanValue.OutputRef> Facts => [.. Hosts.Select(h => new PlanValue.OutputRef(h.Lookup, "vgpuProfiles"))];

        /// <inheritdoc />
        public override string? Failure(IReadOnlyList<object?> facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            var missing = Hosts.Zip(facts, (host, offered) => (host.Host, Profiles: Profiles(offered)))
                .Where(h => !h.Profiles.Contains(Profile, StringComparer.OrdinalIgnoreCase))
                .ToArray();
            if (missing.Length == 0)
            {
                return null;
            }

            var offers = string.Join("; ", missing.Select(h => $"{h.Host} offers {(h.Profiles.IsEmpty ? "none" : string.Join(", ", h.Profiles.Order(StringComparer.Ordinal)))}"));
            return $"mlops:gpu.profile '{Profile}' is not offered by every GPU host: {offers}. Set one they all offer with 'pulumi config set --path mlops:gpu.profile <profile>', or check the hosts' NVIDIA vGPU Manager and GPU mode.";
        }

        /// <inheritdoc />
        public bool Equals(ProfileOffered? other) => other is not null && Profile == other.Profile && Hosts.SequenceEqual(other.Hosts);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Profile, Hosts.Length);

        /// <inheritdoc />
        public override string ToString() => $"every GPU host offers {Profile}";

        private static ImmutableArray<string> Profiles(object? offered) =>
            offered is IEnumerable list and not string
                ? [.. list.OfType<IDictionary>().Select(p => p["vgpu"] as string).OfType<string>()]
                : [];
    }

    /// <summary>
    /// The platform stack a teams stack holds its teams on is the platform the teams stack's configuration describes:
    /// it accepts teams stacks, and its tenancy (environment, services, object store) is the one the teams stack
    /// plans for, key by key.
    /// </summary>
    /// <param name="Reference">The platform stack reference's node id.</param>
    /// <param name="PlatformStack">The platform stack (<c>mlops:platformStack</c>).</param>
    /// <param name="Expected">The tenancy the teams stack plans for.</param>
    public sealed record TenancyMatches(string Reference, string PlatformStack, ImmutableSortedDictionary<string, string> Expected) : PlanCheck
    {
        /// <summary>The platform stack's output the rule reads.</summary>
        public const string Output = "tenancy";

        /// <inheritdoc />
        public override ImmutableArray<PlanValue.OutputRef> Facts => [new(Reference, $"outputs.{Output}")];

        /// <inheritdoc />
        public override string? Failure(IReadOnlyList<object?> facts)
        {
            ArgumentNullException.ThrowIfNull(facts);
            if (facts[0] is not IDictionary actual)
            {
                return $"mlops:platformStack '{PlatformStack}' does not accept teams stacks: it exports no '{Output}'. Set 'pulumi config set mlops:teamStacks true' on that stack and run 'pulumi up' there first.";
            }

            var differences = Expected.Keys.Union(actual.Keys.Cast<string>(), StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(key => (Key: key, Platform: actual.Contains(key) ? Convert.ToString(actual[key], CultureInfo.InvariantCulture) : null, Teams: Expected.GetValueOrDefault(key)))
                .Where(d => d.Platform != d.Teams)
                .Select(d => $"{d.Key} is '{d.Platform ?? "(none)"}' there and '{d.Teams ?? "(none)"}' here")
                .ToArray();
            return differences.Length == 0
                ? null
                : $"mlops:platformStack '{PlatformStack}' is not the platform this teams stack plans for: {string.Join("; ", differences)}. Copy its mlops:environment, mlops:maturity and mlops:platform into this stack again (infractl stack new <name> --from <platform stack> --teams-of {PlatformStack} writes them), then preview again.";
        }

        /// <inheritdoc />
        public bool Equals(TenancyMatches? other) => other is not null && Reference == other.Reference && PlatformStack == other.PlatformStack && Expected.SequenceEqual(other.Expected);

        /// <inheritdoc />
        public override int GetHashCode() => HashCode.Combine(Reference, PlatformStack, Expected.Count);

        /// <inheritdoc />
        public override string ToString() => $"{PlatformStack} is the platform this stack plans for";
    }
}
