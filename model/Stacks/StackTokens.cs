namespace Infra.Model.Stacks;

/// <summary>Type tokens and logical names of the stack-level components.</summary>
public static class StackTokens
{
    /// <summary>The foundation component's type token.</summary>
    public const string Foundation = "infra:stacks:Foundation";

    /// <summary>The platform component's type token.</summary>
    public const string Platform = "infra:stacks:Platform";

    /// <summary>The teams component's type token, the root of a teams stack.</summary>
    public const string Teams = "infra:stacks:Teams";

    /// <summary>The teams component's logical name.</summary>
    public const string TeamsName = "teams";

    /// <summary>The foundation component's logical name.</summary>
    public const string FoundationName = "foundation";

    /// <summary>The platform component's logical name.</summary>
    public const string PlatformName = "platform";
}
