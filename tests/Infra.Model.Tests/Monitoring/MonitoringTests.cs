using System.Text.Json.Nodes;
using Infra.Model.Kubernetes;
using Infra.Model.Monitoring;
using Infra.Model.Planning;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Monitoring;

public sealed class MonitoringTests
{
    private const string Values = "prometheus/kube-prometheus-stack.values.yaml";

    private static string[] Errors(string monitoring) =>
        TestConfig.Errors(("mlops:platform", "\n    monitoring:\n      enabled: true" + monitoring));

    private static MonitoringSpec Spec(string monitoring = "", bool production = false) =>
        MonitoringSpec.For(TestConfig.Load(("mlops:production", production ? "true" : "false"), ("mlops:platform", "\n    monitoring:\n      enabled: true" + monitoring + (production ? TestConfig.Backup : string.Empty))).ValidOptions())!;

    [Fact]
    public void Monitoring_IsOnInProductionAndOffElsewhere_UnlessSet()
    {
        Assert.NotNull(MonitoringSpec.For(TestConfig.StackOptions("prod")));
        Assert.Null(MonitoringSpec.For(TestConfig.StackOptions("dev")));
        Assert.Null(MonitoringSpec.For(TestConfig.Load([.. TestConfig.Production, ("mlops:platform", TestConfig.Backup + "\n    monitoring:\n      enabled: false")]).ValidOptions()));
        Assert.Equal((1, "250m", "2Gi", "3d", 20, 1), Spec() is var dev ? (dev.Replicas, dev.Cpu, dev.Memory, dev.Retention, dev.StorageGi, dev.AlertmanagerReplicas) : default);
        Assert.Equal((2, "1", "8Gi", "15d", 100, 2), Spec(production: true) is var prod ? (prod.Replicas, prod.Cpu, prod.Memory, prod.Retention, prod.StorageGi, prod.AlertmanagerReplicas) : default);
    }

    [Fact]
    public void BadSettings_AreRefusedWithTheKeyTheValueAndTheFix()
    {
        Assert.Equal(
            [
                "mlops:platform.monitoring.retention '15 days' is not a retention: write a count of hours, days, weeks or years, such as '36h', '15d', '4w' or '1y'. Set it with 'pulumi config set --path mlops:platform.monitoring.retention 15d'.",
                "mlops:platform.monitoring.remoteWrite[0].url 'http://mimir.example.com/api/v1/push' is not an https:// URL: every sample and the store's credentials travel over it. Set it with 'pulumi config set --path mlops:platform.monitoring.remoteWrite[0].url https://<host>/api/v1/push'.",
                "mlops:platform.monitoring.remoteWrite[0].password is required with mlops:platform.monitoring.remoteWrite[0].username 'platform'. Set it with 'pulumi config set --secret --path mlops:platform.monitoring.remoteWrite[0].password <password>'.",
                "mlops:platform.monitoring.remoteWrite[2].url 'https://vm.example.com/api/v1/write/' is listed before: Prometheus would write every sample to it twice. Remove this entry with 'pulumi config rm --path mlops:platform.monitoring.remoteWrite[2]'.",
                "mlops:platform.monitoring.alerts.email.from is required: name the sender's e-mail address. Set it with 'pulumi config set --path mlops:platform.monitoring.alerts.email.from alertmanager@example.com'.",
                "mlops:platform.monitoring.alerts.email.smarthost 'smtp.example.com' is not valid: name the SMTP relay as host:port. Set it with 'pulumi config set --path mlops:platform.monitoring.alerts.email.smarthost smtp.example.com:587'.",
                "mlops:platform.monitoring.alerts.chat.url is required: the channel's incoming webhook. Set it with 'pulumi config set --secret --path mlops:platform.monitoring.alerts.chat.url https://<host>/hooks/<token>'.",
            ],
            Errors("\n      retention: 15 days\n      remoteWrite:\n        - url: http://mimir.example.com/api/v1/push\n          username: platform\n        - url: https://vm.example.com/api/v1/write\n        - url: https://vm.example.com/api/v1/write/"
                + "\n      alerts:\n        email:\n          to: ops@example.com\n          smarthost: smtp.example.com\n        chat:\n          channel: '#mlops'"));
    }

    [Theory]
    [InlineData("36h", true)]
    [InlineData("15d", true)]
    [InlineData("4w", true)]
    [InlineData("1y", true)]
    [InlineData("0d", false)]
    [InlineData("15m", false)]
    [InlineData("1.5d", false)]
    [InlineData("d", false)]
    public void Retention_IsAWholeCountOfHoursDaysWeeksOrYears(string value, bool valid)
    {
        Assert.Equal(valid, MonitoringValidator.IsRetention(value));
    }

    [Fact]
    public void Receivers_ReadTheirCredentialsFromFilesOfTheSecret_NeverFromTheConfiguration()
    {
        var spec = Spec("\n      alerts:\n        email:\n          to: ops@example.com, oncall@example.com\n          from: alertmanager@example.com\n          smarthost: smtp.example.com:587\n          username: alerts\n          password:\n            secure: v1:p"
            + "\n        webhook:\n          url:\n            secure: v1:w\n        chat:\n          url:\n            secure: v1:c\n          channel: '#mlops'");
        var config = spec.Receivers.Config();
        var platform = (JsonObject)config["receivers"]![1]!;

        Assert.Equal("platform", (string)config["route"]!["receiver"]!);
        Assert.Equal("/etc/alertmanager/secrets/alertmanager-receivers/smtp-password", (string)platform["email_configs"]![0]!["auth_password_file"]!);
        Assert.Equal("/etc/alertmanager/secrets/alertmanager-receivers/webhook-url", (string)platform["webhook_configs"]![0]!["url_file"]!);
        Assert.Equal("/etc/alertmanager/secrets/alertmanager-receivers/chat-url", (string)platform["slack_configs"]![0]!["api_url_file"]!);
        Assert.Equal("#mlops", (string)platform["slack_configs"]![0]!["channel"]!);
        Assert.Equal(
            ["mlops:platform.monitoring.alerts.email.password", "mlops:platform.monitoring.alerts.webhook.url", "mlops:platform.monitoring.alerts.chat.url"],
            spec.Receivers.Secrets().Select(s => s.Value.FullKey));
        Assert.Equal(["alertmanager-receivers"], spec.Values()["alertmanager"]!["alertmanagerSpec"]!["secrets"]!.AsArray().Select(s => (string)s!));

        // With no receiver, alerts go nowhere but still show in Alertmanager and Grafana.
        var none = Spec().Receivers.Config();
        Assert.Equal("null", (string)none["route"]!["receiver"]!);
        Assert.Equal(["null"], none["receivers"]!.AsArray().Select(r => (string)r!["name"]!));
    }

    [Fact]
    public void RemoteWrite_TakesItsUserAndPasswordFromTheSecret()
    {
        var spec = Spec("\n      remoteWrite:\n        - url: https://mimir.example.com/api/v1/push\n          username: platform\n          password:\n            secure: v1:m\n        - url: https://vm.example.com/api/v1/write");
        var stores = spec.Values()["prometheus"]!["prometheusSpec"]!["remoteWrite"]!.AsArray();

        Assert.Equal(
            """[{"url":"https://mimir.example.com/api/v1/push","basicAuth":{"username":{"name":"prometheus-remote-write","key":"username-0"},"password":{"name":"prometheus-remote-write","key":"password-0"}}},{"url":"https://vm.example.com/api/v1/write"}]""",
            stores.ToJsonString());
    }

    [Fact]
    public void Grafana_SignsInThroughDex_AsAClientDexKnows()
    {
        var plan = TestConfig.StackPlan("prod");
        var dex = (string)((PlanValue.Literal)((PlanValue.MapValue)plan.Nodes.Single(n => n.Name == "dex" && n.Type == KubernetesTokens.ConfigMap).Inputs["data"]).Entries["config.yaml"]).Value;
        var spec = MonitoringSpec.For(TestConfig.StackOptions("prod"))!;
        var oauth = spec.Values()["grafana"]!["grafana.ini"]!["auth.generic_oauth"]!;

        Assert.Contains("- id: grafana\n  redirectURIs:\n  - https://grafana.mlops.example.com/login/generic_oauth\n  name: Grafana\n  secretEnv: GRAFANA_CLIENT_SECRET\n", dex, StringComparison.Ordinal);
        Assert.Equal(("grafana", "https://kubeflow.mlops.example.com/dex/auth", "http://dex.auth.svc.cluster.local:5556/dex/token"), ((string)oauth["client_id"]!, (string)oauth["auth_url"]!, (string)oauth["token_url"]!));
        Assert.Equal("contains(['admin@mlops.example.com'], email) && 'Admin' || 'Viewer'", (string)oauth["role_attribute_path"]!);
        var client = (PlanValue.MapValue)plan.Nodes.Single(n => n.Name == "dex-oidc-client").Inputs["stringData"];
        Assert.Equal(PlanValue.Generated(PlanNode.IdOf(KubernetesTokens.RandomPassword, "grafana-oidc-client")), client.Entries["GRAFANA_CLIENT_SECRET"]);
        var grafana = (PlanValue.MapValue)plan.Nodes.Single(n => n.Name == MonitoringSpec.GrafanaSignInSecret).Inputs["stringData"];
        Assert.Equal(client.Entries["GRAFANA_CLIENT_SECRET"], grafana.Entries["client-secret"]);

        // Without the ingress a browser reaches neither Dex nor Grafana: only the admin signs in.
        Assert.Null(Spec().SignIn);
    }

    [Fact]
    public void EveryImage_GoesThroughTheMirror_KeepingItsRegistryInThePath()
    {
        var values = MonitoringSpec.For(TestConfig.StackOptions("prod"))!.Values();

        Assert.All(MonitoringVersions.ChartImages, image =>
        {
            var at = image.ValuesPath.Split('.').Aggregate((JsonNode)values, (node, part) => node[part]!);
            Assert.Equal(("harbor.prod.example.com/mirror", $"{image.Registry}/{image.Repository}"), ((string)at["registry"]!, (string)at["repository"]!));
        });
    }

    [UpstreamFact]
    public void Values_AreKeysTheChartReads_ExceptTheSubchartsOwn()
    {
        var values = MonitoringSpec.For(TestConfig.StackOptions("prod"))!.Values();

        // The Grafana (12.11.1) and kube-state-metrics (8.4.0) subcharts' own keys, which the parent's values.yaml does
        // not repeat: each read by the subchart's templates at that version.
        Assert.Equal(
            [
                "grafana.envValueFrom", "grafana.grafana.ini", "grafana.image", "grafana.ingress.ingressClassName", "grafana.resources", "grafana.sidecar.image",
                "kube-state-metrics.image", "kube-state-metrics.metricLabelsAllowlist", "prometheus-node-exporter.image.registry", "prometheus-node-exporter.image.repository",
            ],
            UpstreamSchemas.UnknownValues(Values, values).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ScrapeTargets_AreTheRunningServicesOwn_AndTheirMonitorsSelectAcrossNamespaces()
    {
        var options = TestConfig.StackOptions("prod");
        var targets = Infra.Model.Stacks.Technologies.All.SelectMany(t => t.ScrapeTargets(options)).ToArray();

        Assert.Equal(
            [
                "minio", "postgres", "redis", "feast-online", "gitlab-webservice", "gitlab-gitaly", "gitlab-exporter", "gitlab-sidekiq", "spark-operator",
                "istiod", "cert-manager", "kubeflow-pipelines", "knative-activator", "knative-autoscaler", "model-endpoints", "velero",
            ],
            targets.Select(t => t.Name));
        Assert.Equal(
            """{"namespaceSelector":{"any":true},"selector":{"matchLabels":{},"matchExpressions":[{"key":"serving.knative.dev/revision","operator":"Exists"}]},"podMetricsEndpoints":[{"port":"http-usermetric","path":"/metrics","interval":"30s","relabelings":[{"action":"replace","targetLabel":"job","replacement":"model-endpoints"}]}]}""",
            targets.Single(t => t.Name == "model-endpoints").Manifest(MonitoringSpec.Namespace)["spec"]!.ToJsonString());
        var postgres = targets.Single(t => t.Name == "postgres").Manifest(MonitoringSpec.Namespace);
        Assert.Equal(
            """{"apiVersion":"monitoring.coreos.com/v1","kind":"PodMonitor","metadata":{"name":"postgres","namespace":"monitoring"},"spec":{"namespaceSelector":{"matchNames":["postgres"]},"selector":{"matchLabels":{"cnpg.io/cluster":"mlops-postgres","cnpg.io/podRole":"instance"}},"podMetricsEndpoints":[{"port":"metrics","path":"/metrics","interval":"30s","relabelings":[{"action":"replace","targetLabel":"job","replacement":"postgres"}]}]}}""",
            postgres.ToJsonString());

        // The charts expose what the monitors scrape only while monitoring runs.
        var dev = TestConfig.StackOptions("dev");
        Assert.False(Infra.Model.Redis.RedisSpec.For(dev)!.Metrics);
        Assert.True(Infra.Model.Redis.RedisSpec.For(options)!.Metrics);
        Assert.Equal("""[{"name":"MINIO_PROMETHEUS_AUTH_TYPE","value":"public"}]""", Infra.Model.Minio.MinioSpec.For(options)!.TenantValues()["tenant"]!["env"]!.ToJsonString());
        Assert.Null(Infra.Model.Minio.MinioSpec.For(dev)!.TenantValues()["tenant"]!["env"]);
    }

    [Fact]
    public void Rules_AreOneGroupATechnology_WithRunbookTextOnEveryAlert()
    {
        var plan = TestConfig.StackPlan("prod");
        var rules = plan.Nodes.Single(n => n.Name == MonitoringPlanner.RulesName);
        var groups = ((PlanValue.ListValue)((PlanValue.MapValue)rules.Inputs["spec"]).Entries["groups"]).Items.Cast<PlanValue.MapValue>().ToArray();

        Assert.Equal(["gpu", "minio", "postgres", "redis", "feast", "gitlab", "spark", "kubeflow", "velero", "monitoring"], groups.Select(g => g.Entries["name"].ToString()));
        var alerts = groups.SelectMany(g => ((PlanValue.ListValue)g.Entries["rules"]).Items.Cast<PlanValue.MapValue>()).ToArray();
        Assert.Equal(
            [
                "GpuXidError", "GpuMemoryNearlyFull", "GpuExporterDown", "MinioDrivesOffline", "MinioNodesOffline", "MinioSpaceLow", "MinioMirrorTooOld",
                "PostgresInstanceDown", "PostgresReplicationLagHigh", "PostgresWalArchivingStuck", "PostgresBackupFailed", "PostgresBackupTooOld",
                "RedisDown", "RedisMemoryNearlyFull", "FeastOnlineServerDown", "FeastOnlineErrors",
                "GitlabWebserviceDown", "GitlabGitalyDown", "GitlabSidekiqJobsFailing", "GitlabBackupTooOld",
                "SparkApplicationsFailing", "SparkSubmissionsFailing",
                "CertificateExpiresSoon", "CertificateExpiresVerySoon", "CertificateNotReady", "PipelineRunsFailing", "ModelEndpointErrors", "ModelEndpointSlow", "VolumeBackupFailed", "VolumeBackupTooOld", "VolumeBackupLocationUnavailable",
                "HelmReleaseFailed", "HelmReleaseStuck",
            ],
            alerts.Select(a => a.Entries["alert"].ToString()));
        Assert.All(alerts, a => Assert.True(((PlanValue.MapValue)a.Entries["annotations"]).Entries["runbook"].ToString()!.Length > 40, $"{a.Entries["alert"]} has no runbook"));
        // The monitors and rules are the operator's CRDs' objects: each waits for the release that installs them.
        var release = PlanNode.IdOf(KubernetesTokens.HelmRelease, MonitoringSpec.Release);
        var monitors = plan.Nodes.Where(n => n.Type.Contains("monitoring.coreos.com", StringComparison.Ordinal)).ToArray();
        Assert.Equal(17, monitors.Length);
        Assert.All(monitors, n => Assert.Equal([release], n.DependsOn.ToArray()));
    }

    [Fact]
    public void CronJobBackups_AlertFromTheirLastSuccess_OrTheirCreationWhenNeverRun()
    {
        var rule = CronJobRules.NotRunFor("X", "minio", "minio-backup-mirror", 26, "what", "runbook");

        Assert.Equal(
            "time() - max(kube_cronjob_status_last_successful_time{namespace=\"minio\", cronjob=\"minio-backup-mirror\"} or kube_cronjob_created{namespace=\"minio\", cronjob=\"minio-backup-mirror\"}) > 26 * 3600",
            rule.Expression);
    }
}
