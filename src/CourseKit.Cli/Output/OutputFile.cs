namespace CourseKit.Cli.Output;

/// <summary>
/// A single file a command writes (<c>trace --html FILE</c>), with the rules of <see cref="OutputFolder"/>:
/// an existing file is replaced only when the kit wrote it (its text holds <see cref="Marker"/>), a folder
/// or a foreign file is refused before any work, and the new file is written beside the target and
/// renamed over it, so the old one stays whole until the new one is complete.
/// </summary>
public sealed class OutputFile : IDisposable
{
    private bool finished;

    private OutputFile(string target, string marker, string temporary)
    {
        Target = target;
        Marker = marker;
        Path = temporary;
    }

    /// <summary>Where the file ends up.</summary>
    public string Target { get; }

    /// <summary>Text the kit puts in every file of this kind, by which it knows a previous output.</summary>
    public string Marker { get; }

    /// <summary>The file to write now; it becomes <see cref="Target"/> on <see cref="Commit"/>.</summary>
    public string Path { get; }

    /// <summary>Checks <paramref name="target"/> and makes the file to write into, before the command does any work.</summary>
    /// <exception cref="UsageException">The target is a folder, a file the kit did not write, or cannot be written.</exception>
    public static OutputFile Begin(string target, string marker, string flag)
    {
        string full = OutputFolder.Full(target, flag);
        if (Directory.Exists(full)) throw new UsageException($"{flag}: {full} is a folder; name a file (say chart.html).");
        if (File.Exists(full) && !HasMarker(full, marker))
            throw new UsageException($"{flag}: {full} already exists and was not written by coursekit; the kit never overwrites a file it did not create. Name a new file.");

        string temporary = OutputFolder.TemporaryName(full);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            TemporaryPaths.Add(temporary);
            File.WriteAllText(temporary, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TemporaryPaths.Remove(temporary);
            throw new UsageException($"{flag}: cannot write the file {full}: {e.Message}");
        }

        return new OutputFile(full, marker, temporary);
    }

    /// <summary>Renames the written file over <see cref="Target"/> (one atomic step).</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        if (!HasMarker(Path, Marker)) throw new InvalidOperationException($"The file written for {Target} lacks its marker '{Marker}'.");
        TemporaryPaths.Atomically(() =>
        {
            if (File.Exists(Target) && !HasMarker(Target, Marker))
                throw new UsageException($"{Target} appeared while the command ran and was not written by coursekit; it was left as it is.");
            File.Move(Path, Target, overwrite: true);
        });
        finished = true;
        TemporaryPaths.Remove(Path);
    }

    /// <summary>Removes the written file unless it was committed.</summary>
    public void Dispose()
    {
        if (finished) return;
        finished = true;
        TemporaryPaths.Remove(Path);
    }

    // The marker sits near the top of the files the kit writes; reading 4 KB keeps a large foreign file cheap.
    private static bool HasMarker(string path, string marker)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[4096];
            int read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read).Contains(marker, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
