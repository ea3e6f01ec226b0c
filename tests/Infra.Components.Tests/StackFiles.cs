using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Components.Tests;

/// <summary>The shipped stack files, as the tests read them.</summary>
internal static class StackFiles
{
    public static string PathOf(string stack) => Path.Combine(AppContext.BaseDirectory, "stacks", StackConfigFile.FileName(stack));

    public static PlatformOptions Options(string stack) =>
        PlatformConfiguration.Load(StackConfigFile.Load(PathOf(stack)).Snapshot).ValidOptions();

    /// <summary>The options of a stack file's text.</summary>
    public static PlatformOptions Parse(string yaml) =>
        PlatformConfiguration.Load(StackConfigFile.Parse("Pulumi.test.yaml", "test", yaml).Snapshot).ValidOptions();

    /// <summary>A passthrough stack: two hosts, a 2-GPU training group with static addresses, a 1-GPU notebook VM.</summary>
    public const string Passthrough = """
        config:
          vsphere:server: vc.example.com
          vsphere:user: svc@vsphere.local
          vsphere:password:
            secure: v1:abc
          mlops:environment: lab
          mlops:maturity: level0
          mlops:production: true
          mlops:vsphere:
            datacenter: dc1
            computeCluster: c1
            datastoreCluster: dsc1
            network: net1
            resourcePool: c1/Resources/ml
            template: ubuntu-efi
          mlops:storage:
            tiers:
              - name: fast
          mlops:tanzu:
            supervisorId: domain-c8
            supervisorKubeconfig:
              secure: v1:kube
          mlops:gpu:
            mode: passthrough
            model: a100-80gb
            hosts:
              - name: esx1
                gpus: 4
                pciAddresses: ["0000:3b:00.0", "0000:5e:00.0", "0000:86:00.0", "0000:af:00.0"]
              - name: esx2
                gpus: 1
            vms:
              - name: train
                count: 2
                gpus: 2
                cpus: 32
                memory: 256Gi
                disk: 1Ti
                network:
                  addresses: [10.0.10.21/24, 10.0.10.22/24]
                  gateway: 10.0.10.1
                  dnsServers: [10.0.0.2]
                  domain: ml.example.com
                userData: |
                  #cloud-config
                  packages: [nvidia-driver-550]
              - name: notebook
        """;
}
