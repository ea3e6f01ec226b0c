using Infra.Model.ObjectStore;
using Infra.Model.Planning;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.ObjectStore;

public sealed class ExternalObjectStoreTests
{
    /// <summary>Level 1 with an existing store: MLflow, Kubeflow Pipelines, Feast and Spark keep data there.</summary>
    private const string Store = """

            objectStore:
              endpoint: https://s3.example.com/
              region: eu-central-1
              identities:
                - name: mlflow
                  accessKey: AKMLFLOW
                  secretKey:
                    secure: v1:m
                - name: feast
                  accessKey: AKFEAST
                  secretKey:
                    secure: v1:f
                - name: spark
                  accessKey: AKSPARK
                  secretKey:
                    secure: v1:s
                - name: kubeflow-pipelines
                  accessKey: AKKFP
                  secretKey:
                    secure: v1:k
        """;

    [Fact]
    public void Access_TakesTheEndpointRegionAndKeysFromConfigAndMinioIsNotDeployed()
    {
        var options = TestConfig.Load(("mlops:platform", Store)).ValidOptions();
        var access = ObjectStoreAccess.For(options)!;

        Assert.Equal(("https://s3.example.com", "eu-central-1", true, true, (string?)null), (access.Endpoint, access.Region, access.PathStyle, access.Secure, access.PolicyJob));
        Assert.Equal("AKSPARK", access.AccessKey("spark"));
        Assert.Equal(PlanValue.Config(new Infra.Model.Configuration.SecretSetting("mlops:platform", "objectStore.identities[2].secretKey")), access.SecretKey("spark"));
        Assert.Null(Infra.Model.Minio.MinioSpec.For(options));
    }

    [Fact]
    public void Plan_ServicesUseTheConfiguredKeysAndWaitForNoPolicyJob()
    {
        var plan = StackPlanner.Plan("test", TestConfig.Load(("mlops:platform", Store)).ValidOptions());

        Assert.DoesNotContain(plan.Nodes, n => n.Type.StartsWith("infra:ml:ObjectStore", StringComparison.Ordinal) || n.Name.StartsWith("minio", StringComparison.Ordinal));
        var secret = plan[PlanNode.IdOf("kubernetes:core/v1:Secret", "mlflow-s3")];
        Assert.Equal("{AWS_ACCESS_KEY_ID: AKMLFLOW, AWS_SECRET_ACCESS_KEY: [secret mlops:platform.objectStore.identities[0].secretKey]}", secret.Inputs["stringData"].ToString());
        Assert.Equal([PlanNode.IdOf("kubernetes:core/v1:Namespace", "mlflow")], secret.DependsOn.ToArray());
        var sparkDefaults = plan[PlanNode.IdOf("kubernetes:core/v1:ConfigMap", "spark-defaults-spark-jobs")].Inputs["data"].ToString();
        Assert.Contains("spark.hadoop.fs.s3a.endpoint https://s3.example.com\nspark.hadoop.fs.s3a.endpoint.region eu-central-1\nspark.hadoop.fs.s3a.path.style.access true\nspark.hadoop.fs.s3a.connection.ssl.enabled true\n", sparkDefaults, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_HandsTheBucketsAndOnePolicyPerIdentityToTheStoresAdministrators()
    {
        var plan = StackPlanner.Plan("test", TestConfig.Load(("mlops:platform", Store)).ValidOptions());
        var handoffs = plan.Handoffs.Where(h => h.Path.StartsWith("object-store/", StringComparison.Ordinal)).ToDictionary(h => h.Path);

        Assert.Equal(
            ["object-store/buckets.txt", "object-store/policies/feast-buckets.json", "object-store/policies/kubeflow-pipelines-buckets.json", "object-store/policies/mlflow-buckets.json", "object-store/policies/spark-buckets.json"],
            handoffs.Keys);
        Assert.Equal("mlops-dev-mlflow-artifacts\nmlops-dev-kubeflow-pipelines\nmlops-dev-feast-registry\nmlops-dev-feast-offline\nmlops-dev-spark-events\nmlops-dev-spark-data\n", handoffs["object-store/buckets.txt"].Content);
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation","s3:ListBucketMultipartUploads"],"Resource":["arn:aws:s3:::mlops-dev-mlflow-artifacts"]},{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload","s3:ListMultipartUploadParts"],"Resource":["arn:aws:s3:::mlops-dev-mlflow-artifacts/*"]}]}""" + "\n",
            handoffs["object-store/policies/mlflow-buckets.json"].Content);
        Assert.Equal(
            "For the object store's administrators: the policy of the identity 'mlflow', reaching only its buckets; its access key goes into mlops:platform.objectStore.identities.",
            handoffs["object-store/policies/mlflow-buckets.json"].Purpose);
    }

    [Fact]
    public void Plan_WithMinio_HandsNothingToAStoresAdministrators()
    {
        Assert.DoesNotContain(TestConfig.StackPlan("dev").Handoffs, h => h.Path.StartsWith("object-store/", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_NamesEveryMissingIdentityAndBadEntry()
    {
        var errors = TestConfig.Errors(("mlops:platform", "\n    objectStore:\n      endpoint: s3.example.com\n      identities:\n        - name: mlfow\n          accessKey: AK\n        - name: spark\n          secretKey:\n            secure: v1:s"));

        Assert.Equal(
            [
                "mlops:platform.objectStore.endpoint 's3.example.com' is not an S3 endpoint: write an http:// or https:// URL, such as 'https://s3.example.com'. Set it with 'pulumi config set --path mlops:platform.objectStore.endpoint <url>'.",
                "mlops:platform.objectStore.identities[0].name 'mlfow' is not an identity this stack uses: it needs mlflow, kubeflow-pipelines, feast, spark. Set it with 'pulumi config set --path \"mlops:platform.objectStore.identities[0].name\" <identity>', or remove the entry.",
                "mlops:platform.objectStore.identities[1].accessKey is required: the access key ID of 'spark'. Set it with 'pulumi config set --path \"mlops:platform.objectStore.identities[1].accessKey\" <access key id>'.",
                "mlops:platform.objectStore.identities has no access key for 'mlflow': each service that keeps data uses its own identity, with the policy 'infractl render' writes to handoffs/object-store/policies/mlflow-buckets.json. Add it with 'pulumi config set --path \"mlops:platform.objectStore.identities[2].name\" mlflow', 'pulumi config set --path \"mlops:platform.objectStore.identities[2].accessKey\" <access key id>' and 'pulumi config set --secret --path \"mlops:platform.objectStore.identities[2].secretKey\" <secret key>'.",
                "mlops:platform.objectStore.identities has no access key for 'kubeflow-pipelines': each service that keeps data uses its own identity, with the policy 'infractl render' writes to handoffs/object-store/policies/kubeflow-pipelines-buckets.json. Add it with 'pulumi config set --path \"mlops:platform.objectStore.identities[3].name\" kubeflow-pipelines', 'pulumi config set --path \"mlops:platform.objectStore.identities[3].accessKey\" <access key id>' and 'pulumi config set --secret --path \"mlops:platform.objectStore.identities[3].secretKey\" <secret key>'.",
                "mlops:platform.objectStore.identities has no access key for 'feast': each service that keeps data uses its own identity, with the policy 'infractl render' writes to handoffs/object-store/policies/feast-buckets.json. Add it with 'pulumi config set --path \"mlops:platform.objectStore.identities[4].name\" feast', 'pulumi config set --path \"mlops:platform.objectStore.identities[4].accessKey\" <access key id>' and 'pulumi config set --secret --path \"mlops:platform.objectStore.identities[4].secretKey\" <secret key>'.",
            ],
            errors);
    }

    [Fact]
    public void Pipelines_ReachTheExternalStoreAtItsHostPortAndTlsWithTheConfiguredKey()
    {
        var options = TestConfig.Load(("mlops:platform", Store.Replace("https://s3.example.com/", "https://s3.example.com:9443", StringComparison.Ordinal))).ValidOptions();
        var stores = Infra.Model.Kubeflow.PipelinesStores.For(options)!;
        var plan = StackPlanner.Plan("test", options);

        Assert.Equal(
            [("objectStoreHost", "s3.example.com"), ("objectStorePort", "9443"), ("objectStorePortNumber", "9443"), ("objectStoreSecure", "true"), ("objectStoreRegion", "eu-central-1"), ("bucketName", "mlops-dev-kubeflow-pipelines")],
            stores.Settings().Where(s => s.Key.StartsWith("objectStore", StringComparison.Ordinal) || s.Key == "bucketName").ToArray());
        Assert.Equal("s3.example.com:9443", stores.StoreAddress);
        // At the scheme's default port the API server's port is empty and the UI's the number itself.
        var atDefault = Infra.Model.Kubeflow.PipelinesStores.For(TestConfig.Load(("mlops:platform", Store)).ValidOptions())!.Settings();
        Assert.Equal(("", "443"), (atDefault.Single(s => s.Key == "objectStorePort").Value, atDefault.Single(s => s.Key == "objectStorePortNumber").Value));
        Assert.Equal(
            "{accesskey: AKKFP, secretkey: [secret mlops:platform.objectStore.identities[3].secretKey]}",
            plan[PlanNode.IdOf("kubernetes:core/v1:Secret", Infra.Model.Kubeflow.PipelinesStores.StoreSecret)].Inputs["stringData"].ToString());
        Assert.DoesNotContain(plan[Infra.Model.Kubeflow.KubeflowPlanner.UnitId("pipelines")].DependsOn, d => d.StartsWith("kubernetes:batch/v1:Job", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_PipelinesWithoutAnyObjectStoreIsAnError()
    {
        Assert.Contains(
            "mlops:platform.minio.enabled is false, but Kubeflow Pipelines keeps pipeline packages, run artifacts and step logs in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or choose Kubeflow applications without 'pipelines' in mlops:platform.kubeflow.components.",
            TestConfig.Errors(("mlops:platform", "\n    minio:\n      enabled: false\n    mlflow:\n      enabled: false\n    spark:\n      enabled: false\n    feast:\n      enabled: false\n    kubeflow:\n      components: [dashboard, profiles, pipelines]")));
    }

    [Fact]
    public void Validation_MinioAskedForExplicitlyBesideAnExternalStoreIsAnError()
    {
        Assert.Contains(
            "mlops:platform.objectStore is set, but mlops:platform.minio.enabled is true: an existing S3 endpoint replaces MinIO. Remove the flag with 'pulumi config rm --path mlops:platform.minio.enabled', or the external store with 'pulumi config rm --path mlops:platform.objectStore'.",
            TestConfig.Errors(("mlops:platform", Store + "\n    minio:\n      enabled: true")));
    }
}
