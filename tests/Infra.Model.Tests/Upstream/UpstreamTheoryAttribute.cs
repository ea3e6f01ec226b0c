namespace Infra.Model.Tests.Upstream;

/// <summary>A theory that reads the upstream reference files: skipped, saying why, where they are not here.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UpstreamTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips the theory where the upstream reference files are missing.</summary>
    public UpstreamTheoryAttribute()
    {
        if (UpstreamSchemas.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
