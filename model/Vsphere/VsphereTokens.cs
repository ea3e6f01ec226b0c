namespace Infra.Model.Vsphere;

/// <summary>The vSphere provider's type and function tokens the model plans with (Pulumi.VSphere 4.17.0).</summary>
public static class VsphereTokens
{
    /// <summary>The <c>getDatacenter</c> function.</summary>
    public const string GetDatacenter = "vsphere:index/getDatacenter:getDatacenter";

    /// <summary>A vSphere folder.</summary>
    public const string Folder = "vsphere:index/folder:Folder";
}
