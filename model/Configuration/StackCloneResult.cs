using System.Collections.Immutable;

namespace Infra.Model.Configuration;

/// <summary>The outcome of cloning a stack file.</summary>
/// <param name="Text">The new stack file's text: comments kept, <c>secure:</c> values and the encryption salt dropped. Empty where <see cref="Errors"/> has any.</param>
/// <param name="ValidationText">The new file with the source's secure values kept, for validating it as if its secrets were set.</param>
/// <param name="SecretKeys">The secret keys dropped, as <c>pulumi config set --path</c> spells them.</param>
/// <param name="Errors">Why a <c>--set</c> could not be applied.</param>
public sealed record StackCloneResult(string Text, string ValidationText, ImmutableArray<string> SecretKeys, ImmutableArray<string> Errors);
