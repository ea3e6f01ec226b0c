namespace Infra.Model.Configuration;

/// <summary>One setting of a schema, as the configuration reference documents it.</summary>
/// <param name="Key">The key as Pulumi spells it, lists as <c>[]</c>: <c>mlops:gpu.hosts[].gpus</c>.</param>
/// <param name="Kind">What it holds: Text, WholeNumber, Number, Boolean, Choice, Secret or List.</param>
/// <param name="Required">Whether it must be set wherever its map is.</param>
/// <param name="Choices">A choice's values, as stack files spell them; empty otherwise.</param>
public sealed record ConfigSetting(string Key, string Kind, bool Required, IReadOnlyList<string> Choices);
