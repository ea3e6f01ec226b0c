using Infra.Model.Mlflow;
using Infra.Model.Planning;
using Infra.Model.Postgres;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Mlflow;

public sealed class MlflowSpecTests
{
    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void RenderedValues_MergedOverTheChartDefaults_PassTheChartSchema(string stack)
    {
        var values = Rendering.Rendered.Yaml(stack, "helm/mlflow.values.yaml");

        // The pod's seccomp profile is a key the chart's defaults leave out: its schema takes any key there, and
        // templates/deployment.yaml writes podSecurityContext whole (toYaml) at mlflow-1.11.5.
        Assert.Equal(["podSecurityContext.seccompProfile"], UpstreamSchemas.UnknownValues("mlflow/mlflow.values.yaml", values));
        Assert.Empty(UpstreamSchemas.Errors(
            UpstreamSchemas.ValuesSchema("mlflow/mlflow.values.schema.json"),
            UpstreamSchemas.OverDefaults("mlflow/mlflow.values.yaml", values)));
    }

    [UpstreamFact]
    public void ValuesSchema_RejectsAValueOfTheWrongType()
    {
        var values = MlflowSpec.For(TestConfig.StackOptions("dev"))!.Values();
        values["replicaCount"] = "two";

        // List output also reports the failing branches of the defaults' anyOf blocks once anything fails.
        Assert.Contains(
            "/replicaCount: Value is \"string\" but should be \"integer\"",
            UpstreamSchemas.Errors(UpstreamSchemas.ValuesSchema("mlflow/mlflow.values.schema.json"), UpstreamSchemas.OverDefaults("mlflow/mlflow.values.yaml", values)));
    }

    [UpstreamFact]
    public void Users_HaveNoPermissionByDefault_AValueTheChartTakes()
    {
        var values = MlflowSpec.For(TestConfig.StackOptions("prod"))!.Values();
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(UpstreamSchemas.Folder, "mlflow/mlflow.values.schema.json")))!;
        var choices = schema["properties"]!["auth"]!["properties"]!["defaultPermission"]!["enum"]!.AsArray().Select(c => (string)c!).ToArray();

        Assert.Equal("NO_PERMISSIONS", (string)values["auth"]!["defaultPermission"]!);
        Assert.Equal(["READ", "EDIT", "MANAGE", "NO_PERMISSIONS"], choices);
        // Another value than the chart's choices fails its schema.
        values["auth"]!["defaultPermission"] = "NONE";
        Assert.Contains(UpstreamSchemas.Errors(UpstreamSchemas.ValuesSchema("mlflow/mlflow.values.schema.json"), UpstreamSchemas.OverDefaults("mlflow/mlflow.values.yaml", values)), e => e.StartsWith("/auth/defaultPermission", StringComparison.Ordinal));
    }

    [Fact]
    public void Sizing_DevIsOneSmallReplicaAndProdTakesTheStackFile()
    {
        var dev = MlflowSpec.For(TestConfig.StackOptions("dev"))!;
        var prod = MlflowSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Equal((1, "250m", "1Gi", "mlops-dev-mlflow-artifacts"), (dev.Replicas, dev.Cpu, dev.Memory, dev.Bucket));
        // Pulumi.prod.yaml sets three replicas and 4Gi; the CPU request is the production default.
        Assert.Equal((3, "1", "4Gi", "mlops-prod-mlflow-artifacts"), (prod.Replicas, prod.Cpu, prod.Memory, prod.Bucket));
        Assert.Null(MlflowSpec.For(TestConfig.Load(("mlops:maturity", "level0")).ValidOptions()));
    }

    [Fact]
    public void Values_TakeEveryCredentialFromSecretsAndPinEveryImage()
    {
        var values = MlflowSpec.For(TestConfig.StackOptions("dev"))!.Values();

        Assert.Equal(
            """{"databaseMigration":true,"databaseConnectionCheck":true,"postgres":{"enabled":true,"host":"mlops-postgres-rw.postgres.svc.cluster.local","port":5432,"database":"mlflow","driver":"psycopg2"},"existingDatabaseSecret":{"name":"mlflow-database","usernameKey":"username","passwordKey":"password"}}""",
            values["backendStore"]!.ToJsonString());
        Assert.Equal(
            """{"proxiedArtifactStorage":true,"s3":{"enabled":true,"bucket":"mlops-dev-mlflow-artifacts","existingSecret":{"name":"mlflow-s3","keyOfAccessKeyId":"AWS_ACCESS_KEY_ID","keyOfSecretAccessKey":"AWS_SECRET_ACCESS_KEY"}}}""",
            values["artifactRoot"]!.ToJsonString());
        Assert.Equal("mlflow_auth", (string)values["auth"]!["postgres"]!["database"]!);
        Assert.Equal("/etc/mlflow/aws/config", (string)values["extraEnvVars"]!["AWS_CONFIG_FILE"]!);
        Assert.Equal("""[{"name":"aws-config","mountPath":"/etc/mlflow/aws","readOnly":true}]""", values["extraVolumeMounts"]!.ToJsonString());
        Assert.Equal("mlflow-admin", (string)values["auth"]!["existingAdminSecret"]!["name"]!);
        Assert.Equal(
            ["docker.io/burakince/mlflow:3.15.1", "docker.io/library/busybox:1.38.0@sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616", "docker.io/burakince/mlflow:3.15.1", "docker.io/library/busybox:1.38.0@sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616"],
            new[] { values["image"], values["initImages"]!["dbchecker"], values["initImages"]!["mlflowDbMigration"], values["initImages"]!["iniFileInitializer"] }
                .Select(i => $"{i!["repository"]}:{i["tag"]}"));
        Assert.DoesNotContain("assword\":\"", values.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RegistryMirror_RewritesEveryImage()
    {
        var values = MlflowSpec.For(TestConfig.StackOptions("prod"))!.Values();

        Assert.Equal("harbor.prod.example.com/mirror/docker.io/burakince/mlflow", (string)values["image"]!["repository"]!);
        Assert.Equal("harbor.prod.example.com/mirror/docker.io/library/busybox", (string)values["initImages"]!["dbchecker"]!["repository"]!);
    }

    [Fact]
    public void Plan_CopiesTheCredentialsIntoItsNamespaceAndWaitsForDatabasesAndIdentity()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));

        Assert.Equal(
            "{password: [secret random:index/randomPassword:RandomPassword::mlflow-postgres-password], username: mlflow}",
            plan["kubernetes:core/v1:Secret::mlflow-database"].Inputs["stringData"].ToString());
        Assert.Equal(
            "{AWS_ACCESS_KEY_ID: mlflow, AWS_SECRET_ACCESS_KEY: [secret random:index/randomPassword:RandomPassword::mlflow-minio-password]}",
            plan["kubernetes:core/v1:Secret::mlflow-s3"].Inputs["stringData"].ToString());
        Assert.Equal(
            "{password: [secret random:index/randomPassword:RandomPassword::mlflow-admin-password], username: admin}",
            plan["kubernetes:core/v1:Secret::mlflow-admin"].Inputs["stringData"].ToString());
        var release = plan["kubernetes:helm.sh/v3:Release::mlflow"];
        Assert.Equal(PlanValue.Of("1.11.5"), release.Inputs["version"]);
        Assert.Equal(
            [
                "kubernetes:core/v1:Secret::mlflow-database",
                "kubernetes:core/v1:Secret::mlflow-s3",
                "kubernetes:core/v1:Secret::mlflow-admin",
                "kubernetes:core/v1:ConfigMap::mlflow-aws-config",
                "kubernetes:postgresql.cnpg.io/v1:Database::mlflow",
                "kubernetes:postgresql.cnpg.io/v1:Database::mlflow-auth",
                $"kubernetes:batch/v1:Job::{Infra.Model.Minio.MinioSpec.For(TestConfig.StackOptions("dev"))!.PolicyJobName()}",
            ],
            release.DependsOn.ToArray());
        Assert.Equal("infra:ml:ModelRegistry::mlflow", release.Parent);
        Assert.Equal("{config: [default]\nregion = us-east-1\ns3 =\n    addressing_style = path\n}", plan["kubernetes:core/v1:ConfigMap::mlflow-aws-config"].Inputs["data"].ToString());
    }

    [Fact]
    public void Owner_HasATrackingAndAnAuthDatabase()
    {
        var user = PostgresSpec.UsersFor(TestConfig.StackOptions("dev")).Single(u => u.Service == "mlflow");

        Assert.Equal(["mlflow", "mlflow_auth"], user.Databases);
        Assert.Equal(
            """{"name":"mlflow_auth","owner":"mlflow","cluster":{"name":"mlops-postgres"}}""",
            PostgresSpec.Databases(user).Last()["spec"]!.ToJsonString());
    }

    [Fact]
    public void DisruptionBudget_OnlyWithMoreThanOneServer_KeepsAllButOneUp()
    {
        Assert.Null(MlflowSpec.For(TestConfig.StackOptions("dev"))!.DisruptionBudget());
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));

        var budget = plan["kubernetes:policy/v1:PodDisruptionBudget::mlflow"];
        Assert.Equal(
            "{maxUnavailable: 1, selector: {matchLabels: {app.kubernetes.io/instance: mlflow, app.kubernetes.io/name: mlflow}}}",
            budget.Inputs["spec"].ToString());
        Assert.Equal(("infra:ml:ModelRegistry::mlflow", "pulumi:providers:kubernetes::workload-cluster"), (budget.Parent, budget.Provider));
    }

    [Fact]
    public void SettingsAServiceDoesNotRead_AreUnknownKeys()
    {
        var loaded = TestConfig.Load(("mlops:platform", "\n    mlflow:\n      storage: 50Gi\n    kubeflow:\n      replicas: 2\n    minio:\n      cpu: 500m"));

        Assert.Equal(
            [
                "MLOPS0016 mlops:platform.kubeflow.replicas is not a known setting. Known settings in mlops:platform.kubeflow: components, gitlabSignIn, oidcSignIn, ldapSignIn, enabled. Remove it with 'pulumi config rm --path mlops:platform.kubeflow.replicas'.",
                "MLOPS0016 mlops:platform.minio.cpu is not a known setting. Known settings in mlops:platform.minio: replicas, storage, enabled. Remove it with 'pulumi config rm --path mlops:platform.minio.cpu'.",
                "MLOPS0016 mlops:platform.mlflow.storage is not a known setting. Known settings in mlops:platform.mlflow: replicas, cpu, memory, enabled. Remove it with 'pulumi config rm --path mlops:platform.mlflow.storage'.",
            ],
            loaded.Errors.Select(e => e.Text));
        Assert.All(loaded.Errors, e => Assert.Same(Infra.Model.Configuration.CommonErrors.UnknownKey, e.Code));
    }
}

public sealed class MlflowIngressTests
{
    [Fact]
    public void Prod_IsServedAtItsHostWithACertificateFromTheIssuer()
    {
        var spec = MlflowSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Equal("https://mlflow.mlops.example.com", spec.TrackingUri);
        Assert.Equal(
            """{"enabled":true,"annotations":{"cert-manager.io/cluster-issuer":"corporate-ca"},"hosts":[{"host":"mlflow.mlops.example.com","paths":[{"path":"/","pathType":"Prefix"}]}],"tls":[{"hosts":["mlflow.mlops.example.com"],"secretName":"mlflow-tls"}],"className":"contour"}""",
            spec.Values()["ingress"]!.ToJsonString());
    }

    [Fact]
    public void WithoutADomain_MlflowStaysInCluster()
    {
        var spec = MlflowSpec.For(TestConfig.StackOptions("dev") with { Platform = TestConfig.StackOptions("dev").Platform! with { Ingress = null } })!;

        Assert.Equal("http://mlflow.mlflow.svc.cluster.local", spec.TrackingUri);
        Assert.Equal("""{"enabled":false}""", spec.Values()["ingress"]!.ToJsonString());
        Assert.Equal("http://mlflow.mlops-dev.example.com", MlflowSpec.For(TestConfig.StackOptions("dev"))!.TrackingUri);
    }

    [Fact]
    public void Validation_NamesABadDomainAndASettingWithoutOne()
    {
        Assert.Contains(
            "mlops:platform.ingress.domain 'MLOps_example' is not a DNS domain: write lowercase labels of letters, digits and '-' joined by dots, such as 'mlops.example.com'. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.",
            TestConfig.Errors(("mlops:platform", "\n    ingress:\n      domain: MLOps_example")));
        Assert.Equal(
            [
                "mlops:platform.ingress.domain is required when mlops:platform.ingress sets className or clusterIssuer: the services' hosts are <service>.<domain>. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.",
                "mlops:platform.ingress.className 'Contour' is not a Kubernetes object name: write lowercase letters, digits and '-'. Set it with 'pulumi config set --path mlops:platform.ingress.className <name>'.",
            ],
            TestConfig.Errors(("mlops:platform", "\n    ingress:\n      className: Contour")));
    }
}

public sealed class MlflowTeamUsersTests
{
    [UpstreamFact]
    public void EachTeam_GetsAUserTheJobCreatesAsTheAdminAndItsCredentialsInItsNamespace()
    {
        var options = TestConfig.StackOptions("prod");
        var users = MlflowTeamUsers.For(options)!;
        var plan = StackPlanner.Plan("prod", options);
        var job = users.Job(MlflowTeamUsers.PasswordsSecret);
        var jobNode = plan[PlanNode.IdOf("kubernetes:batch/v1:Job", users.JobName())];

        Assert.Equal(["fraud-detection", "recommendations"], users.Teams.ToArray());
        Assert.Matches("^mlflow-team-users-[0-9a-f]{10}$", users.JobName());
        Assert.Equal(
            ["kubernetes:core/v1:Secret::mlflow-admin", "kubernetes:core/v1:Secret::mlflow-team-users", "kubernetes:helm.sh/v3:Release::mlflow"],
            jobNode.DependsOn.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(
            "{fraud-detection: [secret random:index/randomPassword:RandomPassword::mlflow-team-fraud-detection-password], recommendations: [secret random:index/randomPassword:RandomPassword::mlflow-team-recommendations-password]}",
            plan[PlanNode.IdOf("kubernetes:core/v1:Secret", MlflowTeamUsers.PasswordsSecret)].Inputs["stringData"].ToString());
        var teamSecret = plan[PlanNode.IdOf("kubernetes:core/v1:Secret", "team-mlflow-fraud-detection")];
        Assert.Equal("{name: team-mlflow, namespace: fraud-detection}", teamSecret.Inputs["metadata"].ToString());
        Assert.Equal(
            "{MLFLOW_TRACKING_PASSWORD: [secret random:index/randomPassword:RandomPassword::mlflow-team-fraud-detection-password], MLFLOW_TRACKING_USERNAME: team-fraud-detection}",
            teamSecret.Inputs["stringData"].ToString());

        // The job signs in as the admin from its Secret and reads the passwords as files: no credential in its spec.
        var container = job["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("harbor.prod.example.com/mirror/docker.io/burakince/mlflow:3.15.1", (string)container["image"]!);
        Assert.Equal(
            """[{"name":"MLFLOW_TRACKING_URI","value":"http://mlflow.mlflow.svc.cluster.local"},{"name":"MLFLOW_TRACKING_USERNAME","valueFrom":{"secretKeyRef":{"name":"mlflow-admin","key":"username"}}},{"name":"MLFLOW_TRACKING_PASSWORD","valueFrom":{"secretKeyRef":{"name":"mlflow-admin","key":"password"}}},{"name":"HOME","value":"/tmp"}]""",
            container["env"]!.ToJsonString());
        Assert.Equal(["python", "-c", MlflowTeamUsers.Script], container["command"]!.AsArray().Select(n => (string)n!).ToArray());
        Assert.Contains("client.create_user(user, password)", MlflowTeamUsers.Script, StringComparison.Ordinal);
        Assert.Contains("if error.error_code != \"RESOURCE_ALREADY_EXISTS\":", MlflowTeamUsers.Script, StringComparison.Ordinal);
        Assert.Contains("client.update_user_password(user, password)", MlflowTeamUsers.Script, StringComparison.Ordinal);
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes("kubernetes/v1.35.api__v1_openapi.json", "io.k8s.api.core.v1.PodSpec"), job["spec"]!["template"]!["spec"]!));
    }

    [Fact]
    public void JobName_ChangesWithTheTeamsSoANewTeamGetsItsUser()
    {
        var one = new MlflowTeamUsers(["a"], null);
        var two = new MlflowTeamUsers(["a", "b"], null);

        Assert.NotEqual(one.JobName(), two.JobName());
        Assert.Equal(one.JobName(), new MlflowTeamUsers(["a"], "registry.example.com").JobName());
        Assert.Equal("registry.example.com/docker.io/burakince/mlflow:3.15.1", (string)new MlflowTeamUsers(["a"], "registry.example.com").Job(MlflowTeamUsers.PasswordsSecret)["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!);
        Assert.Null(MlflowTeamUsers.For(TestConfig.Load(("mlops:maturity", "level0")).ValidOptions()));
    }
}
