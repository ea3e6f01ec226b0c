namespace Infra.Model.Options;

/// <summary>How the CI pipelines deploy a stack from the default branch (<c>mlops:deploy</c>).</summary>
public enum DeployPolicy
{
    /// <summary>On every change of the default branch.</summary>
    Automatic,

    /// <summary>Behind a manual gate (a GitLab manual job; a GitHub environment with required reviewers), after the automatic stacks.</summary>
    Manual,

    /// <summary>Never from CI: validated, diffed and previewed only.</summary>
    None,
}
