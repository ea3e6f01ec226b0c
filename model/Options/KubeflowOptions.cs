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
