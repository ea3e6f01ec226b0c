using Infra.Model.Configuration;
using Infra.Model.Options;

[assembly: Infra.Model.Stacks.Technology(typeof(Infra.Model.Stacks.StackTechnology))]

namespace Infra.Model.Stacks;

/// <summary>The stack as a whole: its stack-wide rules, checked first.</summary>
public sealed class StackTechnology : Technology
{
    /// <inheritdoc />
    public override int Order => 0;

    /// <inheritdoc />
    public override void Validate(PlatformOptions options, VsphereConnectionOptions connection, ConfigErrors errors) => StackValidator.Validate(options, errors);
}
