using Infra.Model.Planning;
using Infra.Model.Postgres;
using Infra.Model.Stacks;

namespace Infra.Model.Tests.Postgres;

public sealed class PostgresSpecTests
{
    [Fact]
    public void Users_AreTheEnabledServicesThatKeepRelationalData()
    {
        Assert.Equal(["mlflow:mlflow:mlflow", "feast:feast_registry:feast", "gitlab:gitlabhq_production:gitlab", "katib:katib:katib", "kubeflow-pipelines:mlpipeline:kubeflow_pipelines", "ml-metadata:metadb:ml_metadata"],
            PostgresSpec.UsersFor(TestConfig.StackOptions("dev")).Select(u => $"{u.Service}:{u.Database}:{u.Owner}"));
        Assert.Null(PostgresSpec.For(TestConfig.Load(("mlops:maturity", "level0")).ValidOptions()));
    }

    [Fact]
    public void Dev_IsOneInstanceWithoutBackups()
    {
        var spec = PostgresSpec.For(TestConfig.StackOptions("dev"))!;

        Assert.Equal((1, 10, "standard", (Infra.Model.Backup.BackupTarget?)null, false), (spec.Instances, spec.StorageGi, spec.StorageClass, spec.Backup, spec.Protect));
        Assert.False(spec.Cluster()["spec"]!.AsObject().ContainsKey("backup"));
        Assert.Null(spec.ScheduledBackup());
    }

    [Fact]
    public void Prod_IsThreeInstancesBackedUpOutsideTheCluster()
    {
        var spec = PostgresSpec.For(TestConfig.StackOptions("prod"))!;
        var cluster = spec.Cluster();

        Assert.Equal((3, 100, "gold", true), (spec.Instances, spec.StorageGi, spec.StorageClass, spec.Protect));
        Assert.Equal(
            """{"retentionPolicy":"30d","barmanObjectStore":{"destinationPath":"s3://mlops-backups/prod/postgres/","endpointURL":"https://backup.example.com","s3Credentials":{"accessKeyId":{"name":"postgres-backup-s3","key":"ACCESS_KEY_ID"},"secretAccessKey":{"name":"postgres-backup-s3","key":"ACCESS_SECRET_KEY"},"region":{"name":"postgres-backup-s3","key":"ACCESS_REGION"}},"wal":{"compression":"gzip"},"data":{"compression":"gzip"}}}""",
            cluster["spec"]!["backup"]!.ToJsonString());
        Assert.Equal("0 0 2 * * *", (string)spec.ScheduledBackup()!["spec"]!["schedule"]!);
        Assert.False((bool)cluster["spec"]!["enableSuperuserAccess"]!);
    }

    [Fact]
    public void Connections_WithoutTlsAreRefusedExceptThePipelinesApiServersToItsDatabases()
    {
        var spec = PostgresSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Equal(
            """["hostnossl postgres,mlpipeline kubeflow_pipelines all scram-sha-256","hostnossl all all all reject"]""",
            spec.Cluster()["spec"]!["postgresql"]!["pg_hba"]!.ToJsonString());
        // The rules as the operator writes pg_hba.conf: its fixed rules, the cluster's, its default; the first match decides.
        string[] hba =
        [
            "local all all peer map=local", "hostssl postgres streaming_replica all cert", "hostssl replication streaming_replica all cert", "hostssl all cnpg_pooler_pgbouncer all cert",
            .. spec.HbaRules(), "host all all all scram-sha-256",
        ];
        string Method(bool tls, string database, string role) => hba.Select(l => l.Split(' ')).First(r =>
            r[0] switch { "host" => true, "hostssl" => tls, "hostnossl" => !tls, _ => false }
            && (r[1] == "all" || r[1].Split(',').Contains(database)) && (r[2] == "all" || r[2] == role))[4];

        foreach (var user in spec.Users)
        {
            Assert.All(user.ConnectsTo, db => Assert.Equal("scram-sha-256", Method(tls: true, db, user.Owner)));
            Assert.All(user.ConnectsTo, db => Assert.Equal(user.Owner == "kubeflow_pipelines" ? "scram-sha-256" : "reject", Method(tls: false, db, user.Owner)));
        }

        Assert.Equal(["postgres", "mlpipeline"], PostgresSpec.PipelinesApi.ConnectsTo);
        Assert.Equal("reject", Method(tls: false, "metadb", "kubeflow_pipelines"));
        Assert.Equal("reject", Method(tls: false, "mlpipeline", "ml_metadata"));
        Assert.Equal(["kubeflow_pipelines"], spec.Users.Where(u => u.PlainText).Select(u => u.Owner));
    }

    [Fact]
    public void Roles_TakeTheirPasswordsFromBasicAuthSecrets()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));

        var secret = plan["kubernetes:core/v1:Secret::mlflow-postgres"];
        Assert.Equal(PlanValue.Of("kubernetes.io/basic-auth"), secret.Inputs["type"]);
        Assert.Equal("{password: [secret random:index/randomPassword:RandomPassword::mlflow-postgres-password], username: mlflow}", secret.Inputs["stringData"].ToString());
        Assert.Contains("{ensure: present, login: true, name: mlflow, passwordSecret: {name: mlflow-postgres}}", plan["kubernetes:postgresql.cnpg.io/v1:Cluster::mlops-postgres"].Inputs["spec"].ToString(), StringComparison.Ordinal);
        Assert.Equal(
            "{ACCESS_KEY_ID: AKMLOPSPRODBACKUP, ACCESS_REGION: us-east-1, ACCESS_SECRET_KEY: [secret mlops:platform.backup.secretKey]}",
            plan["kubernetes:core/v1:Secret::postgres-backup-s3"].Inputs["stringData"].ToString());
    }

    [Fact]
    public void Cluster_WaitsForTheOperatorTheSecretsTheStorageClassAndTheBackupIdentity()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));
        var cluster = plan["kubernetes:postgresql.cnpg.io/v1:Cluster::mlops-postgres"];

        Assert.Contains("kubernetes:helm.sh/v3:Release::cnpg-operator", cluster.DependsOn);
        Assert.Contains("kubernetes:storage.k8s.io/v1:StorageClass::gold", cluster.DependsOn);
        Assert.Contains("kubernetes:core/v1:Secret::postgres-backup-s3", cluster.DependsOn);
        // The backups go outside the cluster: the cluster no longer waits for MinIO's identities.
        Assert.DoesNotContain(cluster.DependsOn, d => d.StartsWith("kubernetes:batch/v1:Job::minio-policies-", StringComparison.Ordinal));
        Assert.True(cluster.Protect);
        Assert.Equal(["kubernetes:postgresql.cnpg.io/v1:Cluster::mlops-postgres"], plan["kubernetes:postgresql.cnpg.io/v1:Database::gitlabhq-production"].DependsOn.ToArray());
    }
}
