using Infra.Model.Rendering;

namespace Infra.Cli;

/// <summary>
/// Writes a render as a whole or not at all: into a new folder beside <c>--out</c>, moved into place once every
/// file is written. An existing folder is replaced only where every file in it is one an earlier render wrote (as
/// the manifest it left there lists them), so no stale file survives and no file of the user's is lost; with
/// <c>--force</c> it is replaced whatever it holds.
/// </summary>
internal static class RenderFolder
{
    /// <summary>The manifest a render leaves in its folder: the files it wrote, one per line, so the next render may replace them.</summary>
    public const string Marker = ".infractl-render";

    /// <summary>Writes <paramref name="files"/> into <paramref name="folder"/>; returns the paths written, in order.</summary>
    /// <exception cref="CliException">The folder cannot be written, or holds files no render wrote; nothing was changed.</exception>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<RenderedFile> files, bool force = false)
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

        if (!force && Directory.Exists(folder) && Foreign(folder) is { Count: > 0 } foreign)
        {
            var shown = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : string.Empty);
            throw new CliException($"--out {folder} holds files that no render wrote ({shown}), and a render replaces its folder as a whole. Give a new or empty folder, or pass --force to replace it with what it holds.");
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

            File.WriteAllText(Path.Combine(staging, Marker), "# Written by 'infractl render': the files below. The next render replaces them; it refuses a folder with others in it.\n"
                + string.Concat(written.Select(w => Path.GetRelativePath(folder, w).Replace('\\', '/') + "\n")));
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

    // The files in an existing --out that its manifest does not list (all of them where it has none).
    private static List<string> Foreign(string folder)
    {
        var manifest = Path.Combine(folder, Marker);
        var listed = File.Exists(manifest)
            ? File.ReadAllLines(manifest).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : [];
        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != Marker && !listed.Contains(f))
            .Order(StringComparer.Ordinal)];
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
