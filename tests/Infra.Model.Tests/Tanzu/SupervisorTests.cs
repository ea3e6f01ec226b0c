using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Tanzu;

namespace Infra.Model.Tests.Tanzu;

public sealed class SupervisorTests
{
    public const string Enabled = """

            supervisor:
              enabled: true
              managementNetwork: mgmt-pg
              managementGateway: 10.0.0.1/24
              managementStartAddress: 10.0.0.10
              workloadNetwork: workload-pg
              workloadGateway: 192.168.0.1/16
              nodeAddresses:
                address: 192.168.1.0
                count: 256
              serviceAddresses:
                address: 10.96.0.0
                count: 4096
              dnsServers: [10.0.0.2]
              ntpServers: [ntp.example.com]
              loadBalancer:
                type: haproxy
                host: haproxy.example.com
                username: wcp
                password:
                  secure: v1:lb
                caChain: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
                addressRanges:
                  - address: 10.0.1.64
                    count: 64
        """;

    private const string Kubeconfig = "\n    supervisorKubeconfig:\n      secure: v1:kube";

    [Fact]
    public void FirstRun_EnablesTheSupervisorAndStopsAfterTheNamespaceWithANotice()
    {
        var loaded = TestConfig.Load(("mlops:tanzu", Enabled));
        var plan = StackPlanner.Plan("dev", loaded.ValidOptions());

        Assert.Equal(
            ["mlops:tanzu.supervisorKubeconfig is not set yet: this run enables the Supervisor and creates the vSphere Namespace; the workload cluster, its StorageClasses and the GPU Operator follow once you log in to the new Supervisor (kubectl vsphere login) and set it with 'pulumi config set --secret --path mlops:tanzu.supervisorKubeconfig \"$(cat supervisor.kubeconfig)\"'."],
            loaded.Notices.ToArray());
        Assert.Equal(PlanValue.Output("vsphere:index/supervisorV2:SupervisorV2::supervisor", "id"), plan["vsphere:index/namespace:Namespace::mlops-dev"].Inputs["supervisor"]);
        Assert.DoesNotContain(plan.Nodes, n => n.Type.StartsWith("kubernetes:", StringComparison.Ordinal) || n.Type == "pulumi:providers:kubernetes");
    }

    [Fact]
    public void SecondRun_WithTheKubeconfig_AddsTheCluster()
    {
        var loaded = TestConfig.Load(("mlops:tanzu", Enabled + Kubeconfig));
        var plan = StackPlanner.Plan("dev", loaded.ValidOptions());

        Assert.Empty(loaded.Notices);
        Assert.Contains(plan.Nodes, n => n.Type == "kubernetes:cluster.x-k8s.io/v1beta1:Cluster");
    }

    [Fact]
    public void Supervisor_HasTheNetworkingLoadBalancerAndPolicyAsPlanned()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.Load(("mlops:tanzu", Enabled)).ValidOptions());

        var supervisor = plan["vsphere:index/supervisorV2:SupervisorV2::supervisor"];
        Assert.Equal(
            "{count: 1, network: {backing: {network: <vsphere:index/getNetwork:getNetwork::supervisor-management-network.id>}, ipManagement: {dhcpEnabled: false, gatewayAddress: 10.0.0.1/24, ipAssignments: [{assignee: NODE, ranges: [{address: 10.0.0.10, count: 5}]}]}, services: {dns: {searchDomains: [], servers: [10.0.0.2]}, ntp: {servers: [ntp.example.com]}}}, size: SMALL, storagePolicy: <vsphere:index/vmStoragePolicy:VmStoragePolicy::storage-policy-standard.id>}",
            supervisor.Inputs["controlPlane"].ToString());
        Assert.Equal(
            "{haproxy: {caChain: -----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n, password: [secret mlops:tanzu.supervisor.loadBalancer.password], servers: [{host: haproxy.example.com, port: 5556}], username: wcp}, id: mlops-edge, lbAddressRanges: [{address: 10.0.1.64, count: 64}]}",
            ((PlanValue.MapValue)supervisor.Inputs["workloads"]).Entries["edge"].ToString());
        Assert.Equal(PlanValue.Of("mlops-dev"), supervisor.Inputs["name"]);
    }

    [Fact]
    public void Validate_EnabledWithoutSettings_ReportsEachRequiredOne()
    {
        Assert.Equal(
        [
            "mlops:tanzu.supervisor.managementNetwork is required when the Supervisor is enabled: the port group of the control plane VMs. Set it with 'pulumi config set --path mlops:tanzu.supervisor.managementNetwork <port group>'.",
            "mlops:tanzu.supervisor.workloadNetwork is required when the Supervisor is enabled: the port group of cluster nodes and services. Set it with 'pulumi config set --path mlops:tanzu.supervisor.workloadNetwork <port group>'.",
            "mlops:tanzu.supervisor.managementGateway is required when the Supervisor is enabled: the gateway with its prefix length, such as 10.0.0.1/24. Set it with 'pulumi config set --path mlops:tanzu.supervisor.managementGateway 10.0.0.1/24'.",
            "mlops:tanzu.supervisor.workloadGateway is required when the Supervisor is enabled: the gateway with its prefix length, such as 192.168.0.1/16. Set it with 'pulumi config set --path mlops:tanzu.supervisor.workloadGateway 192.168.0.1/16'.",
            "mlops:tanzu.supervisor.managementStartAddress is required when the Supervisor is enabled: the first of the 5 consecutive management addresses its control plane takes. Set it with 'pulumi config set --path mlops:tanzu.supervisor.managementStartAddress <address>'.",
            "mlops:tanzu.supervisor.nodeAddresses is required when the Supervisor is enabled: the workload network addresses of cluster nodes. Set it with 'pulumi config set --path mlops:tanzu.supervisor.nodeAddresses.address <address>' and 'pulumi config set --path mlops:tanzu.supervisor.nodeAddresses.count <number>'.",
            "mlops:tanzu.supervisor.serviceAddresses is required when the Supervisor is enabled: the Kubernetes service addresses. Set it with 'pulumi config set --path mlops:tanzu.supervisor.serviceAddresses.address <address>' and 'pulumi config set --path mlops:tanzu.supervisor.serviceAddresses.count <number>'.",
            "mlops:tanzu.supervisor.dnsServers is required when the Supervisor is enabled: its DNS servers. Set one with 'pulumi config set --path \"mlops:tanzu.supervisor.dnsServers[0]\" <address>'.",
            "mlops:tanzu.supervisor.ntpServers is required when the Supervisor is enabled: its VMs need time. Set one with 'pulumi config set --path \"mlops:tanzu.supervisor.ntpServers[0]\" <server>'.",
            "mlops:tanzu.supervisor.loadBalancer is required when the Supervisor is enabled on vSphere networking: an HAProxy or NSX Advanced load balancer serves the Kubernetes APIs. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.type haproxy' and its host, username, password and caChain.",
        ], TestConfig.Errors(("mlops:tanzu", "\n    supervisor:\n      enabled: true")));
    }

    [Fact]
    public void Validate_AddressesOutsideTheirSubnetsAndABadChain_AreReported()
    {
        var config = Enabled
            .Replace("managementStartAddress: 10.0.0.10", "managementStartAddress: 10.0.5.10", StringComparison.Ordinal)
            .Replace("address: 192.168.1.0", "address: 172.16.0.0", StringComparison.Ordinal)
            .Replace("-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n", "not a pem", StringComparison.Ordinal);

        Assert.Equal(
        [
            "mlops:tanzu.supervisor.managementStartAddress '10.0.5.10' is not in the gateway's subnet 10.0.0.1/24. Set it with 'pulumi config set --path mlops:tanzu.supervisor.managementStartAddress <address>'.",
            "mlops:tanzu.supervisor.nodeAddresses.address '172.16.0.0' is not in the gateway's subnet 192.168.0.1/16. Set it with 'pulumi config set --path mlops:tanzu.supervisor.nodeAddresses.address <address>'.",
            "mlops:tanzu.supervisor.loadBalancer.caChain is not a PEM certificate chain: it must hold '-----BEGIN CERTIFICATE-----' blocks. Set it with 'pulumi config set --path mlops:tanzu.supervisor.loadBalancer.caChain \"$(cat ca.pem)\"'.",
        ], TestConfig.Errors(("mlops:tanzu", config)));
    }

    [Fact]
    public void Validate_EnabledTogetherWithAnExistingSupervisorId_IsAConflict()
    {
        Assert.Equal(
            ["mlops:tanzu.supervisorId 'domain-c8' is set, but mlops:tanzu.supervisor.enabled is true: the stack enables its own Supervisor and uses that. Remove it with 'pulumi config rm --path mlops:tanzu.supervisorId', or set 'pulumi config set --path mlops:tanzu.supervisor.enabled false'."],
            TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + Enabled)));
    }

    [Fact]
    public void Spec_NsxAdvanced_DefaultsToPort443()
    {
        var options = TestConfig.Load(("mlops:tanzu", Enabled.Replace("type: haproxy", "type: nsxAdvanced", StringComparison.Ordinal))).ValidOptions();

        Assert.Equal((Infra.Model.Options.LoadBalancerType.NsxAdvanced, 443), (SupervisorSpec.For(options)!.LoadBalancer.Type, SupervisorSpec.For(options)!.LoadBalancer.Port));
    }
}
