using Infra.Model.Planning;
using Infra.Model.Redis;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Redis;

public sealed class RedisSpecTests
{
    [Fact]
    public void For_Dev_IsOneServerOnAVolumeWithAUserPerClient()
    {
        var spec = RedisSpec.For(TestConfig.StackOptions("dev"))!;

        Assert.Equal((1, 5, "standard", "512Mi", false, (string?)null), (spec.Instances, spec.StorageGi, spec.StorageClass, spec.Memory, spec.Protect, spec.Registry));
        Assert.Equal(["default", "feast", "gitlab"], spec.Users.ToArray());
        Assert.Equal(
            """{"image":{"registry":"docker.io","repository":"valkey/valkey","tag":"9.1.1"},"auth":{"enabled":true,"usersExistingSecret":"valkey-users","aclUsers":{"default":{"permissions":"~* \u0026* \u002B@all"},"feast":{"permissions":"~* \u0026* \u002B@all -@admin"},"gitlab":{"permissions":"~* \u0026* \u002B@all -@admin"}}},"resources":{"requests":{"cpu":"100m","memory":"512Mi"},"limits":{"memory":"512Mi"}},"deploymentStrategy":"Recreate","dataStorage":{"enabled":true,"requestedSize":"5Gi","className":"standard","keepPvc":false}}""",
            spec.Values().ToJsonString());
    }

    [Fact]
    public void For_Prod_IsAPrimaryWithTwoReplicasThroughTheMirrorAndProtected()
    {
        var spec = RedisSpec.For(TestConfig.StackOptions("prod"))!;
        var values = spec.Values();

        Assert.Equal((3, 20, "4Gi", true), (spec.Instances, spec.StorageGi, spec.Memory, spec.Protect));
        Assert.Equal("""{"registry":"harbor.prod.example.com/mirror","repository":"docker.io/valkey/valkey","tag":"9.1.1"}""", values["image"]!.ToJsonString());
        Assert.Equal(
            """{"enabled":true,"replicas":2,"replicationUser":"default","minReplicasToWrite":1,"minReplicasMaxLag":10,"persistence":{"size":"20Gi","storageClass":"gold"}}""",
            values["replica"]!.ToJsonString());
        Assert.Equal("""{"enabled":true,"maxUnavailable":1}""", values["podDisruptionBudget"]!.ToJsonString());
        Assert.False(values.ContainsKey("dataStorage"));
    }

    [Fact]
    public void For_ConfigSizesTheStoreAndNoClientMeansNoStore()
    {
        var sized = RedisSpec.For(TestConfig.Load(("mlops:platform", "\n    redis:\n      replicas: 2\n      storage: 1Ti\n      memory: 8Gi")).ValidOptions())!;

        Assert.Equal((2, 1024, "8Gi"), (sized.Instances, sized.StorageGi, sized.Memory));
        Assert.Equal(["default", "feast"], sized.Users.ToArray());
        Assert.Null(RedisSpec.For(TestConfig.Load(("mlops:maturity", "level0")).ValidOptions()));
        Assert.Equal(["default", "gitlab"], RedisSpec.For(TestConfig.Load([.. TestConfig.GitlabReady, ("mlops:maturity", "level0"), ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com\n    gitlab:\n      enabled: true")]).ValidOptions())!.Users.ToArray());
    }

    [Fact]
    public void Validation_NamesABadInstanceCountAndQuantity()
    {
        var errors = TestConfig.Errors(("mlops:platform", "\n    redis:\n      replicas: 0\n      memory: lots\n    postgres:\n      replicas: 0"));

        Assert.Contains("mlops:platform.redis.replicas '0' is out of range: Redis runs at least 1 instance. Set it with 'pulumi config set --path mlops:platform.redis.replicas <number>'.", errors);
        Assert.Contains("mlops:platform.redis.memory 'lots' is not a Kubernetes quantity: write a number with an optional unit, such as 500m, 2, 4Gi or 100Gi. Set it with 'pulumi config set --path mlops:platform.redis.memory 4Gi'.", errors);
        Assert.Contains("mlops:platform.postgres.replicas '0' is out of range: PostgreSQL runs at least 1 instance. Set it with 'pulumi config set --path mlops:platform.postgres.replicas <number>'.", errors);
    }

    [Fact]
    public void Plan_PasswordsReachTheReleaseOnlyThroughTheUsersSecret()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));
        var secret = plan[PlanNode.IdOf("kubernetes:core/v1:Secret", "valkey-users")];
        var release = plan[PlanNode.IdOf("kubernetes:helm.sh/v3:Release", "valkey")];

        Assert.Equal(
            ["random:index/randomPassword:RandomPassword::redis-default-password", "random:index/randomPassword:RandomPassword::redis-feast-password", "random:index/randomPassword:RandomPassword::redis-gitlab-password"],
            ((PlanValue.MapValue)secret.Inputs["stringData"]).Entries.Select(e => ((PlanValue.GeneratedPassword)e.Value).NodeId).ToArray());
        Assert.Equal(
            [PlanNode.IdOf("kubernetes:core/v1:Secret", "valkey-users"), PlanNode.IdOf("kubernetes:storage.k8s.io/v1:StorageClass", "standard")],
            release.DependsOn.ToArray());
        Assert.DoesNotContain("redis-", release.Inputs["values"].ToString(), StringComparison.Ordinal);
    }
}
