using System.Collections.Immutable;

namespace Infra.Model.Tanzu;

/// <summary>The default VM classes every Supervisor offers, by name: vCPUs and memory in GiB.</summary>
public static class VmClassSizes
{
    private static readonly ImmutableDictionary<string, (int Cpu, int MemoryGi)> Sizes =
        new (string Size, int Cpu, int MemoryGi)[]
        {
            ("xsmall", 2, 2), ("small", 2, 4), ("medium", 2, 8), ("large", 4, 16), ("xlarge", 4, 32),
            ("2xlarge", 8, 64), ("4xlarge", 16, 128), ("8xlarge", 32, 128),
        }
        .SelectMany(s => new[] { ($"best-effort-{s.Size}", s.Cpu, s.MemoryGi), ($"guaranteed-{s.Size}", s.Cpu, s.MemoryGi) })
        .ToImmutableDictionary(s => s.Item1, s => (s.Cpu, s.MemoryGi), StringComparer.Ordinal);

    /// <summary>The size of a default class, or null for a class a site defined.</summary>
    public static (int Cpu, int MemoryGi)? Of(string vmClass) => Sizes.TryGetValue(vmClass, out var size) ? size : null;
}
