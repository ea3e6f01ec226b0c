namespace Infra.Model.Rendering;

/// <summary>A file <c>infractl render</c> writes.</summary>
/// <param name="Name">The file's name, relative to the output folder.</param>
/// <param name="Content">Its text.</param>
public sealed record RenderedFile(string Name, string Content);
