using System.Diagnostics;
using Infra.Model.Tests.Rendering;
using Infra.Model.Tests.Upstream;

namespace Infra.Model.Tests.Serving;

/// <summary>The InferenceServices the project template's deployment sends, from a team's serving-defaults, against KServe's CRD.</summary>
public sealed class TemplateInferenceServiceTests
{
    [PythonFact]
    public void TheTemplatesInferenceServices_FromProdsServingDefaults_ValidateAgainstKservesCrd()
    {
        var defaults = Rendered.Yaml("prod", "serving/fraud-detection/configmap-serving-defaults.yaml")["data"]!.ToJsonString();
        var script = $$"""
            import json, serving
            d = json.loads('{{defaults}}')
            uri = serving.model_folder(d, "fraud-classifier", "7")
            print(json.dumps([serving.inference_service("fraud-classifier", "fraud-detection", uri, d, c, g) for c, g in [(None, False), (10, False), (0, True)]]))
            """;
        var output = PythonFactAttribute.Run(script);
        var schema = UpstreamSchemas.Crd("kserve/inferenceservices.serving.kserve.io.yaml", "v1beta1");

        var manifests = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsArray();
        Assert.Equal(3, manifests.Count);
        Assert.All(manifests, m => Assert.Empty(UpstreamSchemas.Errors(schema, m!)));
        Assert.Equal("s3://mlops-prod-teams/fraud-detection/models/fraud-classifier/7", (string)manifests[0]!["spec"]!["predictor"]!["model"]!["storageUri"]!);
        var broken = manifests[1]!.DeepClone();
        broken["spec"]!["predictor"]!["canaryTraficPercent"] = 10;
        Assert.NotEmpty(UpstreamSchemas.Errors(schema, broken));
    }
}

/// <summary>Skips a fact where python3 or the upstream reference files are not here.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    /// <summary>Skips the fact where it cannot run.</summary>
    public PythonFactAttribute()
    {
        if (Python is null)
        {
            Skip = "python3 is not on the PATH: the project template's InferenceServices are made by its Python code";
        }
        else if (UpstreamSchemas.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>python3's path, where it is on the PATH.</summary>
    public static string? Python { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
        .Select(p => Path.Combine(p, "python3")).FirstOrDefault(File.Exists);

    /// <summary>The template's folder in the repository.</summary>
    public static string Template
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Infra.sln")))
                {
                    return Path.Combine(dir.FullName, "templates", "ml-project");
                }
            }

            throw new DirectoryNotFoundException("the repository's Infra.sln is not above the test's folder");
        }
    }

    /// <summary>The standard output of <paramref name="script"/>, run in the template's folder.</summary>
    public static string Run(string script)
    {
        using var process = Process.Start(new ProcessStartInfo(Python!, ["-c", script]) { WorkingDirectory = Template, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3: {error.Result}");
        return output.Result;
    }
}
