using System.Collections.Immutable;

namespace Infra.Model.Gpu;

/// <summary>One passthrough GPU VM, every decision made: where it runs, its size, its devices and its VMX settings.</summary>
/// <param name="Name">The VM's name in vSphere, and its logical name (<c>dev-train-01</c>).</param>
/// <param name="Group">The config group it comes from (<c>mlops:gpu.vms[i].name</c>).</param>
/// <param name="Host">The GPU host it is pinned to.</param>
/// <param name="Cpus">vCPUs.</param>
/// <param name="MemoryMb">Memory in MB, all reserved and locked to the maximum.</param>
/// <param name="DiskGb">System disk in GB.</param>
/// <param name="Gpus">GPUs passed through.</param>
/// <param name="PciAddresses">The devices' PCI addresses from config; empty where the one device comes from <c>getHostPciDevice</c>.</param>
/// <param name="HardwareVersion">The VM hardware version.</param>
/// <param name="MmioSizeGb">The 64-bit MMIO size for the GPUs' BARs.</param>
/// <param name="Network">Static address settings, or null for DHCP.</param>
/// <param name="Domain">The DNS domain guest customization sets.</param>
/// <param name="UserData">cloud-init user data, or null.</param>
public sealed record GpuVmSpec(
    string Name,
    string Group,
    string Host,
    int Cpus,
    int MemoryMb,
    int DiskGb,
    int Gpus,
    ImmutableArray<string> PciAddresses,
    int HardwareVersion,
    int MmioSizeGb,
    GpuVmStaticNetwork? Network,
    string Domain,
    string? UserData)
{
    /// <summary>The firmware passthrough VMs need for 64-bit MMIO.</summary>
    public const string Firmware = "efi";

    /// <summary>The system disk's label.</summary>
    public const string DiskLabel = "disk0";

    /// <summary>The VMX settings: 64-bit MMIO for the GPUs' BARs, and the cloud-init user data where given.</summary>
    public ImmutableSortedDictionary<string, string> ExtraConfig
    {
        get
        {
            var config = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            config["pciPassthru.use64bitMMIO"] = "TRUE";
            config["pciPassthru.64bitMMIOSizeGB"] = MmioSizeGb.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (UserData is not null)
            {
                config["guestinfo.userdata"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(UserData));
                config["guestinfo.userdata.encoding"] = "base64";
            }

            return config.ToImmutable();
        }
    }
}
