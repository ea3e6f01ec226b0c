using Infra.Model.Options;
using Infra.Model.Planning;
using Infra.Model.Vsphere;
using static Infra.Model.Planning.PlanNodes;

namespace Infra.Model.Tanzu;

/// <summary>The plan nodes of a Supervisor this stack enables: its networks' look-ups and the <c>SupervisorV2</c>.</summary>
public static class SupervisorPlanner
{
    /// <summary>The SupervisorV2 resource's type token.</summary>
    public const string Type = "vsphere:index/supervisorV2:SupervisorV2";

    /// <summary>The Supervisor's logical name.</summary>
    public const string Name = "supervisor";

    /// <summary>The management network look-up's logical name.</summary>
    public const string ManagementNetworkLookup = "supervisor-management-network";

    /// <summary>The workload network look-up's logical name.</summary>
    public const string WorkloadNetworkLookup = "supervisor-workload-network";

    /// <summary>How long enabling, changing or disabling a Supervisor may take.</summary>
    public static readonly PlanTimeouts Timeouts = PlanTimeouts.Minutes(120, deleteMinutes: 60);

    /// <summary>The id of the Supervisor node.</summary>
    public static string NodeId => PlanNode.IdOf(Type, Name);

    /// <summary>The nodes, parented to <paramref name="parent"/>.</summary>
    /// <param name="spec">The Supervisor's decisions.</param>
    /// <param name="storagePolicyNodeId">The storage policy node of the control plane and images.</param>
    /// <param name="protect">Whether the Supervisor is protected from deletion.</param>
    /// <param name="parent">The parent node.</param>
    public static IEnumerable<PlanNode> Nodes(SupervisorSpec spec, string storagePolicyNodeId, bool protect, string parent)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var datacenterId = ("datacenterId", FoundationPlanner.Ref(VsphereTokens.GetDatacenter, VsphereLookups.Names.Datacenter, "id"));
        yield return Lookup(VsphereTokens.GetNetwork, ManagementNetworkLookup, parent, ("name", PlanValue.Of(spec.ManagementNetwork)), datacenterId);
        yield return Lookup(VsphereTokens.GetNetwork, WorkloadNetworkLookup, parent, ("name", PlanValue.Of(spec.WorkloadNetwork)), datacenterId);

        var policy = PlanValue.Output(storagePolicyNodeId, "id");
        var services = Map(
            ("dns", Map(("servers", Strings(spec.DnsServers)), ("searchDomains", Strings(spec.SearchDomains)))),
            ("ntp", Map(("servers", Strings(spec.NtpServers)))));
        yield return Resource(Type, Name, parent,
            ("cluster", FoundationPlanner.Ref(VsphereTokens.GetComputeCluster, VsphereLookups.Names.ComputeCluster, "id")),
            ("name", PlanValue.Of(spec.Name)),
            ("controlPlane", Map(
                ("count", PlanValue.Of(spec.ControlPlaneCount)),
                ("size", PlanValue.Of(spec.Size)),
                ("storagePolicy", policy),
                ("network", Map(
                    ("backing", Map(("network", FoundationPlanner.Ref(VsphereTokens.GetNetwork, ManagementNetworkLookup, "id")))),
                    ("ipManagement", Map(
                        ("dhcpEnabled", PlanValue.Of(false)),
                        ("gatewayAddress", PlanValue.Of(spec.ManagementGateway)),
                        ("ipAssignments", PlanValue.List([Assignment("NODE", new AddressRange(spec.ManagementStartAddress, SupervisorSpec.ManagementAddressCount))])))),
                    ("services", services))))),
            ("workloads", Map(
                ("network", Map(
                    ("network", PlanValue.Of(SupervisorSpec.WorkloadNetworkId)),
                    ("vsphere", Map(("dvpg", FoundationPlanner.Ref(VsphereTokens.GetNetwork, WorkloadNetworkLookup, "id")))),
                    ("ipManagement", Map(
                        ("dhcpEnabled", PlanValue.Of(false)),
                        ("gatewayAddress", PlanValue.Of(spec.WorkloadGateway)),
                        ("ipAssignments", PlanValue.List([Assignment("NODE", spec.NodeAddresses), Assignment("SERVICE", spec.ServiceAddresses)])))),
                    ("services", services))),
                ("edge", Edge(spec.LoadBalancer)),
                ("kubeApiServerOptions", Map(("security", Map(("certificateDnsNames", Strings(spec.CertificateDnsNames)))))),
                ("storage", Map(("ephemeralStoragePolicy", policy), ("imageStoragePolicy", policy))))))
            with { Protect = protect, Timeouts = Timeouts };
    }

    private static PlanValue Edge(LoadBalancerSpec lb)
    {
        var ranges = PlanValue.List(lb.AddressRanges.Select(Range));
        var password = PlanValue.Config(lb.Password);
        return lb.Type == LoadBalancerType.Haproxy
            ? Map(
                ("id", PlanValue.Of(SupervisorSpec.EdgeId)),
                ("lbAddressRanges", ranges),
                ("haproxy", Map(
                    ("caChain", PlanValue.Of(lb.CaChain)),
                    ("username", PlanValue.Of(lb.Username)),
                    ("password", password),
                    ("servers", PlanValue.List([Map(("host", PlanValue.Of(lb.Host)), ("port", PlanValue.Of(lb.Port)))])))))
            : Map(
                ("id", PlanValue.Of(SupervisorSpec.EdgeId)),
                ("lbAddressRanges", ranges),
                ("nsxAdvanced", Map(
                    ("caChain", PlanValue.Of(lb.CaChain)),
                    ("cloudName", lb.CloudName is null ? null : PlanValue.Of(lb.CloudName)),
                    ("host", PlanValue.Of(lb.Host)),
                    ("port", PlanValue.Of(lb.Port)),
                    ("username", PlanValue.Of(lb.Username)),
                    ("password", password))));
    }

    private static PlanValue Assignment(string assignee, AddressRange range) =>
        Map(("assignee", PlanValue.Of(assignee)), ("ranges", PlanValue.List([Range(range)])));

    private static PlanValue Range(AddressRange range) =>
        Map(("address", PlanValue.Of(range.Address)), ("count", PlanValue.Of(range.Count)));

    private static PlanValue Strings(IEnumerable<string> values) => PlanValue.List(values.Select(PlanValue.Of));
}
