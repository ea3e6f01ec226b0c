namespace Infra.Model.Tanzu;

/// <summary>A worker node pool of the workload cluster, every decision made.</summary>
/// <param name="Name">The pool's name.</param>
/// <param name="Replicas">Its nodes.</param>
/// <param name="VmClass">Its nodes' VM class (the vGPU class for a GPU pool).</param>
/// <param name="StorageClass">The Supervisor storage class of its disks.</param>
/// <param name="ContainerdVolumeGi">The containerd volume's size in GiB.</param>
/// <param name="Gpu">Whether it is a GPU pool (vGPU VM class, Ubuntu).</param>
public sealed record NodePoolSpec(string Name, int Replicas, string VmClass, string StorageClass, int ContainerdVolumeGi, bool Gpu);
