namespace Infra.Model.Tanzu;

/// <summary>A Tanzu Kubernetes release (TKr) the platform supports.</summary>
/// <param name="Name">The TKr's name, as <c>TanzuKubernetesCluster</c> references it (e.g. <c>v1.30.1---vmware.1-fips-tkg.5</c>).</param>
/// <param name="Version">The version a Cluster API <c>Cluster</c> topology takes (e.g. <c>v1.30.1+vmware.1-fips</c>).</param>
/// <param name="KubernetesVersion">The Kubernetes minor version it runs, e.g. <c>1.30</c>.</param>
public sealed record TanzuRelease(string Name, string Version, string KubernetesVersion);
