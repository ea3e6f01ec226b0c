using Infra.Model.Configuration;
using Infra.Model.Kubernetes;
using Infra.Model.ObjectStore;
using Infra.Model.Options;
using Infra.Model.Stacks;

namespace Infra.Model.Kubeflow;

/// <summary>The rules of Kubeflow: the applications chosen, what the maturity level needs of them, the Kubernetes floor, sign-in through GitLab.</summary>
public static partial class KubeflowValidator
{
    private const string SignInPath = "mlops:platform:kubeflow:gitlabSignIn";

    /// <summary>Checks the Kubeflow settings of <paramref name="options"/>.</summary>
    public static void Validate(PlatformOptions options, ConfigErrors errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        var service = KubeflowTechnology.Service;
        if (options.Platform?.Kubeflow?.Components is { } chosen)
        {
            Applications(options, chosen, errors);
        }

        CorporateSignIn(options, errors);
        if (options.Platform?.Kubeflow?.GitlabSignIn is { } gitlab)
        {
            GitlabSignIn(options, gitlab, errors);
        }

        if (options.IsEnabled(service) && KubeflowSpec.ApplicationsFor(options).Contains("pipelines") && !ObjectStoreValidator.HasStore(options))
        {
            errors.Fail(ObjectStoreErrors.StoreNeeded, "mlops:platform:minio:enabled", "is false, but Kubeflow Pipelines keeps pipeline packages, run artifacts and step logs in the object store. Enable it with 'pulumi config set --path mlops:platform.minio.enabled true', use an existing S3 endpoint with 'pulumi config set --path mlops:platform.objectStore.endpoint https://<host>', or choose Kubeflow applications without 'pipelines' in mlops:platform.kubeflow.components.");
        }
    }

    private static void Applications(PlatformOptions options, IReadOnlyList<string> chosen, ConfigErrors errors)
    {
        var known = KubeflowCatalog.Applications;
        for (var i = 0; i < chosen.Count; i++)
        {
            var name = chosen[i];
            if (!known.Contains(name))
            {
                var closest = Suggestions.Closest(name, known) is { } match ? $" (did you mean '{match}'?)" : string.Empty;
                errors.Fail(KubeflowErrors.UnknownApplication, $"mlops:platform:kubeflow:components:{i}", $"'{name}' is not a Kubeflow application: choose from {string.Join(", ", known)}{closest}. Set it with 'pulumi config set --path \"mlops:platform.kubeflow.components[{i}]\" <application>'.");
            }
        }

        // The applications a level is about, where Kubeflow runs: notebooks from level 0, Pipelines from level 1.
        var needed = options.Maturity switch
        {
            MaturityLevel.Level1 or MaturityLevel.Level2 => new[] { ("notebooks", "notebooks"), ("pipelines", "automated pipelines with ML Metadata") },
            MaturityLevel.Level0 => [("notebooks", "notebooks")],
            _ => [],
        };
        var next = chosen.Count;
        foreach (var (application, role) in needed.Where(n => options.IsEnabled(KubeflowTechnology.Service) && !chosen.Contains(n.Item1)))
        {
            errors.Fail(KubeflowErrors.ApplicationNeeded, "mlops:platform:kubeflow:components", $"has no '{application}', but maturity {ConfigSchema.ChoiceName(options.Maturity!.Value)} needs it for {role}. Add it with 'pulumi config set --path \"mlops:platform.kubeflow.components[{next++}]\" {application}', or lower mlops:maturity.");
        }

        if (chosen.Contains("notebooks") && !chosen.Contains("profiles"))
        {
            errors.Fail(KubeflowErrors.NotebooksWithoutProfiles, "mlops:platform:kubeflow:components", $"has 'notebooks' without 'profiles': notebooks run in the users' profile namespaces. Add it with 'pulumi config set --path \"mlops:platform.kubeflow.components[{chosen.Count}]\" profiles'.");
        }
    }

    private static void GitlabSignIn(PlatformOptions options, GitlabSignInOptions gitlab, ConfigErrors errors)
    {
        if (gitlab.ClientId is not { Length: > 0 })
        {
            errors.Fail(KubeflowErrors.SignInClientId, $"{SignInPath}:clientId", "is required: the ID of the OAuth application Kubeflow signs in through (GitLab's Admin area, Applications). Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.clientId <application id>'.");
        }

        if (gitlab.ClientSecret is null)
        {
            errors.Fail(KubeflowErrors.SignInClientSecret, $"{SignInPath}:clientSecret", "is required: the secret of the OAuth application Kubeflow signs in through. Set it with 'pulumi config set --secret --path mlops:platform.kubeflow.gitlabSignIn.clientSecret <secret>'.");
        }

        if (options.Platform?.Ingress?.Domain is not { Length: > 0 })
        {
            errors.Fail(KubernetesErrors.DomainRequired, "mlops:platform:ingress:domain", "is required with mlops:platform.kubeflow.gitlabSignIn: GitLab sends people back to Dex at <scheme>://kubeflow.<domain>/dex/callback. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.");
        }

        if (gitlab.CaCertificate is { } ca && !ValueRules.IsPem(ca))
        {
            errors.Fail(KubeflowErrors.SignInCa, $"{SignInPath}:caCertificate", "is not a PEM certificate: paste the CA's certificate from '-----BEGIN CERTIFICATE-----' to '-----END CERTIFICATE-----'. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.caCertificate -- \"$(cat ca.crt)\"'.");
        }

        if (gitlab.Url is { } url)
        {
            if (!ValueRules.IsHttpUrl(url))
            {
                errors.Fail(KubeflowErrors.SignInUrl, $"{SignInPath}:url", $"'{url}' is not a GitLab URL: write an http:// or https:// URL, such as 'https://gitlab.example.com'. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.url <url>'.");
            }
        }
        else if (!options.IsEnabled(Gitlab.GitlabTechnology.Service))
        {
            errors.Fail(KubeflowErrors.SignInUrlRequired, $"{SignInPath}:url", "is required when the platform's GitLab is off: Dex signs in through the GitLab at that URL. Set it with 'pulumi config set --path mlops:platform.kubeflow.gitlabSignIn.url https://<gitlab host>', or enable GitLab with 'pulumi config set --path mlops:platform.gitlab.enabled true'.");
        }
    }

    // The company's OIDC provider and LDAP directory: what Dex connects with, each secret as a secret.
    private static void CorporateSignIn(PlatformOptions options, ConfigErrors errors)
    {
        void Require(bool set, string block, string key, string what, string placeholder, bool secret = false)
        {
            if (!set)
            {
                errors.Fail(KubeflowErrors.CorporateSignInRequired, $"mlops:platform:kubeflow:{block}:{key}", $"is required: {what}. Set it with '{ConfigKeyPath.SetCommand($"mlops:platform:kubeflow:{block}:{key}", placeholder, secret)}'.");
            }
        }

        if (options.Platform?.Kubeflow?.OidcSignIn is { } oidc)
        {
            Require(oidc.Issuer is { Length: > 0 }, "oidcSignIn", "issuer", "the issuer URL of the company's OpenID Connect provider", "https://<issuer>");
            Require(oidc.ClientId is { Length: > 0 }, "oidcSignIn", "clientId", "the ID of the client registered there for the platform", "<client id>");
            Require(oidc.ClientSecret is not null, "oidcSignIn", "clientSecret", "that client's secret", "<secret>", secret: true);
            if (oidc.Issuer is { Length: > 0 } issuer && !issuer.StartsWith("https://", StringComparison.Ordinal))
            {
                errors.Fail(KubeflowErrors.OidcIssuer, "mlops:platform:kubeflow:oidcSignIn:issuer", $"'{issuer}' is not an https:// URL: Dex reads the provider's discovery document and keys over TLS. Set it with 'pulumi config set --path mlops:platform.kubeflow.oidcSignIn.issuer https://<issuer>'.");
            }

            if (options.Platform?.Ingress?.Domain is not { Length: > 0 })
            {
                errors.Fail(KubernetesErrors.DomainRequired, "mlops:platform:ingress:domain", "is required with mlops:platform.kubeflow.oidcSignIn: the provider sends people back to Dex at <scheme>://kubeflow.<domain>/dex/callback. Set it with 'pulumi config set --path mlops:platform.ingress.domain <domain>'.");
            }
        }

        if (options.Platform?.Kubeflow?.LdapSignIn is { } ldap)
        {
            Require(ldap.Host is { Length: > 0 }, "ldapSignIn", "host", "the directory's host and port", "<host>:636");
            Require(ldap.BindDn is { Length: > 0 }, "ldapSignIn", "bindDn", "the DN Dex binds as to search the directory", "<bind dn>");
            Require(ldap.BindPassword is not null, "ldapSignIn", "bindPassword", "that DN's password", "<password>", secret: true);
            Require(ldap.UserBaseDn is { Length: > 0 }, "ldapSignIn", "userBaseDn", "where the directory keeps people", "<base dn>");
            if (ldap.Host is { Length: > 0 } host && !LdapHostPattern().IsMatch(host))
            {
                errors.Fail(KubeflowErrors.LdapHost, "mlops:platform:kubeflow:ldapSignIn:host", $"'{host}' is not '<host>:<port>': name the directory's port, 636 for LDAPS or 389 with startTls. Set it with 'pulumi config set --path mlops:platform.kubeflow.ldapSignIn.host <host>:636'.");
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\A[A-Za-z0-9.-]+:[0-9]{1,5}\\z")]
    private static partial System.Text.RegularExpressions.Regex LdapHostPattern();
}
