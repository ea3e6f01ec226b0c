namespace Infra.Model.Options;

/// <summary>The Kubeflow block (<c>mlops:platform.kubeflow</c>): which applications run.</summary>
public sealed record KubeflowOptions : ServiceOptions
{
    /// <summary>
    /// The applications: <c>dashboard</c>, <c>profiles</c>, <c>notebooks</c>, <c>training</c>, <c>kserve</c>,
    /// <c>pipelines</c>, <c>katib</c>. Default: dashboard, profiles and notebooks at level 0; training, KServe and
    /// Katib and Pipelines from level 1.
    /// </summary>
    public IReadOnlyList<string>? Components { get; init; }

    /// <summary>Sign-in through GitLab: team members sign in with their GitLab accounts instead of generated passwords.</summary>
    public GitlabSignInOptions? GitlabSignIn { get; init; }

    /// <summary>Sign-in through the company's OpenID Connect provider (Dex's <c>oidc</c> connector).</summary>
    public OidcSignInOptions? OidcSignIn { get; init; }

    /// <summary>Sign-in through the company's LDAP directory (Dex's <c>ldap</c> connector).</summary>
    public LdapSignInOptions? LdapSignIn { get; init; }
}

/// <summary>
/// Dex's OpenID Connect connector (<c>mlops:platform.kubeflow.oidcSignIn</c>): a client registered at the company's
/// provider with the redirect URI <c>https://kubeflow.&lt;domain&gt;/dex/callback</c>.
/// </summary>
public sealed record OidcSignInOptions
{
    /// <summary>The provider's issuer URL, where <c>/.well-known/openid-configuration</c> is. Required.</summary>
    public string? Issuer { get; init; }

    /// <summary>The client's ID. Required.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client's secret, set with <c>pulumi config set --secret</c>. Required.</summary>
    public Configuration.SecretSetting? ClientSecret { get; init; }

    /// <summary>The button's label on the sign-in page. Default <c>Corporate sign-in</c>.</summary>
    public string? Name { get; init; }

    /// <summary>The ID token's claim with the user's groups, where the provider sends one. Default: groups are not read.</summary>
    public string? GroupsClaim { get; init; }
}

/// <summary>Dex's LDAP connector (<c>mlops:platform.kubeflow.ldapSignIn</c>): people sign in with their directory account.</summary>
public sealed record LdapSignInOptions
{
    /// <summary>The directory's <c>host:port</c> (LDAPS, or StartTLS with <see cref="StartTls"/>). Required.</summary>
    public string? Host { get; init; }

    /// <summary>Whether the connection starts in plain LDAP and upgrades with StartTLS (port 389). Default false (LDAPS).</summary>
    public bool? StartTls { get; init; }

    /// <summary>The DN Dex binds as to search the directory. Required.</summary>
    public string? BindDn { get; init; }

    /// <summary>That DN's password, set with <c>pulumi config set --secret</c>. Required.</summary>
    public Configuration.SecretSetting? BindPassword { get; init; }

    /// <summary>Where people are, such as <c>ou=people,dc=example,dc=com</c>. Required.</summary>
    public string? UserBaseDn { get; init; }

    /// <summary>Which entries are people. Default <c>(objectClass=person)</c>.</summary>
    public string? UserFilter { get; init; }

    /// <summary>The attribute a person signs in with. Default <c>uid</c>.</summary>
    public string? UsernameAttribute { get; init; }

    /// <summary>The attribute with a person's e-mail address, the name the platform knows them by. Default <c>mail</c>.</summary>
    public string? EmailAttribute { get; init; }

    /// <summary>Where groups are, where Dex reads a person's groups. Default: groups are not read.</summary>
    public string? GroupBaseDn { get; init; }

    /// <summary>The button's label on the sign-in page. Default <c>Directory sign-in</c>.</summary>
    public string? Name { get; init; }
}

/// <summary>
/// Dex's GitLab connector (<c>mlops:platform.kubeflow.gitlabSignIn</c>): an instance-wide OAuth application in
/// GitLab (Admin area, Applications) with the redirect URI <c>https://kubeflow.&lt;domain&gt;/dex/callback</c>
/// and the scopes <c>read_user</c> and <c>openid</c>.
/// </summary>
public sealed record GitlabSignInOptions
{
    /// <summary>The application's ID.</summary>
    public string? ClientId { get; init; }

    /// <summary>The application's secret, set with <c>pulumi config set --secret</c>.</summary>
    public Configuration.SecretSetting? ClientSecret { get; init; }

    /// <summary>GitLab's URL. Default: the platform's GitLab, <c>gitlab.&lt;domain&gt;</c>.</summary>
    public string? Url { get; init; }

    /// <summary>
    /// The PEM certificate of the CA that signs GitLab's certificate, where no public CA does (such as a private
    /// <c>clusterIssuer</c>'s): Dex trusts it beside the public CAs.
    /// </summary>
    public string? CaCertificate { get; init; }
}
