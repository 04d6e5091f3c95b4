using System.Security.Cryptography;

namespace CourseKit.Tests.Cli;

/// <summary>Every file under a folder with a hash of its bytes: two snapshots are equal when nothing changed.</summary>
internal static class FolderSnapshot
{
    /// <summary>A folder as a student might have it: files the kit did not write, one in a sub-folder.</summary>
    public static string Foreign(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "thesis.txt"), "Chapter 1. Why Adam needs bias correction.\n");
        File.WriteAllText(Path.Combine(folder, "sub", "notes.md"), "# notes\n\n- ask about ρ₂\n");
        return folder;
    }

    public static SortedDictionary<string, string> Take(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(folder, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        foreach (string dir in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(folder, dir) + "/"] = "";
        return files;
    }

    public static void AssertUnchanged(SortedDictionary<string, string> before, string folder) =>
        Assert.Equal(before, Take(folder));
}
