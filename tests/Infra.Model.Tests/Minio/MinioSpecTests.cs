using Infra.Model.Minio;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Minio;

public sealed class MinioSpecTests
{
    [UpstreamFact]
    public void RenderedTenantValues_UseOnlyKeysTheChartHas()
    {
        // The chart documents configSecret.existingSecret as a commented-out default; every other key is a default's.
        var file = Path.Combine(UpstreamSchemas.Folder, "minio/tenant.values.yaml");
        Assert.Contains("    #existingSecret: true", File.ReadAllText(file), StringComparison.Ordinal);

        Assert.Equal(
            ["tenant.configSecret.existingSecret"],
            UpstreamSchemas.UnknownValues("minio/tenant.values.yaml", Rendering.Rendered.Yaml("prod", "helm/minio-tenant.values.yaml")));
    }

    // Our pool list replaces the chart's default pool: its security contexts come back, as the pinned chart sets them.
    [UpstreamFact]
    public void TenantPool_KeepsTheChartDefaultPoolsSecurityContexts()
    {
        var chart = UpstreamSchemas.Yaml(File.ReadAllText(Path.Combine(UpstreamSchemas.Folder, "minio/tenant.values.yaml")))!["tenant"]!["pools"]![0]!;
        var pool = MinioSpec.For(TestConfig.StackOptions("prod"))!.TenantValues()["tenant"]!["pools"]![0]!;

        Assert.Equal(chart["securityContext"]!.ToJsonString(), pool["securityContext"]!.ToJsonString());
        Assert.Equal(chart["containerSecurityContext"]!.ToJsonString(), pool["containerSecurityContext"]!.ToJsonString());
    }

    [Fact]
    public void TenantPool_RunsUnprivilegedWithNoCapabilitiesAndTheRuntimeSeccompProfile()
    {
        var pool = MinioSpec.For(TestConfig.StackOptions("dev"))!.TenantValues()["tenant"]!["pools"]![0]!;

        Assert.Equal(
            """{"runAsUser":1000,"runAsGroup":1000,"runAsNonRoot":true,"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"seccompProfile":{"type":"RuntimeDefault"}}""",
            pool["containerSecurityContext"]!.ToJsonString());
        Assert.Equal("""{"runAsUser":1000,"runAsGroup":1000,"fsGroup":1000,"fsGroupChangePolicy":"OnRootMismatch","runAsNonRoot":true}""", pool["securityContext"]!.ToJsonString());
    }

    [Fact]
    public void Sizing_DevIsOneServerAndProdSpreadsTheCapacityOverFourByFour()
    {
        var dev = MinioSpec.For(TestConfig.StackOptions("dev"))!;
        var prod = MinioSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Equal((1, 1, 100, "standard", false), (dev.Servers, dev.VolumesPerServer, dev.VolumeGi, dev.StorageClass, dev.Protect));
        Assert.Equal((4, 4, 128, "gold", true), (prod.Servers, prod.VolumesPerServer, prod.VolumeGi, prod.StorageClass, prod.Protect));
    }

    [Fact]
    public void TenantValues_TakeRootCredentialsFromTheSecretAndNeverInline()
    {
        var tenant = MinioSpec.For(TestConfig.StackOptions("dev"))!.TenantValues()["tenant"]!;

        Assert.Equal("""{"name":"minio-root","existingSecret":true}""", tenant["configSecret"]!.ToJsonString());
        Assert.DoesNotContain("secretKey", tenant.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(6, tenant["users"]!.AsArray().Count);
        Assert.Equal(14, tenant["buckets"]!.AsArray().Count);
    }

    [Fact]
    public void RegistryMirror_RewritesEveryImage()
    {
        var spec = MinioSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Equal("harbor.prod.example.com/mirror/quay.io/minio/minio", (string)spec.TenantValues()["tenant"]!["image"]!["repository"]!);
        Assert.Equal("harbor.prod.example.com/mirror/quay.io/minio/operator", (string)spec.OperatorValues()["operator"]!["image"]!["repository"]!);
        Assert.Equal("""{"repository":"harbor.prod.example.com/mirror/quay.io/minio/operator-sidecar","tag":"v7.0.1"}""", spec.OperatorValues()["operator"]!["sidecarImage"]!.ToJsonString());
        Assert.StartsWith("harbor.prod.example.com/mirror/quay.io/minio/mc:RELEASE.", (string)spec.PolicyJob()["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyJob_AttachesEachPolicyToItsUserAndKeepsBucketsPrivate()
    {
        var spec = MinioSpec.For(TestConfig.StackOptions("dev"))!;
        var script = spec.PolicyScript();

        Assert.Contains("mc admin policy create store mlflow-buckets /policies/mlflow-buckets.json\n", script, StringComparison.Ordinal);
        Assert.Contains("mc admin policy attach store mlflow-buckets --user mlflow || mc admin user info store mlflow | grep -q mlflow-buckets\n", script, StringComparison.Ordinal);
        Assert.Equal(14, script.Split('\n').Count(l => l.StartsWith("mc anonymous set none store/mlops-dev-", StringComparison.Ordinal)));
        Assert.DoesNotContain("MINIO_ROOT_PASSWORD=", script, StringComparison.Ordinal);
        Assert.Matches("^minio-policies-[0-9a-f]{10}$", spec.PolicyJobName());
        Assert.NotEqual(spec.PolicyJobName(), MinioSpec.For(TestConfig.StackOptions("prod"))!.PolicyJobName());
    }

    [Fact]
    public void Plan_CredentialsAreGeneratedAndOnlyReferenced()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));

        var root = plan["kubernetes:core/v1:Secret::minio-root"];
        Assert.Equal(
            [PlanValue.Of($"export MINIO_ROOT_USER={MinioSpec.RootUser}\nexport MINIO_ROOT_PASSWORD="), PlanValue.Generated("random:index/randomPassword:RandomPassword::minio-root-password"), PlanValue.Of("\n")],
            ((PlanValue.Concat)((PlanValue.MapValue)root.Inputs["stringData"]).Entries["config.env"]).Parts.ToArray());
        Assert.Equal("{length: 32, special: false}", PlanValue.Map(plan["random:index/randomPassword:RandomPassword::mlflow-minio-password"].Inputs).ToString());
        Assert.Equal("{CONSOLE_ACCESS_KEY: mlflow, CONSOLE_SECRET_KEY: [secret random:index/randomPassword:RandomPassword::mlflow-minio-password]}", plan["kubernetes:core/v1:Secret::mlflow-minio-user"].Inputs["stringData"].ToString());
        var tenant = plan["kubernetes:helm.sh/v3:Release::minio-tenant"];
        Assert.Contains("kubernetes:storage.k8s.io/v1:StorageClass::standard", tenant.DependsOn);
        Assert.Contains("kubernetes:helm.sh/v3:Release::minio-operator", tenant.DependsOn);
        Assert.Equal("pulumi:providers:kubernetes::workload-cluster", tenant.Provider);
        Assert.Equal(PlanValue.Of("7.1.1"), tenant.Inputs["version"]);
    }

    [Fact]
    public void Disabled_DeploysNoObjectStore()
    {
        var options = TestConfig.Load(("mlops:maturity", "level0"), ("mlops:platform", "\n    minio:\n      enabled: false")).Errors;

        Assert.Equal(["mlops:platform.minio.enabled is false, but maturity level0 needs MinIO for the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', or lower mlops:maturity."], options.Select(e => e.Message));
    }
}
