using System.Runtime.InteropServices;

namespace CourseKit.Cli.Output;

/// <summary>
/// The folder a command writes its results into (<c>--out</c>), written so that nothing the kit did not
/// create is ever deleted or overwritten. An existing folder is accepted only when it is a previous
/// output of the same command (it holds the <see cref="ManifestName"/> file the kit writes); anything
/// else is refused before any work starts. The command writes into a fresh folder beside the target
/// (<see cref="Path"/>); <see cref="Commit"/> swaps it in by rename, so at every moment either the old
/// or the new output is in place; a folder that is never committed is removed, on Ctrl-C too.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    /// <summary>The marker file in every output folder; its first line is <c>coursekit COMMAND</c>.</summary>
    public const string ManifestName = ".coursekit-output";

    private bool finished;

    private OutputFolder(string target, string command, string flag, string temporary)
    {
        Target = target;
        Command = command;
        Flag = flag;
        Path = temporary;
    }

    /// <summary>Where the results end up.</summary>
    public string Target { get; }

    /// <summary>The command that owns the folder (<c>lab</c>, <c>run</c>, <c>export</c>).</summary>
    public string Command { get; }

    /// <summary>The flag that named the folder, for messages.</summary>
    public string Flag { get; }

    /// <summary>The folder to write into now; it becomes <see cref="Target"/> on <see cref="Commit"/>.</summary>
    public string Path { get; }

    /// <summary>
    /// Checks <paramref name="target"/> and makes the folder to write into, before the command does any work.
    /// </summary>
    /// <param name="target">The folder named by the user (relative to the current folder).</param>
    /// <param name="command">The command writing it; a previous output of another command is refused too.</param>
    /// <param name="flag">The flag that named it, for messages.</param>
    /// <param name="keepPrevious">Start from a copy of the previous output (for <c>run</c>, which adds executed copies to its folder).</param>
    /// <exception cref="UsageException">The target is a file, a folder the kit did not write, or cannot be written.</exception>
    public static OutputFolder Begin(string target, string command, string flag = "--out", bool keepPrevious = false)
    {
        string full = Full(target, flag);
        if (File.Exists(full)) throw new UsageException($"{flag}: {full} is a file, not a folder; name a folder.");
        if (Directory.Exists(full)) CheckOwned(full, command, flag);

        string parent = System.IO.Path.GetDirectoryName(full) ?? throw new UsageException($"{flag}: {full} is a root folder; name a folder inside it.");
        string temporary = TemporaryName(full);
        try
        {
            Directory.CreateDirectory(parent);
            TemporaryPaths.Add(temporary);
            Directory.CreateDirectory(temporary);
            File.WriteAllText(System.IO.Path.Combine(temporary, ManifestName), $"coursekit {command}\nThis folder was written by 'coursekit {command}'; running it again with the same --out replaces the folder.\n");
            if (keepPrevious && Directory.Exists(full)) CopyContents(full, temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TemporaryPaths.Remove(temporary);
            throw new UsageException($"{flag}: cannot write the folder {full}: {e.Message}");
        }

        return new OutputFolder(full, command, flag, temporary);
    }

    /// <summary>The command whose output <paramref name="folder"/> is, or null when the kit did not write it.</summary>
    public static string? OwnerOf(string folder)
    {
        string manifest = System.IO.Path.Combine(folder, ManifestName);
        if (!File.Exists(manifest)) return null;
        try
        {
            using var reader = new StreamReader(manifest);
            string? first = reader.ReadLine();
            return first is not null && first.StartsWith("coursekit ", StringComparison.Ordinal) ? first["coursekit ".Length..].Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Puts the written folder in place of <see cref="Target"/>: by one atomic exchange where the system has it
    /// (Linux), else by two renames that are undone if the second fails; then removes the previous output.
    /// </summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        string? previous = null;
        TemporaryPaths.Atomically(() =>
        {
            if (Directory.Exists(Target) || File.Exists(Target))
            {
                CheckOwned(Target, Command, Flag); // something else may have appeared there while the command ran
                if (Exchange(Path, Target))
                {
                    previous = Path; // now holds the old output
                    return;
                }

                previous = Path + ".old";
                TemporaryPaths.Add(previous);
                Directory.Move(Target, previous);
                try
                {
                    Directory.Move(Path, Target);
                }
                catch
                {
                    Directory.Move(previous, Target);
                    throw;
                }
            }
            else
            {
                Directory.Move(Path, Target);
            }
        });
        finished = true;
        if (previous is not null) TemporaryPaths.Remove(previous);
        if (previous != Path) TemporaryPaths.Remove(Path);
    }

    /// <summary>Removes the written folder unless it was committed: the previous output stays as it was.</summary>
    public void Dispose()
    {
        if (finished) return;
        finished = true;
        TemporaryPaths.Remove(Path);
    }

    internal static string Full(string target, string flag)
    {
        if (string.IsNullOrWhiteSpace(target)) throw new UsageException($"{flag}: give a folder name.");
        try
        {
            return System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(target));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{flag}: '{target}' is not a usable path: {e.Message}");
        }
    }

    private static void CheckOwned(string full, string command, string flag)
    {
        if (File.Exists(full)) throw new UsageException($"{flag}: {full} is a file, not a folder; name a folder.");
        string? owner = OwnerOf(full);
        if (owner is null)
            throw new UsageException($"{flag}: {full} already exists and was not written by coursekit (it has no {ManifestName} file); "
                                     + "the kit never replaces a folder it did not create. Name a new folder.");
        if (owner != command)
            throw new UsageException($"{flag}: {full} holds the output of 'coursekit {owner}', not of 'coursekit {command}'; name another folder.");
    }

    /// <summary>A hidden name beside <paramref name="full"/>, unique to this process and call.</summary>
    internal static string TemporaryName(string full)
    {
        string name = System.IO.Path.GetFileName(full);
        if (name.Length > 150) name = name[..150]; // room for the suffix within a file name's 255 bytes
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{name}.coursekit-tmp-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
    }

    private static void CopyContents(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = System.IO.Path.GetRelativePath(from, file);
            if (relative == ManifestName) continue;
            string destination = System.IO.Path.Combine(to, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    // renameat2(RENAME_EXCHANGE) swaps two paths in one step: no moment where neither exists.
    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
