namespace Infra.Model.Storage;

/// <summary>A storage tier, every decision made: its tag, its vSphere storage policy and its StorageClass in the cluster.</summary>
/// <param name="Name">The tier's name, and its StorageClass's name in the workload cluster.</param>
/// <param name="PolicyName">The vSphere storage policy's name; the Supervisor names its storage class the same.</param>
/// <param name="TagCategory">The tag category of the placement rule.</param>
/// <param name="Tag">The tag datastores of the tier carry.</param>
/// <param name="IsDefault">Whether its StorageClass is the cluster default.</param>
/// <param name="ReclaimPolicy"><c>Retain</c> or <c>Delete</c>.</param>
public sealed record StorageTierSpec(string Name, string PolicyName, string TagCategory, string Tag, bool IsDefault, string ReclaimPolicy);
