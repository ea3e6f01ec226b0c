using Infra.Model.Configuration;

namespace Infra.Model.Tests;

/// <summary>Stack files for tests: a small valid one, with blocks replaced or removed.</summary>
internal static class TestConfig
{
    private static readonly (string Key, string Block)[] Base =
    [
        ("vsphere:server", "vc.example.com"),
        ("vsphere:user", "svc@vsphere.local"),
        ("vsphere:password", "\n    secure: v1:abc:def"),
        ("mlops:environment", "dev"),
        ("mlops:maturity", "level1"),
        ("mlops:vsphere", "\n    datacenter: dc1\n    computeCluster: c1\n    datastore: ds1\n    network: net1"),
        ("mlops:storage", "\n    tiers:\n      - name: standard"),
        ("mlops:tanzu", Supervisor),
    ];

    /// <summary>The Supervisor settings every foundation needs, to start an overriding mlops:tanzu block with.</summary>
    public const string Supervisor = "\n    supervisorId: domain-c8\n    supervisorKubeconfig:\n      secure: v1:kube";

    /// <summary>What GitLab needs beside the base: a domain to be served at, and the default CPU pool of 16 vCPUs and 128 GiB.</summary>
    public static readonly (string Key, string? Block)[] GitlabReady =
    [
        ("mlops:tanzu", Supervisor + "\n    nodePools:\n      - name: cpu\n        replicas: 2"),
        ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com"),
    ];

    /// <summary>A backup target outside the cluster, which production needs, to go into an overriding mlops:platform block.</summary>
    public const string Backup = "\n    backup:\n      endpoint: https://backup.example.com\n      bucket: mlops-backups\n      accessKey: AKBACKUP\n      secretKey:\n        secure: v1:b\n      volumes:\n        repositoryKey:\n          secure: v1:v";

    /// <summary>A production stack: the flag, and the backup target production needs.</summary>
    public static readonly (string Key, string? Block)[] Production = [("mlops:production", "true"), ("mlops:platform", Backup)];

    /// <summary>The GPU Operator settings vGPU mode needs, to end an overriding mlops:gpu block with.</summary>
    public const string Operator = "\n    operator:\n      driverRepository: nvcr.io/nvaie\n      driverVersion: \"580.82.07\"\n      pullSecret:\n        secure: v1:p\n      licenseToken:\n        secure: v1:t";

    /// <summary>The YAML of the base config with <paramref name="overrides"/> applied (a null block removes the key).</summary>
    public static string Yaml(params (string Key, string? Block)[] overrides)
    {
        var blocks = Base.Select(b => (b.Key, Block: (string?)b.Block)).ToList();
        foreach (var (key, block) in overrides)
        {
            var index = blocks.FindIndex(b => b.Key == key);
            if (index >= 0)
            {
                blocks[index] = (key, block);
            }
            else
            {
                blocks.Add((key, block));
            }
        }

        return "config:\n" + string.Concat(blocks.Where(b => b.Block is not null).Select(b => $"  {b.Key}: {b.Block}\n"));
    }

    public static ConfigSnapshot Snapshot(params (string Key, string? Block)[] overrides) =>
        StackConfigFile.Parse("Pulumi.test.yaml", "test", Yaml(overrides)).Snapshot;

    /// <summary>
    /// Binds and validates; every error's key must be a setting the schema knows (or the file, for a file-level
    /// error; or the unknown key an unknown-key error is about), so that each printed fix command names a key
    /// Pulumi's config accepts. Every test that loads a config through here holds this.
    /// </summary>
    public static LoadedConfig Load(params (string Key, string? Block)[] overrides)
    {
        var loaded = PlatformConfiguration.Load(Snapshot(overrides));
        var unknown = loaded.Errors
            .Where(e => e.Key.Contains(':', StringComparison.Ordinal) && !e.Message.Contains(" is not a known setting", StringComparison.Ordinal)
                && !e.Message.Contains("which this project does not read", StringComparison.Ordinal) && !KnownKey(e.Key))
            .Select(e => e.Key)
            .ToArray();
        Assert.True(unknown.Length == 0, $"Errors name keys the schema does not know: {string.Join(", ", unknown)}.");
        return loaded;
    }

    // A key as 'pulumi config set --path' spells it (mlops:gpu.hosts[0].gpus) is a setting of its namespace's schema.
    public static bool KnownKey(string key)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(key, @"\[(\d+)\]", ":$1").Replace('.', ':');
        return PlatformConfiguration.Schemas.Any(s => path.StartsWith(s.Namespace + ":", StringComparison.Ordinal) && s.Knows(path));
    }

    public static string[] Errors(params (string Key, string? Block)[] overrides) =>
        Load(overrides).Errors.Select(e => e.Message).ToArray();

    /// <summary>The valid options of a shipped stack file (dev, prod) or a test fixture (lab).</summary>
    public static Infra.Model.Options.PlatformOptions StackOptions(string stack) =>
        PlatformConfiguration.Load(StackConfigFile.Load(StackFile(stack)).Snapshot).ValidOptions();

    public static Infra.Model.Planning.Plan StackPlan(string stack) => Infra.Model.Stacks.StackPlanner.Plan(stack, StackOptions(stack));

    public static string StackFile(string stack) => Path.Combine(AppContext.BaseDirectory, "stacks", StackConfigFile.FileName(stack));
}
