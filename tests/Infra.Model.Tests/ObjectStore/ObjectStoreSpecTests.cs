using System.Text.RegularExpressions;
using CsCheck;
using Infra.Model.ObjectStore;

namespace Infra.Model.Tests.ObjectStore;

public sealed partial class ObjectStoreSpecTests
{
    [Fact]
    public void Level2_HasABucketSetPerServiceAndOneIdentityEach()
    {
        var spec = ObjectStoreSpec.For(TestConfig.StackOptions("dev"));

        Assert.Equal(
        [
            "mlops-dev-mlflow-artifacts", "mlops-dev-kubeflow-pipelines", "mlops-dev-feast-registry", "mlops-dev-feast-offline",
            "mlops-dev-spark-events", "mlops-dev-spark-data", "mlops-dev-gitlab-artifacts", "mlops-dev-gitlab-lfs", "mlops-dev-gitlab-uploads",
            "mlops-dev-gitlab-packages", "mlops-dev-gitlab-registry", "mlops-dev-gitlab-backups", "mlops-dev-gitlab-tmp", "mlops-dev-teams",
        ], spec.Buckets.Select(b => b.Name));
        Assert.Equal(["mlflow", "kubeflow-pipelines", "feast", "spark", "gitlab", "team-data-science"], spec.Identities.Select(i => i.Name));
        Assert.Equal(["mlops-dev-feast-registry", "mlops-dev-feast-offline"], spec.Identities.Single(i => i.Consumer == StoreConsumer.Feast).Buckets.ToArray());
    }

    [Fact]
    public void Level0_KeepsNoServiceData()
    {
        var spec = ObjectStoreSpec.For(TestConfig.Load(("mlops:maturity", "level0")).ValidOptions());

        Assert.Empty(spec.Buckets);
        Assert.Empty(spec.Identities);
    }

    [Fact]
    public void EnabledFlags_DecideTheConsumers()
    {
        var spec = ObjectStoreSpec.For(TestConfig.Load([.. TestConfig.GitlabReady, ("mlops:maturity", "level2"), ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com\n    gitlab:\n      enabled: true\n    spark:\n      enabled: true")]).ValidOptions());
        var level0WithMlflow = ObjectStoreSpec.For(TestConfig.Load(("mlops:maturity", "level0"), ("mlops:platform", "\n    mlflow:\n      enabled: true")).ValidOptions());

        Assert.Contains(spec.Identities, i => i.Consumer == StoreConsumer.Gitlab);
        Assert.Equal(["mlflow"], level0WithMlflow.Identities.Select(i => i.Name));
    }

    [Fact]
    public void Policy_ReachesOnlyItsOwnBuckets()
    {
        var mlflow = ObjectStoreSpec.For(TestConfig.StackOptions("dev")).Identities.Single(i => i.Consumer == StoreConsumer.Mlflow);

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation","s3:ListBucketMultipartUploads"],"Resource":["arn:aws:s3:::mlops-dev-mlflow-artifacts"]},{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload","s3:ListMultipartUploadParts"],"Resource":["arn:aws:s3:::mlops-dev-mlflow-artifacts/*"]}]}""",
            mlflow.Policy().ToJsonString());
        Assert.Equal("mlflow-buckets", mlflow.PolicyName);
    }

    [Fact]
    public void AnyEnvironment_GivesValidBucketNamesAndPoliciesWithoutWildcards()
    {
        var environments = Gen.Select(Gen.Char['a', 'z'], Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"], 0, 18], Gen.Char['a', 'z'])
            .Select((first, middle, last) => $"{first}{middle}{last}");
        environments.Sample(environment =>
        {
            var spec = ObjectStoreSpec.For(TestConfig.Load([.. TestConfig.GitlabReady, ("mlops:environment", environment), ("mlops:maturity", "level2")]).ValidOptions());
            return spec.Buckets.All(b => S3Name().IsMatch(b.Name))
                && spec.Identities.All(i => !i.Policy().ToJsonString().Contains("\"*\"", StringComparison.Ordinal)
                    && !i.Policy().ToJsonString().Contains("s3:*", StringComparison.Ordinal)
                    && !i.Policy().ToJsonString().Contains("arn:aws:s3:::*", StringComparison.Ordinal));
        }, iter: 200);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex S3Name();
}
