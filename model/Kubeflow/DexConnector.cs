using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Model.Kubeflow;

/// <summary>
/// A connector of Dex (v2.41.1, as Kubeflow v1.10.2 pins it) to the company's identity provider, from config: its
/// entry in Dex's configuration, whose secrets are <c>$VARIABLE</c>s that Dex expands from its environment (the
/// <c>oidc-client</c> Secret), and the secret settings that fill them. Its fields are those of Dex's
/// <c>connector/oidc</c> and <c>connector/ldap</c> <c>Config</c> types at that tag.
/// </summary>
/// <param name="Entry">The connector's entry under <c>connectors</c>.</param>
/// <param name="Secrets">Each environment variable the entry names, with the secret setting it holds.</param>
public sealed record DexConnector(JsonObject Entry, ImmutableArray<(string Variable, SecretSetting Secret)> Secrets)
{
    /// <summary>The variable of the OIDC client's secret.</summary>
    public const string OidcSecretVariable = "CORPORATE_OIDC_CLIENT_SECRET";

    /// <summary>The scopes Dex asks the provider for: the user's identity and e-mail address (and groups, where read).</summary>
    public static readonly ImmutableArray<string> Scopes = ["openid", "profile", "email"];

    /// <summary>The variable of the LDAP bind password.</summary>
    public const string LdapSecretVariable = "CORPORATE_LDAP_BIND_PASSWORD";

    /// <summary>The connectors <paramref name="kubeflow"/> configures, with Dex's callback at <paramref name="redirectUri"/>.</summary>
    public static ImmutableArray<DexConnector> For(KubeflowOptions? kubeflow, string? redirectUri)
    {
        var connectors = ImmutableArray.CreateBuilder<DexConnector>();
        if (kubeflow?.OidcSignIn is { Issuer: { Length: > 0 } issuer, ClientId: { Length: > 0 } clientId, ClientSecret: { } secret } oidc && redirectUri is not null)
        {
            var config = new JsonObject
            {
                ["issuer"] = issuer,
                ["clientID"] = clientId,
                ["clientSecret"] = $"${OidcSecretVariable}",
                ["redirectURI"] = redirectUri,
                ["scopes"] = new JsonArray([.. Scopes.Concat(oidc.GroupsClaim is null ? [] : ["groups"]).Select(s => (JsonNode)s)]),
            };
            if (oidc.GroupsClaim is { } groups)
            {
                config["insecureEnableGroups"] = true;
                config["claimMapping"] = new JsonObject { ["groups"] = groups };
            }

            connectors.Add(new DexConnector(new JsonObject { ["type"] = "oidc", ["id"] = "corporate-oidc", ["name"] = oidc.Name ?? "Corporate sign-in", ["config"] = config }, [(OidcSecretVariable, secret)]));
        }

        if (kubeflow?.LdapSignIn is { Host: { Length: > 0 } host, BindDn: { Length: > 0 } bindDn, BindPassword: { } password, UserBaseDn: { Length: > 0 } userBase } ldap)
        {
            var email = ldap.EmailAttribute ?? "mail";
            var config = new JsonObject
            {
                ["host"] = host,
                ["startTLS"] = ldap.StartTls == true,
                ["bindDN"] = bindDn,
                ["bindPW"] = $"${LdapSecretVariable}",
                ["usernamePrompt"] = "User name",
                ["userSearch"] = new JsonObject
                {
                    ["baseDN"] = userBase,
                    ["filter"] = ldap.UserFilter ?? "(objectClass=person)",
                    ["username"] = ldap.UsernameAttribute ?? "uid",
                    ["idAttr"] = "DN",
                    ["emailAttr"] = email,
                    ["nameAttr"] = "cn",
                },
            };
            if (ldap.GroupBaseDn is { } groupBase)
            {
                config["groupSearch"] = new JsonObject
                {
                    ["baseDN"] = groupBase,
                    ["filter"] = "(objectClass=groupOfNames)",
                    ["userMatchers"] = new JsonArray(new JsonObject { ["userAttr"] = "DN", ["groupAttr"] = "member" }),
                    ["nameAttr"] = "cn",
                };
            }

            connectors.Add(new DexConnector(new JsonObject { ["type"] = "ldap", ["id"] = "corporate-ldap", ["name"] = ldap.Name ?? "Directory sign-in", ["config"] = config }, [(LdapSecretVariable, password)]));
        }

        return connectors.ToImmutable();
    }
}
