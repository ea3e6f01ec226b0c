namespace Infra.Model.Kubernetes;

/// <summary>A pinned Helm chart: where it is, its name and its exact version.</summary>
/// <param name="Repository">The chart repository's URL.</param>
/// <param name="Name">The chart's name.</param>
/// <param name="Version">The chart's exact version.</param>
public sealed record HelmChart(string Repository, string Name, string Version);
