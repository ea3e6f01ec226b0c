using System.Text;
using Infra.Cli.Output;
using Infra.Model.Kubernetes;
using Infra.Model.Stacks;
using Spectre.Console;

namespace Infra.Cli;

/// <summary>
/// <c>infractl images</c>: every image, chart, kustomization, bundle and file a stack pulls, as tables, as a list
/// of source and mirror references for <c>skopeo copy</c> or <c>crane copy</c>, as an imgpkg-style images lock, or
/// as JSON, so that a site fills its mirrors in one step before <c>pulumi up</c>.
/// </summary>
internal static class ImagesCommand
{
    /// <summary>The formats <c>--format</c> takes.</summary>
    public static readonly string[] Formats = ["text", "list", "lock", "json"];

    /// <summary>Prints what <paramref name="stack"/> pulls in <paramref name="format"/>.</summary>
    public static int Run(CliContext context, string stack, string? projectDir, string format)
    {
        var (config, exit) = StackLoader.Load(context, stack, projectDir, allowUnsetSecrets: true);
        if (config is null)
        {
            return exit;
        }

        var artifacts = StackArtifacts.For(config.Options);
        switch (format)
        {
            case "list":
                context.Out.Write(List(artifacts));
                break;
            case "lock":
                context.Out.Write(Lock(artifacts));
                break;
            case "json":
                context.Out.Write(Json(artifacts));
                break;
            default:
                Tables(context, stack, artifacts);
                break;
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// One line per image: its upstream reference, and where a mirror is set the reference to copy it to, as
    /// <c>grep -v '^#' | while read -r src dst; do skopeo copy --all "docker://$src" "docker://$dst"; done</c> reads
    /// them; an image whose tag the chart writes itself is a comment saying so.
    /// </summary>
    public static string List(StackArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var text = new StringBuilder();
        foreach (var image in artifacts.Images)
        {
            if (image.TagFrom is not null)
            {
                // No tag to copy by: a comment, which the loop's read skips, says where the tag is written.
                text.Append("# ").Append(image.Image.ToString()).Append(": at the tag ").Append(image.TagFrom).Append(" writes\n");
                continue;
            }

            text.Append(image.Image.ToString());
            if (artifacts.Mirror is not null)
            {
                text.Append(' ').Append(Destination(artifacts.InMirror(image)));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    // A copy's destination names the tag where there is one (registries take a tag or a digest, not both).
    private static string Destination(ImageReference image) =>
        image.Tag is not null ? $"{image.Name}:{image.Tag}" : image.ToString();

    /// <summary>
    /// The images as an imgpkg <c>ImagesLock</c>: each reference (by digest where it is pinned so), with what uses it
    /// and the reference it is pulled as.
    /// </summary>
    public static string Lock(StackArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var text = new StringBuilder("apiVersion: imgpkg.carvel.dev/v1alpha1\nkind: ImagesLock\nimages:\n");
        foreach (var image in artifacts.Images)
        {
            var reference = image.Image.ByDigest ? $"{image.Image.Name}@{image.Image.Digest}" : image.Image.ToString();
            text.Append("- image: ").Append(reference).Append('\n')
                .Append("  annotations:\n")
                .Append("    kbld.carvel.dev/id: ").Append(image.Image.ToString()).Append('\n')
                .Append("    mlops.platform/used-by: ").Append(Quoted(image.UsedBy)).Append('\n');
            if (artifacts.Mirror is not null)
            {
                text.Append("    mlops.platform/pulled-as: ").Append(artifacts.PulledAs(image).ToString()).Append('\n');
            }
        }

        return text.ToString();
    }

    // A YAML double-quoted scalar.
    private static string Quoted(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    /// <summary>Everything as JSON: the mirror, the images with their parts, the charts and the sources.</summary>
    public static string Json(StackArtifacts artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        return JsonText.Of(indented: true, json =>
        {
            json.WriteStartObject();
            Nullable(json, "mirror", artifacts.Mirror);
            Objects(json, "images", artifacts.Images, image =>
            {
                json.WriteString("reference", image.Image.ToString());
                json.WriteString("registry", image.Image.Registry);
                json.WriteString("repository", image.Image.Repository);
                Nullable(json, "tag", image.Image.Tag);
                Nullable(json, "digest", image.Image.Digest);
                json.WriteString("mirrored", artifacts.InMirror(image).ToString());
                json.WriteString("pulledAs", artifacts.PulledAs(image).ToString());
                json.WriteBoolean("rewritten", image.Rewritten);
                json.WriteString("usedBy", image.UsedBy);
            });
            Objects(json, "charts", artifacts.Charts, chart =>
            {
                json.WriteString("repository", chart.Repository);
                json.WriteString("chart", chart.Name);
                json.WriteString("version", chart.Version);
                json.WriteString("release", chart.Release);
                json.WriteString("from", chart.From);
            });
            Objects(json, "sources", artifacts.Sources, source =>
            {
                json.WriteString("kind", source.Kind);
                json.WriteString("location", source.Location);
                json.WriteString("usedBy", source.UsedBy);
                json.WriteString("from", source.From ?? source.Location);
            });
            json.WriteEndObject();
        }) + "\n";
    }

    // An array of one object per item, each written by its fields.
    private static void Objects<T>(System.Text.Json.Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> fields)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            fields(item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Nullable(System.Text.Json.Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Tables(CliContext context, string stack, StackArtifacts artifacts)
    {
        var digests = artifacts.Images.Count(i => i.Image.ByDigest);
        context.Out.WriteLine($"Stack {stack} pulls {artifacts.Images.Length} images ({digests} by digest), {artifacts.Charts.Length} charts and {artifacts.Sources.Length} other sources"
            + (artifacts.Mirror is { } mirror ? $"; images through {mirror}." : "; no registry mirror is set."));
        var images = new Table().Title("Images").AddColumn("registry").AddColumn("repository").AddColumn("tag").AddColumn("digest").AddColumn("pulled").AddColumn("used by");
        foreach (var image in artifacts.Images)
        {
            images.AddRow(Markup.Escape(image.Image.Registry), Markup.Escape(image.Image.Repository), Markup.Escape(image.Image.Tag ?? "-"), Markup.Escape(image.Image.Digest ?? "-"), artifacts.Mirror is null ? "-" : image.Rewritten ? "through the mirror" : "by its own name", Markup.Escape(image.UsedBy));
        }

        var charts = new Table().Title("Charts").AddColumn("repository").AddColumn("chart").AddColumn("version").AddColumn("release").AddColumn("installed from");
        foreach (var chart in artifacts.Charts)
        {
            charts.AddRow(Markup.Escape(chart.Repository), Markup.Escape(chart.Name), Markup.Escape(chart.Version), Markup.Escape(chart.Release), chart.From == chart.Repository ? "-" : Markup.Escape(chart.From));
        }

        var sources = new Table().Title("Kustomizations, bundles and files").AddColumn("kind").AddColumn("location").AddColumn("used by").AddColumn("fetched from");
        foreach (var source in artifacts.Sources)
        {
            sources.AddRow(Markup.Escape(source.Kind), Markup.Escape(source.Location), Markup.Escape(source.UsedBy), source.From is null || source.From == source.Location ? "-" : Markup.Escape(source.From));
        }

        context.Console.Write(images);
        context.Console.Write(charts);
        context.Console.Write(sources);
    }
}
