using System.ComponentModel;
using System.Diagnostics;

namespace Infra.Cli;

/// <summary>Draws Graphviz text as an SVG or PNG image with Graphviz's own <c>dot</c>, where it is installed.</summary>
internal static class GraphvizImage
{
    /// <summary>Writes the image of <paramref name="dot"/> to <paramref name="path"/>.</summary>
    /// <exception cref="CliException">Graphviz is not installed, or it failed; nothing is written then.</exception>
    public static void Draw(string dot, string format, string path)
    {
        var start = new ProcessStartInfo("dot")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"-T{format}");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new CliException($"--format {format} needs Graphviz's 'dot' on the PATH, and it is not there. Install Graphviz (apt-get install graphviz, brew install graphviz), or write --format dot and draw it elsewhere.");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            using var image = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(image);
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            copy.GetAwaiter().GetResult();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new CliException($"Graphviz's dot failed (exit {process.ExitCode}): {error.GetAwaiter().GetResult().Trim()}", ExitCodes.Internal);
            }

            try
            {
                File.WriteAllBytes(path, image.ToArray());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out {path} could not be written: {ex.Message}", ExitCodes.Usage, ex);
            }
        }
    }
}
