using System.Text.Json;
using Infra.Cli.Output;
using Infra.Model.Kubernetes;
using Infra.Model.Stacks;
using Infra.Model.Tanzu;
using Spectre.Console;

namespace Infra.Cli;

/// <summary>
/// <c>infractl versions</c>: every pinned release on the workload cluster with the Kubernetes versions its upstream
/// supports and where it says so, and which components each Tanzu release of the catalog leaves out.
/// </summary>
internal static class VersionsMatrix
{
    /// <summary>Prints the matrix as text or JSON.</summary>
    public static int Print(CliContext context, string format)
    {
        if (format == "json")
        {
            context.Out.Write(Json());
            return ExitCodes.Ok;
        }

        var components = new Table().Title("Pinned releases").AddColumn("component").AddColumn("version").AddColumn("Kubernetes").AddColumn("source");
        foreach (var c in Compatibility.Matrix)
        {
            components.AddRow(Markup.Escape(c.Component), Markup.Escape(c.Version), Markup.Escape(c.Ranges), Markup.Escape(c.Source));
        }

        var releases = new Table().Title("Tanzu releases").AddColumn("release").AddColumn("Kubernetes").AddColumn("not run by").AddColumn("only tested by");
        foreach (var release in TanzuReleases.All)
        {
            var unsupported = Compatibility.Unsupported(release, Compatibility.Matrix);
            releases.AddRow(
                Markup.Escape(release.Name + (release == TanzuReleases.Default ? " (default)" : string.Empty)),
                Markup.Escape(release.KubernetesVersion),
                Markup.Escape(Names(unsupported)),
                Markup.Escape(Names(Compatibility.OnlyTested(release, Compatibility.Matrix))));
        }

        context.Console.Write(components);
        context.Console.Write(releases);
        return ExitCodes.Ok;
    }

    private static string Names(IEnumerable<ComponentRelease> components) =>
        components.Any() ? string.Join(", ", components.Select(c => c.Component)) : "-";

    /// <summary>The matrix as JSON.</summary>
    public static string Json()
    {
        return JsonText.Of(indented: true, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("components");
            foreach (var c in Compatibility.Matrix)
            {
                json.WriteStartObject();
                json.WriteString("component", c.Component);
                json.WriteString("version", c.Version);
                Range(json, "supported", c.Supported);
                if (c.Tested is { } tested)
                {
                    Range(json, "tested", tested);
                }

                json.WriteString("source", c.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("tanzuReleases");
            foreach (var release in TanzuReleases.All)
            {
                json.WriteStartObject();
                json.WriteString("release", release.Name);
                json.WriteString("kubernetes", release.KubernetesVersion);
                json.WriteBoolean("default", release == TanzuReleases.Default);
                Components(json, "notRunBy", Compatibility.Unsupported(release, Compatibility.Matrix));
                Components(json, "onlyTestedBy", Compatibility.OnlyTested(release, Compatibility.Matrix));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }) + "\n";

        static void Components(Utf8JsonWriter json, string name, IEnumerable<ComponentRelease> components)
        {
            json.WriteStartArray(name);
            foreach (var c in components)
            {
                json.WriteStringValue(c.Component);
            }

            json.WriteEndArray();
        }

        static void Range(Utf8JsonWriter json, string name, KubernetesRange range)
        {
            json.WriteStartObject(name);
            Minor(json, "minimum", range.Minimum);
            Minor(json, "maximum", range.Maximum);
            json.WriteEndObject();
        }

        static void Minor(Utf8JsonWriter json, string name, Version? version)
        {
            if (version is null)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteString(name, version.ToString());
            }
        }
    }
}
