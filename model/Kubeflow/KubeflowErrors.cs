using Infra.Model.Configuration;

[assembly: Infra.Model.Configuration.ErrorCatalogue(typeof(Infra.Model.Kubeflow.KubeflowErrors))]

namespace Infra.Model.Kubeflow;

/// <summary>The rules of Kubeflow: its applications and sign-in through GitLab. (MLOPS1204, the Kubernetes floor, is now MLOPS0107 for every component.)</summary>
public static class KubeflowErrors
{
    /// <summary>An unknown application.</summary>
    public static readonly ErrorCode UnknownApplication = new("MLOPS1201", "mlops:platform.kubeflow.components[]", "Each listed Kubeflow application is one the pinned release has.");

    /// <summary>An application the maturity level needs, not listed.</summary>
    public static readonly ErrorCode ApplicationNeeded = new("MLOPS1202", "mlops:platform.kubeflow.components", "The applications list has what the maturity level needs: notebooks from level 0, Pipelines from level 1.");

    /// <summary>Notebooks without profiles.</summary>
    public static readonly ErrorCode NotebooksWithoutProfiles = new("MLOPS1203", "mlops:platform.kubeflow.components", "Notebooks come with profiles: they run in the users' profile namespaces.");


    /// <summary>No OAuth application ID.</summary>
    public static readonly ErrorCode SignInClientId = new("MLOPS1205", "mlops:platform.kubeflow.gitlabSignIn.clientId", "Sign-in through GitLab names the OAuth application's ID.");

    /// <summary>No OAuth application secret.</summary>
    public static readonly ErrorCode SignInClientSecret = new("MLOPS1206", "mlops:platform.kubeflow.gitlabSignIn.clientSecret", "Sign-in through GitLab has the OAuth application's secret, as a secret.");

    /// <summary>A CA that is not PEM.</summary>
    public static readonly ErrorCode SignInCa = new("MLOPS1207", "mlops:platform.kubeflow.gitlabSignIn.caCertificate", "GitLab's CA certificate is PEM.");

    /// <summary>A malformed GitLab URL.</summary>
    public static readonly ErrorCode SignInUrl = new("MLOPS1208", "mlops:platform.kubeflow.gitlabSignIn.url", "GitLab's URL is an http:// or https:// URL.");

    /// <summary>No GitLab URL where the platform's GitLab is off.</summary>
    public static readonly ErrorCode SignInUrlRequired = new("MLOPS1209", "mlops:platform.kubeflow.gitlabSignIn.url", "Where the platform's GitLab is off, sign-in through GitLab names the GitLab's URL.");

    /// <summary>A corporate sign-in without a setting it needs.</summary>
    public static readonly ErrorCode CorporateSignInRequired = new("MLOPS1210", "mlops:platform.kubeflow.oidcSignIn, ldapSignIn", "Sign-in through the company's provider names what Dex connects with: the issuer, client and secret, or the directory, bind DN, password and people's base DN.");

    /// <summary>An OIDC issuer that is not an HTTPS URL.</summary>
    public static readonly ErrorCode OidcIssuer = new("MLOPS1211", "mlops:platform.kubeflow.oidcSignIn.issuer", "An OpenID Connect issuer is an https:// URL.");

    /// <summary>An LDAP host that is not host:port.</summary>
    public static readonly ErrorCode LdapHost = new("MLOPS1212", "mlops:platform.kubeflow.ldapSignIn.host", "An LDAP directory is '<host>:<port>'.");
}
