namespace Infra.Model.Planning;

/// <summary>
/// A file the stack hands to someone else, because <c>pulumi up</c> cannot apply it: the buckets and policies an
/// existing object store's administrators create, the client configuration and samples the teams use. Planned with
/// the stack (so <c>infractl render</c> writes it from the plan alone), never registered.
/// </summary>
/// <param name="Path">Where <c>infractl render</c> writes it, below its hand-off folder: relative, <c>/</c>-separated (<c>object-store/buckets.txt</c>).</param>
/// <param name="Purpose">Who it is for and what they do with it, in one sentence.</param>
/// <param name="Content">The file's text.</param>
public sealed record PlanHandoff(string Path, string Purpose, string Content);
