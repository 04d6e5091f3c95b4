using System.Runtime.InteropServices;

namespace CourseKit.Cli.Output;

/// <summary>
/// The kit's temporary folders and files, removed when the process is interrupted (Ctrl-C, SIGTERM,
/// SIGHUP) as well as on success and failure. A swap runs under the same lock as the interrupt's
/// clean-up, so an interrupt never lands between its two halves.
/// </summary>
internal static class TemporaryPaths
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Live = new(StringComparer.Ordinal);
    private static List<PosixSignalRegistration>? registrations;

    public static void Add(string path)
    {
        lock (Gate)
        {
            Live.Add(path);
            registrations ??= [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, OnSignal))];
        }
    }

    /// <summary>Deletes <paramref name="path"/> (if it is there) and forgets it.</summary>
    public static void Remove(string path)
    {
        Delete(path);
        lock (Gate) Live.Remove(path);
    }

    /// <summary>Runs <paramref name="action"/> where no interrupt's clean-up can run at the same time.</summary>
    public static void Atomically(Action action)
    {
        lock (Gate) action();
    }

    // The default action (ending the process) follows; this only removes what the kit had half-made.
    private static void OnSignal(PosixSignalContext context)
    {
        lock (Gate)
        {
            foreach (string path in Live) Delete(path);
            Live.Clear();
        }
    }

    private static void Delete(string path)
    {
        // A writer still running on another thread can add a file while the folder is being removed: try again.
        for (int attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
                else if (File.Exists(path)) File.Delete(path);
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(10);
            }
        }
    }
}
