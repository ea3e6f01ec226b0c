namespace Infra.Model.Tests.Upstream;

/// <summary>A fact that reads the upstream reference files: skipped, saying why, where they are not here.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UpstreamFactAttribute : FactAttribute
{
    /// <summary>Skips the fact where the upstream reference files are missing.</summary>
    public UpstreamFactAttribute()
    {
        if (UpstreamSchemas.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
