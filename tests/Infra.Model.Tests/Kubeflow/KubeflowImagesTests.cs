using System.Collections.Immutable;
using System.Diagnostics;
using Infra.Model.Kubeflow;
using YamlDotNet.RepresentationModel;

namespace Infra.Model.Tests.Kubeflow;

/// <summary>A fact that builds the release's units with <c>kubectl kustomize</c>: skipped, saying why, without a local copy of the release or kubectl.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubeflowReleaseFactAttribute : FactAttribute
{
    /// <summary>The variable naming a local copy (a checkout or an unpacked archive) of kubeflow/manifests at the pinned tag.</summary>
    public const string Variable = "INFRA_KUBEFLOW_MANIFESTS";

    /// <summary>Skips the fact where the release or kubectl is not here.</summary>
    public KubeflowReleaseFactAttribute()
    {
        if (Release is null)
        {
            Skip = $"the Kubeflow release's units are built from a local copy of kubeflow/manifests {KubeflowVersions.Release}: set {Variable} to its folder to check the units' images with kubectl kustomize";
        }
        else if (Kubectl is null)
        {
            Skip = "kubectl (with kustomize) is not on the PATH: the Kubeflow units' images are checked with kubectl kustomize";
        }
    }

    /// <summary>The release's folder, where <see cref="Variable"/> names one that holds it.</summary>
    public static string? Release { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder && File.Exists(Path.Combine(folder, "common", "networkpolicies", "base", "kustomization.yaml")) ? Path.GetFullPath(folder) : null;

    /// <summary>kubectl's path, where it is on the PATH.</summary>
    public static string? Kubectl { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
        .Select(p => Path.Combine(p, "kubectl")).FirstOrDefault(File.Exists);
}

public sealed class KubeflowImagesTests
{
    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod"];

    // Every unit of every application, built once for the tests that read them: what kustomize prints, by unit.
    private static readonly Lazy<IReadOnlyList<(KubeflowComponent Unit, string Output)>> Built = new(() =>
    {
        var work = Directory.CreateTempSubdirectory("kubeflow-units-");
        try
        {
            // Overlays of this repository name the release on GitHub: their copies name the local one instead, by a
            // relative path (kustomize takes no absolute one) through a link beside them.
            File.CreateSymbolicLink(Path.Combine(work.FullName, "release"), KubeflowReleaseFactAttribute.Release!);
            return [.. KubeflowCatalog.For(KubeflowCatalog.Applications).Select(u => (u, Build(u.Directory, work.FullName)))];
        }
        finally
        {
            work.Delete(recursive: true);
        }
    });

    [KubeflowReleaseFact]
    public void EveryUnitsImages_AreWhatKustomizeBuildsFromThePinnedRelease()
    {
        foreach (var (unit, output) in Built.Value)
        {
            var workloads = Workloads(output);
            Assert.True(KubeflowImages.Workloads.GetValueOrDefault(unit.Name, []).Order(StringComparer.Ordinal).SequenceEqual(workloads), $"{unit.Name}: kustomize builds {string.Join(", ", workloads)}");
            foreach (var image in KubeflowImages.Embedded.GetValueOrDefault(unit.Name, []).Concat(KubeflowImages.Offered.GetValueOrDefault(unit.Name, [])))
            {
                Assert.True(output.Contains(image, StringComparison.Ordinal) || workloads.Contains(image), $"{unit.Name}: {image} is not in what kustomize builds");
            }
        }
    }

    [KubeflowReleaseFact]
    public void ThroughAMirror_EveryImageAUnitRunsNamesOrOffers_IsRewritten()
    {
        const string Mirror = "harbor.example.com/mirror";
        foreach (var (unit, output) in Built.Value)
        {
            var workloads = new Model.Planning.PlanTransform.MirrorImages(Mirror);
            var named = new Model.Planning.PlanTransform.MirrorNamedImages(Mirror, KubeflowImages.Named(unit.Name));
            var stream = new YamlStream();
            stream.Load(new StringReader(output));
            var strings = new List<string>();
            foreach (var document in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
            {
                var kind = document.Children.TryGetValue("kind", out var k) ? k.ToString() : string.Empty;
                var inputs = (System.Collections.Immutable.ImmutableDictionary<string, object?>)Tree(document)!;
                var token = kind switch { "Deployment" or "StatefulSet" or "DaemonSet" => $"kubernetes:apps/v1:{kind}", "Job" or "CronJob" => $"kubernetes:batch/v1:{kind}", _ => kind };
                if (workloads.Applies(token))
                {
                    inputs = (System.Collections.Immutable.ImmutableDictionary<string, object?>)workloads.Rewrite(inputs)!;
                }

                Strings(named.Rewrite(inputs) ?? inputs, strings);
            }

            foreach (var image in KubeflowImages.Workloads.GetValueOrDefault(unit.Name, []).Concat(KubeflowImages.Named(unit.Name)))
            {
                var pattern = new System.Text.RegularExpressions.Regex($"(?<![\\w./@:-]){System.Text.RegularExpressions.Regex.Escape(image)}(?![\\w.:@/-])");
                Assert.False(strings.Any(pattern.IsMatch), $"{unit.Name}: {image} is still named outside the mirror");
                Assert.True(strings.Any(s => s.Contains($"{Mirror}/{image}", StringComparison.Ordinal)), $"{unit.Name}: {image} is not named through the mirror");
            }
        }
    }

    // A YAML tree as the engine hands objects to a transform: maps, arrays and scalars.
    private static object? Tree(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.ToImmutableDictionary(e => e.Key.ToString(), e => Tree(e.Value), StringComparer.Ordinal),
        YamlSequenceNode items => items.Children.Select(Tree).ToImmutableArray(),
        YamlScalarNode scalar => scalar.Value,
        _ => null,
    };

    private static void Strings(object? value, List<string> into)
    {
        switch (value)
        {
            case System.Collections.Immutable.ImmutableDictionary<string, object?> map:
                foreach (var item in map.Values)
                {
                    Strings(item, into);
                }

                break;
            case System.Collections.Immutable.ImmutableArray<object?> items:
                foreach (var item in items)
                {
                    Strings(item, into);
                }

                break;
            case string text:
                into.Add(text);
                break;
        }
    }

    private static string Build(string directory, string work)
    {
        string folder;
        if (directory.StartsWith(KubeflowVersions.Repository, StringComparison.Ordinal))
        {
            folder = Path.Combine(work, "release", ReleasePath(directory));
        }
        else
        {
            var source = Path.Combine(AppContext.BaseDirectory, directory);
            folder = Path.Combine(work, directory.Replace('/', '-'));
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.GetFiles(source))
            {
                var text = File.ReadAllText(file);
                File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), System.Text.RegularExpressions.Regex.Replace(text, "- (https://github.com/kubeflow/manifests//[^\\s]+)", m => $"- ../release/{ReleasePath(m.Groups[1].Value)}"));
            }
        }

        using var process = Process.Start(new ProcessStartInfo(KubeflowReleaseFactAttribute.Kubectl!, ["kustomize", folder]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory}: {error.Result}");
        return output.Result;
    }

    private static string ReleasePath(string url) => url[(KubeflowVersions.Repository.Length + 2)..url.IndexOf('?', StringComparison.Ordinal)];

    private static string[] Workloads(string output)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(output));
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()
            .Where(d => d.Children.TryGetValue("kind", out var kind) && WorkloadKinds.Contains(kind.ToString()))
            .SelectMany(d => d.AllNodes.OfType<YamlMappingNode>())
            .Where(m => m.Children.ContainsKey("name") && m.Children.TryGetValue("image", out var image) && image is YamlScalarNode)
            .Select(m => m["image"].ToString())
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
