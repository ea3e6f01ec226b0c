using Infra.Model.Kubeflow;
using Infra.Model.Planning;

namespace Infra.Model.Tests.Kubeflow;

/// <summary>Sign-in through the company's identity provider: Dex's OIDC and LDAP connectors from config.</summary>
public sealed class CorporateSignInTests
{
    private const string Ldap = "\n    ingress:\n      domain: mlops.example.com\n    kubeflow:\n      ldapSignIn:\n        host: ldap.example.com:636\n        bindDn: cn=dex,ou=services,dc=example,dc=com\n        bindPassword:\n          secure: v1:l\n        userBaseDn: ou=people,dc=example,dc=com\n        groupBaseDn: ou=groups,dc=example,dc=com";

    [Fact]
    public void Prod_OidcSignIn_IsADexConnectorWhoseSecretComesFromTheEnvironment()
    {
        var spec = KubeflowSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Contains(
            "\nconnectors:\n- type: oidc\n  id: corporate-oidc\n  name: Corporate sign-in\n  config:\n    issuer: https://login.example.com/realms/corp\n    clientID: mlops-prod\n    clientSecret: $CORPORATE_OIDC_CLIENT_SECRET\n    redirectURI: https://kubeflow.mlops.example.com/dex/callback\n    scopes:\n    - openid\n    - profile\n    - email\n    - groups\n    insecureEnableGroups: true\n    claimMapping:\n      groups: groups\n",
            spec.DexConfig(), StringComparison.Ordinal);
        // The team owners sign in there; only the admin keeps a generated (break-glass) password.
        Assert.Equal(["admin@mlops.example.com"], spec.Users.ToArray());
        var secret = TestConfig.StackPlan("prod")["kubernetes:core/v1:Secret::dex-oidc-client"];
        Assert.Equal(
            PlanValue.Config(new Infra.Model.Configuration.SecretSetting("mlops:platform", "kubeflow.oidcSignIn.clientSecret")),
            ((PlanValue.MapValue)secret.Inputs["stringData"]).Entries[DexConnector.OidcSecretVariable]);
    }

    [Fact]
    public void LdapSignIn_BindsAsItsDnAndReadsGroupsWhereABaseIsSet()
    {
        var spec = KubeflowSpec.For(TestConfig.Load(("mlops:platform", Ldap)).ValidOptions())!;

        var ldap = Assert.Single(spec.Connectors);
        Assert.Equal(
            """{"type":"ldap","id":"corporate-ldap","name":"Directory sign-in","config":{"host":"ldap.example.com:636","startTLS":false,"bindDN":"cn=dex,ou=services,dc=example,dc=com","bindPW":"$CORPORATE_LDAP_BIND_PASSWORD","usernamePrompt":"User name","userSearch":{"baseDN":"ou=people,dc=example,dc=com","filter":"(objectClass=person)","username":"uid","idAttr":"DN","emailAttr":"mail","nameAttr":"cn"},"groupSearch":{"baseDN":"ou=groups,dc=example,dc=com","filter":"(objectClass=groupOfNames)","userMatchers":[{"userAttr":"DN","groupAttr":"member"}],"nameAttr":"cn"}}}""",
            ldap.Entry.ToJsonString());
        Assert.Equal((DexConnector.LdapSecretVariable, new Infra.Model.Configuration.SecretSetting("mlops:platform", "kubeflow.ldapSignIn.bindPassword")), Assert.Single(ldap.Secrets));
    }

    [Fact]
    public void Validate_CorporateSignIn_NamesEachMissingOrMalformedSetting()
    {
        Assert.Equal(
            [
                "mlops:platform.kubeflow.oidcSignIn.clientId is required: the ID of the client registered there for the platform. Set it with 'pulumi config set --path mlops:platform.kubeflow.oidcSignIn.clientId <client id>'.",
                "mlops:platform.kubeflow.oidcSignIn.clientSecret is required: that client's secret. Set it with 'pulumi config set --secret --path mlops:platform.kubeflow.oidcSignIn.clientSecret <secret>'.",
                "mlops:platform.kubeflow.oidcSignIn.issuer 'http://login.example.com' is not an https:// URL: Dex reads the provider's discovery document and keys over TLS. Set it with 'pulumi config set --path mlops:platform.kubeflow.oidcSignIn.issuer https://<issuer>'.",
                "mlops:platform.ingress.domain is required with mlops:platform.kubeflow.oidcSignIn: the provider sends people back to Dex at <scheme>://kubeflow.<domain>/dex/callback. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.",
                "mlops:platform.kubeflow.ldapSignIn.bindDn is required: the DN Dex binds as to search the directory. Set it with 'pulumi config set --path mlops:platform.kubeflow.ldapSignIn.bindDn <bind dn>'.",
                "mlops:platform.kubeflow.ldapSignIn.bindPassword is required: that DN's password. Set it with 'pulumi config set --secret --path mlops:platform.kubeflow.ldapSignIn.bindPassword <password>'.",
                "mlops:platform.kubeflow.ldapSignIn.userBaseDn is required: where the directory keeps people. Set it with 'pulumi config set --path mlops:platform.kubeflow.ldapSignIn.userBaseDn <base dn>'.",
                "mlops:platform.kubeflow.ldapSignIn.host 'ldap.example.com' is not '<host>:<port>': name the directory's port, 636 for LDAPS or 389 with startTls. Set it with 'pulumi config set --path mlops:platform.kubeflow.ldapSignIn.host <host>:636'.",
            ],
            TestConfig.Errors(("mlops:platform", "\n    kubeflow:\n      oidcSignIn:\n        issuer: http://login.example.com\n      ldapSignIn:\n        host: ldap.example.com")));
    }

    [Fact]
    public void Prod_GitlabSignsInThroughDex_WithItsOwnGeneratedClientSecret()
    {
        var plan = TestConfig.StackPlan("prod");
        var gitlab = Infra.Model.Gitlab.GitlabSpec.For(TestConfig.StackOptions("prod"))!;

        Assert.Equal(new DexClient("gitlab", "GitLab", "https://gitlab.mlops.example.com/users/auth/openid_connect/callback", "GITLAB_OIDC_CLIENT_SECRET", "gitlab-oidc-client") { OwnsPassword = true }, gitlab.SignIn);
        Assert.Equal(
            """{"enabled":true,"allowSingleSignOn":["openid_connect"],"blockAutoCreatedUsers":false,"autoLinkUser":["openid_connect"],"syncProfileFromProvider":["openid_connect"],"syncProfileAttributes":["email","name"],"providers":[{"secret":"gitlab-oidc-provider","key":"provider"}]}""",
            gitlab.Values()["global"]!["appConfig"]!["omniauth"]!.ToJsonString());
        var provider = ((PlanValue.MapValue)plan["kubernetes:core/v1:Secret::gitlab-oidc-provider"].Inputs["stringData"]).Entries["provider"].ToString();
        Assert.Contains("    identifier: gitlab\n    secret: [secret random:index/randomPassword:RandomPassword::gitlab-oidc-client]\n", provider, StringComparison.Ordinal);
        Assert.Contains("    authorization_endpoint: https://kubeflow.mlops.example.com/dex/auth\n    token_endpoint: http://dex.auth.svc.cluster.local:5556/dex/token\n", provider, StringComparison.Ordinal);
        // One password, generated by GitLab's part (planned first) and handed to Dex by Kubeflow's.
        Assert.Single(plan.Nodes, n => n.Id == "random:index/randomPassword:RandomPassword::gitlab-oidc-client");
        Assert.Equal(
            PlanValue.Generated("random:index/randomPassword:RandomPassword::gitlab-oidc-client"),
            ((PlanValue.MapValue)plan["kubernetes:core/v1:Secret::dex-oidc-client"].Inputs["stringData"]).Entries["GITLAB_OIDC_CLIENT_SECRET"]);
        Assert.Contains("kubernetes:core/v1:Secret::gitlab-oidc-provider", plan["kubernetes:helm.sh/v3:Release::gitlab"].DependsOn);
        // Without a corporate connector GitLab keeps its own sign-in.
        Assert.Null(Infra.Model.Gitlab.GitlabSpec.For(TestConfig.StackOptions("dev"))?.SignIn);
    }
}
