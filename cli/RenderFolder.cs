using Infra.Model.Rendering;

namespace Infra.Cli;

/// <summary>
/// Writes a render as a whole or not at all: into a new folder beside <c>--out</c>, moved into place once every
/// file is written. A folder is only replaced if it is empty or an earlier render wrote it (it holds the marker).
/// </summary>
internal static class RenderFolder
{
    /// <summary>The file a render leaves in its folder, so that the next render may replace the folder.</summary>
    public const string Marker = ".infractl-render";

    /// <summary>Writes <paramref name="files"/> into <paramref name="folder"/>; returns the paths written, in order.</summary>
    /// <exception cref="CliException">The folder cannot be written, or holds files no render wrote; nothing was changed.</exception>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<RenderedFile> files)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        var name = Path.GetFileName(folder);
        var parent = Path.GetDirectoryName(folder);
        if (parent is null || name.Length == 0)
        {
            throw new CliException($"--out {folder} is the root of the file system. Give a folder of its own, such as --out rendered.");
        }

        if (name.Length > 200)
        {
            throw new CliException($"--out: the folder name is {name.Length} characters long, more than the 200 this allows (file systems stop at 255, and the files inside need room). Give a shorter name.");
        }

        for (var at = folder; at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                throw new CliException(at == folder
                    ? $"--out {folder} is a file, not a folder. Give a folder to write to, such as --out rendered."
                    : $"--out {folder} lies below {at}, which is a file. Give a folder to write to, such as --out rendered.");
            }
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any() && !File.Exists(Path.Combine(folder, Marker)))
        {
            throw new CliException($"--out {folder} holds files that no render wrote, and a render replaces its folder as a whole. Give a new or empty folder.");
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var staging = Path.Combine(parent, $".{name}.render-{suffix}");
        var previous = Path.Combine(parent, $".{name}.previous-{suffix}");
        try
        {
            Directory.CreateDirectory(staging);
            var written = new List<string>(files.Count);
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(staging, file.Name));
                if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The rendered file name '{file.Name}' leaves its folder.");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
                written.Add(Path.Combine(folder, Path.GetRelativePath(staging, path)));
            }

            File.WriteAllText(Path.Combine(staging, Marker), "Written by 'infractl render'; the next render replaces this folder as a whole.\n");
            if (Directory.Exists(folder))
            {
                Directory.Move(folder, previous);
            }

            try
            {
                Directory.Move(staging, folder);
            }
            catch
            {
                if (Directory.Exists(previous))
                {
                    Directory.Move(previous, folder);
                }

                throw;
            }

            if (Directory.Exists(previous))
            {
                Directory.Delete(previous, recursive: true);
            }

            return written;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            throw new CliException($"--out {folder} could not be written: {ex.Message} Nothing was changed there. Check that you may write in {parent} and that its disk has room.", ExitCodes.Usage, ex);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind as a hidden folder beside --out; the error above is what matters.
        }
    }
}
