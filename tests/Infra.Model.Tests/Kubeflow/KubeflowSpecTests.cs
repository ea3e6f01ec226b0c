using CsCheck;
using Infra.Model.Kubeflow;
using Infra.Model.Planning;
using Infra.Model.Stacks;
using Infra.Model.Tests.Upstream;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Tests.Kubeflow;

public sealed class KubeflowSpecTests
{
    private static string Unit(string name) => KubeflowPlanner.UnitId(name);

    [Fact]
    public void Catalog_EveryNeedIsAUnitOfTheRelease()
    {
        var units = KubeflowCatalog.For(KubeflowCatalog.Applications);
        var names = units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(units, u => Assert.All(u.Needs, n => Assert.Contains(n, names)));
        Assert.All(units.Where(u => !u.Directory.StartsWith("kubeflow/", StringComparison.Ordinal)),
            u => Assert.Matches("^https://github\\.com/kubeflow/manifests//[a-z0-9/-]+\\?ref=v1\\.10\\.2$", u.Directory));
        Assert.Equal("https://github.com/kubeflow/manifests//common/cert-manager/base?ref=v1.10.2", units[0].Directory);

        // The overlays' remote bases take the same form and the same tag.
        foreach (var overlay in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "kubeflow"), "kustomization.yaml", SearchOption.AllDirectories))
        {
            Assert.Matches("\\n- https://github\\.com/kubeflow/manifests//[a-z0-9/-]+\\?ref=v1\\.10\\.2\\n", File.ReadAllText(overlay));
        }
        Assert.Equal(names.Count, units.Length);
    }

    [Fact]
    public void Applications_FollowTheLevelUnlessConfigChooses()
    {
        Assert.Equal(["dashboard", "profiles", "notebooks"], KubeflowSpec.ApplicationsFor(TestConfig.Load(("mlops:maturity", "level0")).ValidOptions()).ToArray());
        Assert.Equal(["dashboard", "profiles", "notebooks", "training", "kserve", "pipelines", "katib"], KubeflowSpec.For(TestConfig.StackOptions("dev"))!.Applications.ToArray());
        Assert.Equal(["dashboard", "profiles", "notebooks", "training", "kserve", "pipelines", "katib"], KubeflowSpec.For(TestConfig.StackOptions("prod"))!.Applications.ToArray());
        Assert.Equal(["profiles", "notebooks"], KubeflowSpec.ApplicationsFor(TestConfig.Load(("mlops:maturity", "level0"), ("mlops:platform", "\n    kubeflow:\n      components: [notebooks, profiles]")).ValidOptions()).ToArray());
    }

    [Fact]
    public void Plan_OrdersEachUnitAfterWhatItNeedsAndNothingElse()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));
        string[] Needs(string unit) => [.. plan[Unit(unit)].DependsOn.Order(StringComparer.Ordinal)];

        Assert.Empty(Needs("cert-manager"));
        Assert.Empty(Needs("istio-crds"));
        Assert.Equal([Unit("cert-manager")], Needs("cert-manager-issuer"));
        Assert.Equal([Unit("istio-crds"), Unit("istio-namespace")], Needs("istio"));
        Assert.Equal(["kubernetes:core/v1:ConfigMap::dex", "kubernetes:core/v1:Secret::dex-oidc-client", "kubernetes:core/v1:Secret::dex-passwords", Unit("istio")], Needs("dex"));
        Assert.Equal(["kubernetes:core/v1:ConfigMap::oauth2-proxy-settings", "kubernetes:core/v1:Secret::oauth2-proxy", Unit("istio")], Needs("oauth2-proxy"));
        Assert.Equal([Unit("cert-manager-issuer"), Unit("cluster-local-gateway"), Unit("knative-serving")], Needs("kserve"));
        Assert.Equal([Unit("cert-manager-issuer"), Unit("kubeflow-namespace")], Needs("admission-webhook"));
        Assert.Equal([Unit("kubeflow-istio-resources"), Unit("kubeflow-roles")], Needs("centraldashboard"));

        // Least serialisation: the roots deploy together, cert-manager beside Istio's CRDs.
        var waves = plan.Waves;
        Assert.Equal(waves[Unit("cert-manager")], waves[Unit("istio-crds")]);
        Assert.True(waves[Unit("kserve")] > waves[Unit("knative-serving")]);
        Assert.True(waves[Unit("centraldashboard")] > waves[Unit("istio")]);
    }

    [UpstreamTheory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Profiles_MatchTheCrdWithTheTeamsOwnerAndQuotaIncludingGpus(string stack)
    {
        var profiles = KubeflowSpec.For(TestConfig.StackOptions(stack))!.Profiles;

        Assert.NotEmpty(profiles);
        Assert.All(profiles, p => Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Crd("kubeflow/kubeflow.org_profiles.yaml", "v1"), Rendering.Rendered.Yaml(stack, $"kubeflow/cluster/profile-{p.Name}.yaml"))));
        Assert.Equal(
            """{"apiVersion":"kubeflow.org/v1","kind":"Profile","metadata":{"name":"fraud-detection"},"spec":{"owner":{"kind":"User","name":"fraud-lead@example.com"},"resourceQuotaSpec":{"hard":{"requests.cpu":"64","requests.memory":"512Gi","requests.nvidia.com/gpu":"5"}}}}""",
            KubeflowSpec.For(TestConfig.StackOptions("prod"))!.Profiles[0].Manifest().ToJsonString());
    }

    [Fact]
    public void SignIn_HasOnlyGeneratedUsersAndSecrets()
    {
        // prod without its corporate sign-in, where the team owners get generated passwords too.
        var prod = TestConfig.StackOptions("prod");
        var options = prod with { Platform = prod.Platform! with { Kubeflow = prod.Platform.Kubeflow! with { OidcSignIn = null } } };
        var spec = KubeflowSpec.For(options)!;
        var json = PlanJson.Write(StackPlanner.Plan("prod", options));

        Assert.Equal(["admin@mlops.example.com", "fraud-lead@example.com", "reco-lead@example.com"], spec.Users.ToArray());
        Assert.Contains($"- email: fraud-lead@example.com\n  hashFromEnv: DEX_USER_1_HASH\n  username: fraud-lead\n  userID: {KubeflowSpec.UserId("fraud-lead@example.com")}\n", spec.DexConfig(), StringComparison.Ordinal);
        foreach (var upstreamDefault in new[] { "user@example.com", "12341234", "pUBnBOY80SnXgjibTYM9ZWNzY2xreNGQok", "7d16fee92f8d11b8940b081b3f8b8acb", "$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72" })
        {
            Assert.DoesNotContain(upstreamDefault, json, StringComparison.Ordinal);
        }

        var plan = StackPlanner.Plan("prod", options);
        Assert.Equal(
            "{DEX_USER_0_HASH: <random:index/randomPassword:RandomPassword::kubeflow-admin-at-mlops-example-com-password.bcryptHash>, DEX_USER_1_HASH: <random:index/randomPassword:RandomPassword::kubeflow-fraud-lead-at-example-com-password.bcryptHash>, DEX_USER_2_HASH: <random:index/randomPassword:RandomPassword::kubeflow-reco-lead-at-example-com-password.bcryptHash>}",
            plan[PlanNode.IdOf("kubernetes:core/v1:Secret", "dex-passwords")].Inputs["stringData"].ToString());
    }

    private const string GitlabSignInConfig = "\n    ingress:\n      domain: mlops.example.com\n      clusterIssuer: letsencrypt\n    kubeflow:\n      gitlabSignIn:\n        clientId: 4f1c0a\n        clientSecret:\n          secure: v1:g";

    [Fact]
    public void SignIn_ThroughGitlab_AddsDexsGitlabConnectorAndKeepsAGeneratedPasswordForTheAdminOnly()
    {
        var options = TestConfig.Load([("mlops:maturity", "level2"), .. TestConfig.GitlabReady.Where(o => o.Key != "mlops:platform"), ("mlops:platform", GitlabSignInConfig)]).ValidOptions();
        var spec = KubeflowSpec.For(options)!;
        var plan = StackPlanner.Plan("test", options);

        Assert.Equal(["admin@mlops.example.com"], spec.Users.ToArray());
        Assert.EndsWith(
            """
              secretEnv: OIDC_CLIENT_SECRET
            connectors:
            - type: gitlab
              id: gitlab
              name: GitLab
              config:
                baseURL: https://gitlab.mlops.example.com
                clientID: 4f1c0a
                clientSecret: $GITLAB_CLIENT_SECRET
                redirectURI: https://kubeflow.mlops.example.com/dex/callback

            """.ReplaceLineEndings("\n"),
            spec.DexConfig(),
            StringComparison.Ordinal);
        Assert.Equal(
            "{GITLAB_CLIENT_SECRET: [secret mlops:platform.kubeflow.gitlabSignIn.clientSecret], OIDC_CLIENT_ID: kubeflow-oidc-authservice, OIDC_CLIENT_SECRET: [secret random:index/randomPassword:RandomPassword::kubeflow-oidc-client-secret]}",
            plan[PlanNode.IdOf("kubernetes:core/v1:Secret", KubeflowSpec.OidcClientSecret)].Inputs["stringData"].ToString());
        Assert.DoesNotContain("type: gitlab", KubeflowSpec.For(TestConfig.StackOptions("prod"))!.DexConfig(), StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Nodes, n => n.Name == GitlabSignIn.CaConfigMap);
    }

    [Fact]
    public void SignIn_ThroughGitlab_TrustsAPrivateCaOfGitlabsCertificate()
    {
        const string Pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2E=\n-----END CERTIFICATE-----";
        var options = TestConfig.Load([("mlops:maturity", "level2"), .. TestConfig.GitlabReady.Where(o => o.Key != "mlops:platform"), ("mlops:platform", GitlabSignInConfig + "\n        caCertificate: |\n          " + Pem.Replace("\n", "\n          ", StringComparison.Ordinal))]).ValidOptions();
        var plan = StackPlanner.Plan("test", options);
        var overlay = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "dex", "kustomization.yaml"));

        Assert.Equal("{ca.crt: " + Pem + "\n}", plan[PlanNode.IdOf("kubernetes:core/v1:ConfigMap", GitlabSignIn.CaConfigMap)].Inputs["data"].ToString());
        Assert.Contains("kubernetes:core/v1:ConfigMap::dex-gitlab-ca", plan[Unit("dex")].DependsOn);
        Assert.Contains("            - name: SSL_CERT_FILE\n              value: /etc/dex/gitlab-ca/ca.crt\n", overlay, StringComparison.Ordinal);
        Assert.Contains($"            configMap:\n              name: {GitlabSignIn.CaConfigMap}\n              optional: true\n", overlay, StringComparison.Ordinal);
        Assert.Contains(
            "mlops:platform.kubeflow.gitlabSignIn.caCertificate is not a PEM certificate: paste the CA's certificate from '-----BEGIN CERTIFICATE-----' to '-----END CERTIFICATE-----'. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.caCertificate -- \"$(cat ca.crt)\"'.",
            TestConfig.Errors([("mlops:maturity", "level2"), .. TestConfig.GitlabReady.Where(o => o.Key != "mlops:platform"), ("mlops:platform", GitlabSignInConfig + "\n        caCertificate: not-a-certificate")]));
    }

    [Fact]
    public void SignIn_ThroughGitlab_NamesWhatIsMissing()
    {
        var errors = TestConfig.Errors(("mlops:platform", "\n    gitlab:\n      enabled: false\n    kubeflow:\n      gitlabSignIn:\n        clientSecret:\n          secure: v1:g"));
        var noSecret = TestConfig.Errors(("mlops:platform", "\n    ingress:\n      domain: mlops.example.com\n    kubeflow:\n      gitlabSignIn:\n        clientId: 4f1c0a\n        url: https://gitlab.example.com"));
        var badUrl = TestConfig.Errors(("mlops:platform", GitlabSignInConfig + "\n        url: gitlab.example.com"));

        Assert.Equal(
            [
                "mlops:platform.kubeflow.gitlabSignIn.clientId is required: the ID of the OAuth application Kubeflow signs in through (GitLab's Admin area, Applications). Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.clientId <application id>'.",
                "mlops:platform.ingress.domain is required with mlops:platform.kubeflow.gitlabSignIn: GitLab sends people back to Dex at <scheme>://kubeflow.<domain>/dex/callback. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.",
                "mlops:platform.kubeflow.gitlabSignIn.url is required when the platform's GitLab is off: Dex signs in through the GitLab at that URL. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.url https://<gitlab host>', or enable GitLab with 'pulumi config set --path mlops:platform.gitlab.enabled true'.",
            ],
            errors);
        Assert.Equal(
            ["mlops:platform.kubeflow.gitlabSignIn.clientSecret is required: the secret of the OAuth application Kubeflow signs in through. Set it with 'pulumi config set --secret --path mlops:platform.kubeflow.gitlabSignIn.clientSecret <secret>'."],
            noSecret);
        Assert.Contains(
            "mlops:platform.kubeflow.gitlabSignIn.url 'gitlab.example.com' is not a GitLab URL: write an http:// or https:// URL, such as 'https://gitlab.example.com'. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.url <url>'.",
            badUrl);
    }

    [Fact]
    public void Overlays_RemoveEveryExampleCredentialOfThePinnedRelease()
    {
        var dex = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "dex", "kustomization.yaml"));
        var proxy = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "oauth2-proxy", "kustomization.yaml"));

        Assert.Contains($"- https://github.com/kubeflow/manifests//common/dex/overlays/oauth2-proxy?ref={KubeflowVersions.Release}\n", dex, StringComparison.Ordinal);
        Assert.Contains($"- https://github.com/kubeflow/manifests//common/oauth2-proxy/overlays/m2m-dex-only?ref={KubeflowVersions.Release}\n", proxy, StringComparison.Ordinal);
        foreach (var deleted in new[] { "kind: Secret\n    metadata:\n      name: dex-passwords", "kind: Secret\n    metadata:\n      name: dex-oidc-client", "kind: ConfigMap\n    metadata:\n      name: dex", "kind: Namespace\n    metadata:\n      name: auth" })
        {
            Assert.Contains("$patch: delete\n    apiVersion: v1\n    " + deleted, dex, StringComparison.Ordinal);
        }

        Assert.Contains("$patch: delete\n    apiVersion: v1\n    kind: Secret\n    metadata:\n      name: oauth2-proxy", proxy, StringComparison.Ordinal);
    }

    [Fact]
    public void SignIn_CookiesAreSecureWhereTheDashboardIsServedOverHttps_AndNoIssuerGoesUnverified()
    {
        string CookieSecure(string stack) => StackPlanner.Plan(stack, TestConfig.StackOptions(stack))[PlanNode.IdOf(Infra.Model.Kubernetes.KubernetesTokens.ConfigMap, KubeflowSpec.ProxySettingsConfigMap)].Inputs["data"].ToString()!;

        // Production serves the dashboard over HTTPS (its ingress names a cluster issuer); development over plain HTTP.
        Assert.Equal(("{cookieSecure: true}", "https://kubeflow.mlops.example.com"), (CookieSecure("prod"), KubeflowSpec.For(TestConfig.StackOptions("prod"))!.DashboardUrl));
        Assert.Equal(("{cookieSecure: false}", "http://kubeflow.mlops-dev.example.com"), (CookieSecure("dev"), KubeflowSpec.For(TestConfig.StackOptions("dev"))!.DashboardUrl));

        // The overlay's Deployment reads the flag from that ConfigMap (the release reads FORCE_HTTPS, false), and the
        // release's permission to skip verifying the issuer's certificate is taken back.
        var overlay = new YamlStream();
        overlay.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "oauth2-proxy", "kustomization.yaml"))));
        var root = (YamlMappingNode)overlay.Documents[0].RootNode;
        var deployment = ((YamlSequenceNode)root["patches"]).Select(p => { var stream = new YamlStream(); stream.Load(new StringReader(((YamlScalarNode)((YamlMappingNode)p)["patch"]).Value!)); return (YamlMappingNode)stream.Documents[0].RootNode; })
            .Single(p => p["kind"].ToString() == "Deployment");
        var env = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deployment["spec"])["template"])["spec"])["containers"])[0])["env"])[0];
        Assert.Equal("{ { name, OAUTH2_PROXY_COOKIE_SECURE }, { valueFrom, { { configMapKeyRef, { { name, oauth2-proxy-settings }, { key, cookieSecure } } } } } }", env.ToString());
        Assert.Equal("[ { { name, oauth2-proxy-parameters }, { namespace, oauth2-proxy }, { behavior, merge }, { literals, [ ALLOW_SELF_SIGNED_ISSUER=false ] } } ]", root["configMapGenerator"].ToString());
    }

    [Fact]
    public void Katib_RunsOnTheSharedPostgresqlWithoutItsBundledMysql()
    {
        var plan = StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));
        var overlay = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "katib", "kustomization.yaml"));

        Assert.Equal(
            ["kubernetes:core/v1:Secret::katib-database", Unit("cert-manager-issuer"), Unit("kubeflow-istio-resources"), "kubernetes:postgresql.cnpg.io/v1:Database::katib"],
            plan[Unit("katib")].DependsOn.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(
            "{password: [secret random:index/randomPassword:RandomPassword::katib-postgres-password], username: katib}",
            plan[PlanNode.IdOf("kubernetes:core/v1:Secret", KubeflowSpec.KatibDatabaseSecret)].Inputs["stringData"].ToString());
        Assert.Contains($"- https://github.com/kubeflow/manifests//applications/katib/upstream/installs/katib-with-kubeflow?ref={KubeflowVersions.Release}\n", overlay, StringComparison.Ordinal);
        Assert.Contains($"      - name: KATIB_POSTGRESQL_DB_HOST\n        value: {Infra.Model.Postgres.PostgresSpec.Host}\n", overlay, StringComparison.Ordinal);
        Assert.Contains($"            name: {KubeflowSpec.KatibDatabaseSecret}\n            key: password\n", overlay, StringComparison.Ordinal);
        foreach (var deleted in new[] { "kind: Deployment\n    metadata:\n      name: katib-mysql", "kind: Service\n    metadata:\n      name: katib-mysql", "kind: PersistentVolumeClaim\n    metadata:\n      name: katib-mysql", "kind: Secret\n    metadata:\n      name: katib-mysql-secrets" })
        {
            Assert.Contains(deleted, overlay, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Pipelines_RunOnTheSharedPostgresqlAndTheObjectStoreOnceTheirDatabasesKeysAndAddressesExist()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));
        var policyJob = PlanNode.IdOf("kubernetes:batch/v1:Job", Infra.Model.Minio.MinioSpec.For(TestConfig.StackOptions("prod"))!.PolicyJobName());
        string Data(string kind, string name) => plan[PlanNode.IdOf($"kubernetes:core/v1:{kind}", name)].Inputs[kind == "Secret" ? "stringData" : "data"].ToString();

        Assert.Equal(
            [
                "kubernetes:core/v1:ConfigMap::kubeflow-pipelines-stores", "kubernetes:core/v1:Secret::kubeflow-pipelines-database", "kubernetes:core/v1:Secret::ml-metadata-database",
                "kubernetes:core/v1:Secret::mlpipeline-minio-artifact", Unit("cert-manager-issuer"), Unit("kubeflow-istio-resources"), Unit("kubeflow-roles"),
                "kubernetes:postgresql.cnpg.io/v1:Database::metadb", "kubernetes:postgresql.cnpg.io/v1:Database::mlpipeline",
            ],
            plan[Unit("pipelines")].DependsOn.Where(d => d != policyJob).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(policyJob, plan[Unit("pipelines")].DependsOn);
        Assert.Equal("{password: [secret random:index/randomPassword:RandomPassword::kubeflow-pipelines-postgres-password], username: kubeflow_pipelines}", Data("Secret", PipelinesStores.ApiDatabaseSecret));
        Assert.Equal("{password: [secret random:index/randomPassword:RandomPassword::ml-metadata-postgres-password], username: ml_metadata}", Data("Secret", PipelinesStores.MetadataDatabaseSecret));
        Assert.Equal("{accesskey: kubeflow-pipelines, secretkey: [secret random:index/randomPassword:RandomPassword::kubeflow-pipelines-minio-password]}", Data("Secret", PipelinesStores.StoreSecret));
        Assert.Equal(
            "{bucketName: mlops-prod-kubeflow-pipelines, metadataDb: metadb, objectStoreHost: minio.minio.svc.cluster.local, objectStorePort: , objectStorePortNumber: 80, objectStoreRegion: us-east-1, objectStoreSecure: false, pipelineDb: mlpipeline, postgresHost: mlops-postgres-rw.postgres.svc.cluster.local, postgresPort: 5432}",
            Data("ConfigMap", PipelinesStores.StoresConfigMap));

        // Two roles: only the API server's may create databases, because it issues CREATE DATABASE at every start.
        var roles = Infra.Model.Postgres.PostgresSpec.For(TestConfig.StackOptions("prod"))!.Cluster()["spec"]!["managed"]!["roles"]!.AsArray();
        Assert.Equal(
            """[{"name":"kubeflow_pipelines","ensure":"present","login":true,"passwordSecret":{"name":"kubeflow-pipelines-postgres"},"createdb":true},{"name":"ml_metadata","ensure":"present","login":true,"passwordSecret":{"name":"ml-metadata-postgres"}}]""",
            new System.Text.Json.Nodes.JsonArray([.. roles.Where(r => (string)r!["name"]! is "kubeflow_pipelines" or "ml_metadata").Select(r => r!.DeepClone())]).ToJsonString());
        Assert.Contains(Infra.Model.ObjectStore.ObjectStoreSpec.For(TestConfig.StackOptions("prod")).Identities, i => i.Name == "kubeflow-pipelines" && i.Buckets.SequenceEqual(["mlops-prod-kubeflow-pipelines"]));
    }

    [Fact]
    public void Pipelines_OverlayRemovesTheBundledStoresAndReadsOnlyWhatThePlanCreates()
    {
        var stores = KubeflowSpec.For(TestConfig.StackOptions("prod"))!.PipelinesStores!;
        var overlay = new YamlStream();
        overlay.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "pipelines", "kustomization.yaml"))));
        var patches = ((YamlSequenceNode)((YamlMappingNode)overlay.Documents[0].RootNode)["patches"])
            .Select(p => (YamlScalarNode)((YamlMappingNode)p)["patch"])
            .Select(p => { var stream = new YamlStream(); stream.Load(new StringReader(p.Value!)); return stream.Documents[0].RootNode; })
            .ToArray();
        var deleted = patches.OfType<YamlMappingNode>()
            .Where(p => p.Children.ContainsKey("$patch"))
            .Select(p => $"{p["kind"]}/{((YamlMappingNode)p["metadata"])["name"]}")
            .Order(StringComparer.Ordinal)
            .ToArray();
        var references = patches.SelectMany(p => p.AllNodes).OfType<YamlMappingNode>()
            .SelectMany(m => m.Children.Where(c => c.Key.ToString() is "secretKeyRef" or "configMapKeyRef"))
            .Select(c => $"{(c.Key.ToString() == "secretKeyRef" ? "Secret" : "ConfigMap")}/{((YamlMappingNode)c.Value)["name"]}/{((YamlMappingNode)c.Value)["key"]}")
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(
            [
                "AuthorizationPolicy/minio-service", "AuthorizationPolicy/mysql", "AuthorizationPolicy/service-cache-server", "Certificate/kfp-cache-cert",
                "Deployment/cache-server", "Deployment/minio", "Deployment/mysql", "DestinationRule/ml-pipeline-minio", "DestinationRule/ml-pipeline-mysql",
                "Issuer/kfp-cache-selfsigned-issuer", "MutatingWebhookConfiguration/cache-webhook-kubeflow", "PersistentVolumeClaim/minio-pvc", "PersistentVolumeClaim/mysql-pv-claim",
                "Secret/mlpipeline-minio-artifact", "Secret/mysql-secret", "Service/cache-server", "Service/minio-service", "Service/mysql", "ServiceAccount/mysql",
            ],
            deleted);

        // Every value the patched API server and ML Metadata read is one the plan creates, or the release's own settings.
        string[] created =
        [
            .. stores.Settings().Select(s => $"ConfigMap/{PipelinesStores.StoresConfigMap}/{s.Key}"),
            .. stores.StoreKeys().Select(k => $"Secret/{PipelinesStores.StoreSecret}/{k.Key}"),
            .. new[] { PipelinesStores.ApiDatabaseSecret, PipelinesStores.MetadataDatabaseSecret }.SelectMany(n => new[] { $"Secret/{n}/username", $"Secret/{n}/password" }),
            "ConfigMap/pipeline-install-config/ConMaxLifeTime", "ConfigMap/pipeline-install-config/autoUpdatePipelineDefaultVersion",
        ];
        Assert.Equal([.. created.Order(StringComparer.Ordinal)], references.Order(StringComparer.Ordinal).ToArray());
        Assert.Contains($"- https://github.com/kubeflow/manifests//applications/pipeline/upstream/env/cert-manager/platform-agnostic-multi-user?ref={KubeflowVersions.Release}\n", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "pipelines", "kustomization.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_RunsTwiceWhatTheReleaseLetsRunTwice_AndDevelopmentOnce()
    {
        var prod = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));
        var dev = StackPlanner.Plan("dev", TestConfig.StackOptions("dev"));
        PlanTransform.Replicas? Of(Plan plan, string unit) => plan[Unit(unit)].Transforms.OfType<PlanTransform.Replicas>().SingleOrDefault();

        Assert.Equal(
            new PlanTransform.Replicas(2, ["ml-pipeline-ui", "ml-pipeline-visualizationserver", "metadata-envoy-deployment", "kubeflow-pipelines-profile-controller", "workflow-controller"], []),
            Of(prod, "pipelines"));
        Assert.Equal(new PlanTransform.Replicas(2, ["autoscaler", "controller", "net-istio-controller", "net-istio-webhook"], ["activator", "webhook"]), Of(prod, "knative-serving"));
        Assert.Equal(new PlanTransform.Replicas(2, [], ["istio-ingressgateway", "istiod"]), Of(prod, "istio"));
        // Units whose every workload must stay single have no rule; development runs everything once.
        Assert.Equal(["notebook-controller", "profiles", "tensorboard-controller", "training-operator"],
            prod.Nodes.Where(n => n.Type == Infra.Model.Kubernetes.KubernetesTokens.KustomizeDirectory && n.Transforms.OfType<PlanTransform.Replicas>().SingleOrDefault() is null
                && !n.Name.StartsWith("istio-", StringComparison.Ordinal) && n.Name is not ("cert-manager-issuer" or "kubeflow-namespace" or "kubeflow-roles" or "kubeflow-istio-resources" or "oauth2-proxy" or "feast-operator" or "networkpolicies"))
                .Select(n => n.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(dev.Nodes, n => n.Transforms.OfType<PlanTransform.Replicas>().Any());
        Assert.Equal(
            "2 replicas of autoscaler, controller, net-istio-controller, net-istio-webhook, activator (its autoscaler's floor), webhook (its autoscaler's floor)",
            Of(prod, "knative-serving")!.ToString());
        Assert.Equal(Of(prod, "pipelines"), PlanJson.Read(PlanJson.Write(prod))[Unit("pipelines")].Transforms.OfType<PlanTransform.Replicas>().Single());
    }

    [Fact]
    public void Catalog_ListsEachWorkloadOnceAndSaysWhyTheSingleOnesStaySingle()
    {
        var units = KubeflowCatalog.Common.Concat(KubeflowCatalog.ByApplication.Values.SelectMany(u => u)).ToArray();
        var named = units.SelectMany(u => u.Replicated.Concat(u.Autoscaled).Concat(u.Single.Select(s => s.Workload)).Select(w => $"{u.Name}/{w}")).ToArray();

        Assert.Equal(named.Length, named.Distinct().Count());
        Assert.All(units.SelectMany(u => u.Single), s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
        Assert.Equal(13, units.SelectMany(u => u.Single).Count());
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "README.md"));
        Assert.All(units.SelectMany(u => u.Single), s => Assert.Contains($"`{s.Workload}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Pipelines_UiReadsThePlatformsStoreAndNoSharedLogArchive()
    {
        var overlay = new YamlStream();
        overlay.Load(new StringReader(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "kubeflow", "pipelines", "kustomization.yaml"))));
        var ui = ((YamlSequenceNode)((YamlMappingNode)overlay.Documents[0].RootNode)["patches"])
            .Select(p => { var stream = new YamlStream(); stream.Load(new StringReader(((YamlScalarNode)((YamlMappingNode)p)["patch"]).Value!)); return stream.Documents[0].RootNode; })
            .OfType<YamlMappingNode>()
            .Single(p => p["kind"].ToString() == "Deployment" && ((YamlMappingNode)p["metadata"])["name"].ToString() == "ml-pipeline-ui");
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)ui["spec"])["template"])["spec"])["containers"])[0];
        var env = ((YamlSequenceNode)container["env"]).Cast<YamlMappingNode>()
            .Select(e => e.Children.TryGetValue("value", out var value)
                ? $"{e["name"]}={value}"
                : $"{e["name"]}<-{((YamlMappingNode)((YamlMappingNode)e["valueFrom"])["configMapKeyRef"])["key"]}")
            .ToArray();

        // The release's UI defaults MINIO_HOST to minio-service (in MINIO_NAMESPACE) and MINIO_PORT to 9000, and its
        // deployment turns ARGO_ARCHIVE_LOGS on over the bucket "mlpipeline": each is set to what the platform has.
        Assert.Equal(["MINIO_HOST<-objectStoreHost", "MINIO_PORT<-objectStorePortNumber", "MINIO_SSL<-objectStoreSecure", "MINIO_NAMESPACE=", "ARGO_ARCHIVE_LOGS=false"], env);
        var settings = KubeflowSpec.For(TestConfig.StackOptions("prod"))!.PipelinesStores!.Settings().ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(("minio.minio.svc.cluster.local", "80", "false"), (settings["objectStoreHost"], settings["objectStorePortNumber"], settings["objectStoreSecure"]));
    }

    [UpstreamFact]
    public void Pipelines_TeamsReachTheApiAsTheirCiAccountAndFromNotebooksWithAnAudienceBoundToken()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));
        var binding = plan[PlanNode.IdOf("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "pipelines-ci-fraud-detection")];
        var podDefault = PipelinesTeamAccess.AccessPodDefault("fraud-detection");

        Assert.Equal("{name: pipelines-ci, namespace: fraud-detection}", plan[PlanNode.IdOf("kubernetes:core/v1:ServiceAccount", "pipelines-ci-fraud-detection")].Inputs["metadata"].ToString());
        Assert.Equal("{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: kubeflow-pipelines-edit}", binding.Inputs["roleRef"].ToString());
        Assert.Equal("[{kind: ServiceAccount, name: pipelines-ci, namespace: fraud-detection}]", binding.Inputs["subjects"].ToString());
        Assert.Equal(["kubernetes:core/v1:ServiceAccount::pipelines-ci-fraud-detection"], binding.DependsOn.ToArray());
        Assert.Equal(
            """{"apiVersion":"kubeflow.org/v1alpha1","kind":"PodDefault","metadata":{"name":"access-ml-pipeline","namespace":"fraud-detection"},"spec":{"desc":"Allow access to Kubeflow Pipelines","selector":{"matchLabels":{"access-ml-pipeline":"true"}},"env":[{"name":"KF_PIPELINES_SA_TOKEN_PATH","value":"/var/run/secrets/kubeflow/pipelines/token"},{"name":"KFP_HOST","value":"http://ml-pipeline.kubeflow.svc.cluster.local:8888"}],"volumes":[{"name":"kf-pipelines-token","projected":{"sources":[{"serviceAccountToken":{"path":"token","expirationSeconds":7200,"audience":"pipelines.kubeflow.org"}}]}}],"volumeMounts":[{"name":"kf-pipelines-token","mountPath":"/var/run/secrets/kubeflow/pipelines","readOnly":true}]}}""",
            podDefault.ToJsonString());
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes("kubernetes/v1.35.api__v1_openapi.json", "io.k8s.api.core.v1.Volume"), podDefault["spec"]!["volumes"]![0]!));
        Assert.Equal(
            [Unit("admission-webhook"), "kubernetes:core/v1:Namespace::team-fraud-detection"],
            plan[PlanNode.IdOf("kubernetes:kubeflow.org/v1alpha1:PodDefault", "access-ml-pipeline-fraud-detection")].DependsOn.ToArray());
        Assert.Equal("kubectl -n fraud-detection create token pipelines-ci --audience pipelines.kubeflow.org --duration 720h", PipelinesTeamAccess.TokenCommand("fraud-detection", 720));
    }

    [Fact]
    public void Pipelines_TeamsRunsWriteArtifactsAndLogsUnderTheirOwnPrefixWithTheirOwnIdentity()
    {
        var plan = StackPlanner.Plan("prod", TestConfig.StackOptions("prod"));
        var launcher = plan[PlanNode.IdOf("kubernetes:core/v1:ConfigMap", "kfp-launcher-fraud-detection")];
        var repositories = plan[PlanNode.IdOf("kubernetes:core/v1:ConfigMap", "artifact-repositories-fraud-detection")];

        Assert.Equal("{name: kfp-launcher, namespace: fraud-detection}", launcher.Inputs["metadata"].ToString());
        Assert.StartsWith("{defaultPipelineRoot: s3://mlops-prod-teams/fraud-detection/pipelines, providers: ", launcher.Inputs["data"].ToString(), StringComparison.Ordinal);
        var stores = KubeflowSpec.For(TestConfig.StackOptions("prod"))!.PipelinesStores!;
        Assert.Equal(
            [
                ("defaultPipelineRoot", "s3://mlops-prod-teams/fraud-detection/pipelines"),
                ("providers", """
                    s3:
                      default:
                        endpoint: http://minio.minio.svc.cluster.local
                        region: us-east-1
                        disableSSL: true
                        forcePathStyle: true
                        credentials:
                          fromEnv: false
                          secretRef:
                            secretName: team-s3
                            accessKeyKey: AWS_ACCESS_KEY_ID
                            secretKeyKey: AWS_SECRET_ACCESS_KEY

                    """),
            ],
            stores.LauncherConfig("fraud-detection").ToArray());
        Assert.Equal(
            [
                ("default-v1", """
                    archiveLogs: true
                    s3:
                      endpoint: minio.minio.svc.cluster.local
                      bucket: mlops-prod-teams
                      region: us-east-1
                      insecure: true
                      keyFormat: "fraud-detection/logs/{{workflow.name}}/{{workflow.creationTimestamp.Y}}/{{workflow.creationTimestamp.m}}/{{workflow.creationTimestamp.d}}/{{pod.name}}"
                      accessKeySecret:
                        name: kfp-logs-fraud-detection
                        key: AWS_ACCESS_KEY_ID
                      secretKeySecret:
                        name: kfp-logs-fraud-detection
                        key: AWS_SECRET_ACCESS_KEY

                    """),
            ],
            stores.ArtifactRepositories("fraud-detection").ToArray());
        Assert.Equal("{annotations: {workflows.argoproj.io/default-artifact-repository: default-v1}, name: artifact-repositories, namespace: fraud-detection}", repositories.Inputs["metadata"].ToString());
        Assert.Equal(
            ["kubernetes:core/v1:Namespace::team-fraud-detection", "kubernetes:core/v1:Secret::kfp-logs-fraud-detection"],
            repositories.DependsOn.Order(StringComparer.Ordinal).ToArray());

        // The UI reads archived logs back with the Secret the repository names, from its own namespace.
        string Logs(string name) => plan[PlanNode.IdOf("kubernetes:core/v1:Secret", name)].Inputs["metadata"] + " " + plan[PlanNode.IdOf("kubernetes:core/v1:Secret", name)].Inputs["stringData"];
        Assert.Equal(
            "{name: kfp-logs-fraud-detection, namespace: fraud-detection} {AWS_ACCESS_KEY_ID: team-fraud-detection, AWS_SECRET_ACCESS_KEY: [secret random:index/randomPassword:RandomPassword::team-fraud-detection-minio-password]}",
            Logs("kfp-logs-fraud-detection"));
        Assert.Equal(
            "{name: kfp-logs-fraud-detection, namespace: kubeflow} {AWS_ACCESS_KEY_ID: team-fraud-detection, AWS_SECRET_ACCESS_KEY: [secret random:index/randomPassword:RandomPassword::team-fraud-detection-minio-password]}",
            Logs("kfp-logs-fraud-detection-kubeflow"));
    }

    [UpstreamFact]
    public void Dashboard_IsServedBehindTheIngressAtItsHost()
    {
        var spec = KubeflowSpec.For(TestConfig.StackOptions("prod"))!;
        var ingress = spec.DashboardIngress()!;

        Assert.Equal("https://kubeflow.mlops.example.com", spec.DashboardUrl);
        Assert.Empty(UpstreamSchemas.Errors(UpstreamSchemas.Kubernetes("kubernetes/v1.35.apis__networking.k8s.io__v1_openapi.json", "io.k8s.api.networking.v1.Ingress"), ingress));
        Assert.Equal("""[{"hosts":["kubeflow.mlops.example.com"],"secretName":"kubeflow-tls"}]""", ingress["spec"]!["tls"]!.ToJsonString());
    }

    [Fact]
    public void Validation_ChosenApplicationsMustKeepWhatTheLevelIsAbout()
    {
        var errors = TestConfig.Errors(("mlops:maturity", "level2"), ("mlops:platform", "\n    ingress:\n      domain: mlops.example.com\n    kubeflow:\n      components: [dashboard, profiles, katib]"));

        Assert.Equal(
            [
                "mlops:platform.kubeflow.components has no 'notebooks', but maturity level2 needs it for notebooks. Add it with 'pulumi config set --path \"mlops:platform.kubeflow.components[3]\" notebooks', or lower mlops:maturity.",
                "mlops:platform.kubeflow.components has no 'pipelines', but maturity level2 needs it for automated pipelines with ML Metadata. Add it with 'pulumi config set --path \"mlops:platform.kubeflow.components[4]\" pipelines', or lower mlops:maturity.",
            ],
            errors.Where(e => e.StartsWith("mlops:platform.kubeflow", StringComparison.Ordinal)).ToArray());
        Assert.Empty(TestConfig.Errors(("mlops:maturity", "level0"), ("mlops:platform", "\n    kubeflow:\n      components: [dashboard, profiles, notebooks]")));
    }

    [Fact]
    public void Validation_NamesUnknownUndeployableAndIncompleteChoicesAndAnOldRelease()
    {
        var errors = TestConfig.Errors(("mlops:production", "true"), ("mlops:platform", "\n    kubeflow:\n      components: [notebok, pipelines, notebooks]" + TestConfig.Backup));
        var old = TestConfig.Errors(("mlops:tanzu", TestConfig.Supervisor + "\n    release: v1.31.4---vmware.1-fips-vkr.3"));

        Assert.Equal(
            [
                "mlops:platform.kubeflow.components[0] 'notebok' is not a Kubeflow application: choose from dashboard, profiles, notebooks, training, kserve, pipelines, katib (did you mean 'notebooks'?). Set it with 'pulumi config set --path \"mlops:platform.kubeflow.components[0]\" <application>'.",
                "mlops:platform.kubeflow.components has 'notebooks' without 'profiles': notebooks run in the users' profile namespaces. Add it with 'pulumi config set --path \"mlops:platform.kubeflow.components[3]\" profiles'.",
            ],
            errors);
        Assert.Equal(
            ["mlops:tanzu.release 'v1.31.4---vmware.1-fips-vkr.3' runs Kubernetes 1.31, which Kubeflow v1.10.2 (Kubernetes 1.32 (tested 1.32–1.33)) does not support. Releases that every component this stack runs supports: v1.32.7---vmware.3-fips-vkr.1, v1.33.6---vmware.1-fips-vkr.2. Set it with 'pulumi config set --path mlops:tanzu.release v1.33.6---vmware.1-fips-vkr.2', or disable the component."],
            old);
    }
}

public sealed class TeamAccessTests
{
    [Fact]
    public void TeamIdentity_ReachesOnlyItsFolderOfTheTeamsBucket()
    {
        var identity = Infra.Model.ObjectStore.ObjectStoreSpec.For(TestConfig.StackOptions("dev")).Identities.Single(i => i.Name == "team-data-science");

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:ListBucket","s3:GetBucketLocation","s3:ListBucketMultipartUploads"],"Resource":["arn:aws:s3:::mlops-dev-teams"],"Condition":{"StringLike":{"s3:prefix":["data-science/","data-science/*"]}}},{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject","s3:AbortMultipartUpload","s3:ListMultipartUploadParts"],"Resource":["arn:aws:s3:::mlops-dev-teams/data-science/*"]}]}""",
            identity.Policy().ToJsonString());
    }

    [Fact]
    public void PodDefault_PointsTheTeamsPodsAtMlflowAndItsFolderWithItsIdentity()
    {
        var options = TestConfig.StackOptions("dev");
        var plan = StackPlanner.Plan("dev", options);
        var podDefault = plan[PlanNode.IdOf("kubernetes:kubeflow.org/v1alpha1:PodDefault", "mlops-services-data-science")];

        Assert.Equal(
            """{"apiVersion":"kubeflow.org/v1alpha1","kind":"PodDefault","metadata":{"name":"mlops-services","namespace":"data-science"},"spec":{"desc":"MLflow and the team\u0027s object store folder","selector":{"matchLabels":{"mlops-services":"true"}},"env":[{"name":"MLFLOW_TRACKING_URI","value":"http://mlflow.mlflow.svc.cluster.local"},{"name":"AWS_ENDPOINT_URL","value":"http://minio.minio.svc.cluster.local"},{"name":"AWS_DEFAULT_REGION","value":"us-east-1"},{"name":"TEAM_BUCKET_URL","value":"s3://mlops-dev-teams/data-science/"}],"envFrom":[{"secretRef":{"name":"team-mlflow"}},{"secretRef":{"name":"team-s3"}}]}}""",
            KubeflowSpec.For(options)!.Services!.PodDefault("data-science").ToJsonString());
        Assert.Equal(
            [KubeflowPlanner.UnitId("admission-webhook"), "kubernetes:core/v1:Namespace::team-data-science", "kubernetes:core/v1:Secret::team-mlflow-data-science", "kubernetes:core/v1:Secret::team-s3-data-science"],
            podDefault.DependsOn.ToArray());
        Assert.Equal(
            "{AWS_ACCESS_KEY_ID: team-data-science, AWS_SECRET_ACCESS_KEY: [secret random:index/randomPassword:RandomPassword::team-data-science-minio-password]}",
            plan[PlanNode.IdOf("kubernetes:core/v1:Secret", "team-s3-data-science")].Inputs["stringData"].ToString());
    }

    // Owners that pass the e-mail rule but are YAML of their own: Dex's configuration still reads them back exactly.
    [Fact]
    public void DexConfig_AnyOwnerTheRulePasses_ParsesBackToTheSameUsers()
    {
        var local = Gen.OneOf(
            Gen.OneOfConst("*ops", "[ops]", "{ops}", "&a", "!tag", "ops: x", "'q'", "\"q\"", "#ops", "- ops", "%ops", "ops|x", "ops>x", "?ops", "@"),
            Gen.Char["abz09.-_*&!|>'\"%#{}[],:?`"].Array[1, 12].Select(c => new string(c)));
        var owners = Gen.Select(local, Gen.OneOfConst("example.com", "x.y.z", "[a].b")).Where((l, d) => !l.Contains('@', StringComparison.Ordinal) || l == "@").Select((l, d) => l == "@" ? "at@" + d : $"{l}@{d}");
        var checkedCases = 0;
        owners.Array[1, 4].Sample(emails =>
        {
            var teams = string.Concat(emails.Select((e, i) => $"\n    - name: team-{i}\n      owner: {System.Text.Json.JsonSerializer.Serialize(e)}"));
            var loaded = TestConfig.Load(("mlops:teams", teams));
            if (!loaded.IsValid)
            {
                return true; // the e-mail rule refused it: nothing reaches Dex
            }

            var yaml = new YamlDotNet.RepresentationModel.YamlStream();
            yaml.Load(new StringReader(KubeflowSpec.For(loaded.Options)!.DexConfig()));
            var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
            var read = ((YamlDotNet.RepresentationModel.YamlSequenceNode)root["staticPasswords"]).Children
                .Select(u => ((YamlDotNet.RepresentationModel.YamlScalarNode)((YamlDotNet.RepresentationModel.YamlMappingNode)u)["email"]).Value!).ToArray();
            Interlocked.Increment(ref checkedCases);
            return read.Skip(1).SequenceEqual(emails.Distinct(StringComparer.OrdinalIgnoreCase)) && root.Children.Count == 8;
        }, seed: "0000001diBs5", iter: 300, threads: 1);

        Assert.True(checkedCases >= 100, $"only {checkedCases} of 300 generated owners passed the e-mail rule");
    }
}
