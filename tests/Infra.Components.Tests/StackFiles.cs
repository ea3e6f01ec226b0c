using Infra.Model.Configuration;
using Infra.Model.Options;

namespace Infra.Components.Tests;

/// <summary>The shipped stack files, as the tests read them.</summary>
internal static class StackFiles
{
    public static string PathOf(string stack) => Path.Combine(AppContext.BaseDirectory, "stacks", StackConfigFile.FileName(stack));

    public static PlatformOptions Options(string stack) =>
        PlatformConfiguration.Load(StackConfigFile.Load(PathOf(stack)).Snapshot).ValidOptions();

    /// <summary>The passthrough lab stack shared by the test projects (tests/Fixtures/Pulumi.lab.yaml).</summary>
    public static PlatformOptions Lab() => Options("lab");
}
