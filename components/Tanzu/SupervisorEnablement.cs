using Infra.Components.Configuration;
using Infra.Model.Options;
using Infra.Model.Tanzu;
using Pulumi;
using Pulumi.VSphere;
using Pulumi.VSphere.Inputs;

namespace Infra.Components.Tanzu;

/// <summary>
/// Enables the Supervisor on the compute cluster (<c>SupervisorV2</c>) with vSphere networking and an HAProxy or
/// NSX Advanced load balancer, registered on behalf of a parent component, exactly as <see cref="SupervisorPlanner"/> plans it.
/// </summary>
public static class SupervisorEnablement
{
    /// <summary>How long enabling, changing or disabling a Supervisor may take.</summary>
    public static readonly CustomTimeouts Timeouts = new() { Create = TimeSpan.FromMinutes(120), Update = TimeSpan.FromMinutes(120), Delete = TimeSpan.FromMinutes(60) };

    /// <summary>Registers the Supervisor; returns its id.</summary>
    public static Output<string> Create(SupervisorSpec spec, SupervisorInputs inputs, Resource parent, bool protect)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(inputs);
        var invoke = new InvokeOptions { Parent = parent };
        var managementNetwork = GetNetwork.Invoke(new GetNetworkInvokeArgs { Name = spec.ManagementNetwork, DatacenterId = inputs.DatacenterId }, invoke).Apply(n => n.Id);
        var workloadNetwork = GetNetwork.Invoke(new GetNetworkInvokeArgs { Name = spec.WorkloadNetwork, DatacenterId = inputs.DatacenterId }, invoke).Apply(n => n.Id);
        var lb = spec.LoadBalancer;
        var password = inputs.Secrets.Require(lb.Password);

        var edge = new SupervisorV2WorkloadsEdgeArgs
        {
            Id = SupervisorSpec.EdgeId,
            LbAddressRanges = [.. lb.AddressRanges.Select(r => new SupervisorV2WorkloadsEdgeLbAddressRangeArgs { Address = r.Address, Count = r.Count })],
        };
        if (lb.Type == LoadBalancerType.Haproxy)
        {
            edge.Haproxy = new SupervisorV2WorkloadsEdgeHaproxyArgs
            {
                CaChain = lb.CaChain,
                Username = lb.Username,
                Password = password,
                Servers = { new SupervisorV2WorkloadsEdgeHaproxyServerArgs { Host = lb.Host, Port = lb.Port } },
            };
        }
        else
        {
            var avi = new SupervisorV2WorkloadsEdgeNsxAdvancedArgs { CaChain = lb.CaChain, Host = lb.Host, Port = lb.Port, Username = lb.Username, Password = password };
            if (lb.CloudName is not null)
            {
                avi.CloudName = lb.CloudName;
            }

            edge.NsxAdvanced = avi;
        }

        var supervisor = new SupervisorV2(SupervisorPlanner.Name, new SupervisorV2Args
        {
            Cluster = inputs.ComputeClusterId,
            Name = spec.Name,
            ControlPlane = new SupervisorV2ControlPlaneArgs
            {
                Count = spec.ControlPlaneCount,
                Size = spec.Size,
                StoragePolicy = inputs.StoragePolicyId,
                Network = new SupervisorV2ControlPlaneNetworkArgs
                {
                    Backing = new SupervisorV2ControlPlaneNetworkBackingArgs { Network = managementNetwork },
                    IpManagement = new SupervisorV2ControlPlaneNetworkIpManagementArgs
                    {
                        DhcpEnabled = false,
                        GatewayAddress = spec.ManagementGateway,
                        IpAssignments =
                        {
                            new SupervisorV2ControlPlaneNetworkIpManagementIpAssignmentArgs
                            {
                                Assignee = "NODE",
                                Ranges = { new SupervisorV2ControlPlaneNetworkIpManagementIpAssignmentRangeArgs { Address = spec.ManagementStartAddress, Count = SupervisorSpec.ManagementAddressCount } },
                            },
                        },
                    },
                    Services = new SupervisorV2ControlPlaneNetworkServicesArgs
                    {
                        Dns = new SupervisorV2ControlPlaneNetworkServicesDnsArgs { Servers = spec.DnsServers, SearchDomains = spec.SearchDomains },
                        Ntp = new SupervisorV2ControlPlaneNetworkServicesNtpArgs { Servers = spec.NtpServers },
                    },
                },
            },
            Workloads = new SupervisorV2WorkloadsArgs
            {
                Network = new SupervisorV2WorkloadsNetworkArgs
                {
                    Network = SupervisorSpec.WorkloadNetworkId,
                    Vsphere = new SupervisorV2WorkloadsNetworkVsphereArgs { Dvpg = workloadNetwork },
                    IpManagement = new SupervisorV2WorkloadsNetworkIpManagementArgs
                    {
                        DhcpEnabled = false,
                        GatewayAddress = spec.WorkloadGateway,
                        IpAssignments =
                        {
                            WorkloadAssignment("NODE", spec.NodeAddresses),
                            WorkloadAssignment("SERVICE", spec.ServiceAddresses),
                        },
                    },
                    Services = new SupervisorV2WorkloadsNetworkServicesArgs
                    {
                        Dns = new SupervisorV2WorkloadsNetworkServicesDnsArgs { Servers = spec.DnsServers, SearchDomains = spec.SearchDomains },
                        Ntp = new SupervisorV2WorkloadsNetworkServicesNtpArgs { Servers = spec.NtpServers },
                    },
                },
                Edge = edge,
                KubeApiServerOptions = new SupervisorV2WorkloadsKubeApiServerOptionsArgs
                {
                    Security = new SupervisorV2WorkloadsKubeApiServerOptionsSecurityArgs { CertificateDnsNames = spec.CertificateDnsNames },
                },
                Storage = new SupervisorV2WorkloadsStorageArgs { EphemeralStoragePolicy = inputs.StoragePolicyId, ImageStoragePolicy = inputs.StoragePolicyId },
            },
        }, new CustomResourceOptions { Parent = parent, Protect = protect, CustomTimeouts = Timeouts });

        return supervisor.Id;
    }

    private static SupervisorV2WorkloadsNetworkIpManagementIpAssignmentArgs WorkloadAssignment(string assignee, AddressRange range) => new()
    {
        Assignee = assignee,
        Ranges = { new SupervisorV2WorkloadsNetworkIpManagementIpAssignmentRangeArgs { Address = range.Address, Count = range.Count } },
    };
}
