using Infra.Components.Tests.Harness;
using Infra.Model.Configuration;
using Infra.Model.Options;
using Infra.Model.Stacks;
using Infra.Stacks;

namespace Infra.Components.Tests.Tanzu;

public sealed class SupervisorEnablementTests
{
    private static PlatformOptions Enabling(bool withKubeconfig, LoadBalancerType type)
    {
        var dev = StackFiles.Options("dev");
        return dev with
        {
            Tanzu = dev.Tanzu! with
            {
                SupervisorId = null,
                SupervisorKubeconfig = withKubeconfig ? dev.Tanzu.SupervisorKubeconfig : null,
                Supervisor = new SupervisorOptions
                {
                    Enabled = true,
                    ManagementNetwork = "mgmt-pg",
                    ManagementGateway = "10.0.0.1/24",
                    ManagementStartAddress = "10.0.0.10",
                    WorkloadNetwork = "workload-pg",
                    WorkloadGateway = "192.168.0.1/16",
                    NodeAddresses = new AddressRangeOptions { Address = "192.168.1.0", Count = 256 },
                    ServiceAddresses = new AddressRangeOptions { Address = "10.96.0.0", Count = 4096 },
                    DnsServers = ["10.0.0.2"],
                    NtpServers = ["ntp.example.com"],
                    CertificateDnsNames = ["supervisor.example.com"],
                    LoadBalancer = new LoadBalancerOptions
                    {
                        Type = type,
                        Host = "lb.example.com",
                        Username = "wcp",
                        Password = new SecretSetting("mlops:tanzu", "supervisor.loadBalancer.password"),
                        CaChain = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                        CloudName = type == LoadBalancerType.NsxAdvanced ? "Default-Cloud" : null,
                        AddressRanges = [new AddressRangeOptions { Address = "10.0.1.64", Count = 64 }],
                    },
                },
            },
        };
    }

    [Theory]
    [InlineData(false, LoadBalancerType.Haproxy)]
    [InlineData(true, LoadBalancerType.Haproxy)]
    [InlineData(true, LoadBalancerType.NsxAdvanced)]
    public async Task EnablingTheSupervisor_RegistersExactlyThePlan(bool withKubeconfig, LoadBalancerType type)
    {
        var options = Enabling(withKubeconfig, type);

        var run = await StackRun.RunAsync(() => StackComposer.Deploy(options, TestSecrets.Create().Object));

        PlanComparison.AssertMatches(StackPlanner.Plan("dev", options), run, options);
        Assert.Equal(withKubeconfig, run.Registrations.Any(r => r.Type == "kubernetes:cluster.x-k8s.io/v1beta1:Cluster"));
    }

    [Fact]
    public async Task Namespace_IsCreatedOnTheSupervisorTheStackEnables()
    {
        var run = await StackRun.RunAsync(() => StackComposer.Deploy(Enabling(false, LoadBalancerType.Haproxy), TestSecrets.Create().Object));

        Assert.Equal("supervisor-id", run.InputsOf("vsphere:index/namespace:Namespace", "mlops-dev")["supervisor"]);
        var edge = (IReadOnlyDictionary<string, object>)((IReadOnlyDictionary<string, object>)run.InputsOf("vsphere:index/supervisorV2:SupervisorV2", "supervisor")["workloads"])["edge"];
        Assert.Equal(TestSecrets.ValueOf("mlops:tanzu.supervisor.loadBalancer.password"), ((IReadOnlyDictionary<string, object>)edge["haproxy"])["password"]);
    }
}
