namespace Infra.Model.Vsphere;

/// <summary>The vSphere provider's type and function tokens the model plans with (Pulumi.VSphere 4.17.0).</summary>
public static class VsphereTokens
{
    /// <summary>The <c>getDatacenter</c> function.</summary>
    public const string GetDatacenter = "vsphere:index/getDatacenter:getDatacenter";

    /// <summary>The <c>getComputeCluster</c> function.</summary>
    public const string GetComputeCluster = "vsphere:index/getComputeCluster:getComputeCluster";

    /// <summary>The <c>getDatastore</c> function.</summary>
    public const string GetDatastore = "vsphere:index/getDatastore:getDatastore";

    /// <summary>The <c>getDatastoreCluster</c> function.</summary>
    public const string GetDatastoreCluster = "vsphere:index/getDatastoreCluster:getDatastoreCluster";

    /// <summary>The <c>getNetwork</c> function.</summary>
    public const string GetNetwork = "vsphere:index/getNetwork:getNetwork";

    /// <summary>The <c>getResourcePool</c> function.</summary>
    public const string GetResourcePool = "vsphere:index/getResourcePool:getResourcePool";

    /// <summary>The <c>getVirtualMachine</c> function (a VM template).</summary>
    public const string GetVirtualMachine = "vsphere:index/getVirtualMachine:getVirtualMachine";

    /// <summary>The <c>getContentLibrary</c> function.</summary>
    public const string GetContentLibrary = "vsphere:index/getContentLibrary:getContentLibrary";

    /// <summary>The <c>getContentLibraryItem</c> function.</summary>
    public const string GetContentLibraryItem = "vsphere:index/getContentLibraryItem:getContentLibraryItem";

    /// <summary>The <c>getHost</c> function.</summary>
    public const string GetHost = "vsphere:index/getHost:getHost";

    /// <summary>The <c>getHostPciDevice</c> function.</summary>
    public const string GetHostPciDevice = "vsphere:index/getHostPciDevice:getHostPciDevice";

    /// <summary>The <c>getHostVgpuProfile</c> function.</summary>
    public const string GetHostVgpuProfile = "vsphere:index/getHostVgpuProfile:getHostVgpuProfile";

    /// <summary>A vSphere folder.</summary>
    public const string Folder = "vsphere:index/folder:Folder";

    /// <summary>A virtual machine.</summary>
    public const string VirtualMachine = "vsphere:index/virtualMachine:VirtualMachine";

    /// <summary>A DRS override for one VM.</summary>
    public const string DrsVmOverride = "vsphere:index/drsVmOverride:DrsVmOverride";

    /// <summary>A VM class of vSphere with Tanzu.</summary>
    public const string VirtualMachineClass = "vsphere:index/virtualMachineClass:VirtualMachineClass";

    /// <summary>The <c>getTagCategory</c> function.</summary>
    public const string GetTagCategory = "vsphere:index/getTagCategory:getTagCategory";

    /// <summary>The <c>getTag</c> function.</summary>
    public const string GetTag = "vsphere:index/getTag:getTag";

    /// <summary>A tag category.</summary>
    public const string TagCategory = "vsphere:index/tagCategory:TagCategory";

    /// <summary>A tag.</summary>
    public const string Tag = "vsphere:index/tag:Tag";

    /// <summary>A VM storage policy.</summary>
    public const string VmStoragePolicy = "vsphere:index/vmStoragePolicy:VmStoragePolicy";

    /// <summary>A vSphere Namespace on a Supervisor.</summary>
    public const string Namespace = "vsphere:index/namespace:Namespace";

    /// <summary>This project's passthrough GPU VM component.</summary>
    public const string GpuVirtualMachineComponent = "infra:vsphere:GpuVirtualMachine";

    /// <summary>This project's vGPU VM class component.</summary>
    public const string GpuVmClassComponent = "infra:vsphere:GpuVmClass";
}
