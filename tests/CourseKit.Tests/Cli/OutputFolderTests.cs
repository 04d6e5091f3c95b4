using CourseKit.Cli;
using CourseKit.Cli.Output;

namespace CourseKit.Tests.Cli;

public class OutputFolderTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("coursekit-out").FullName;

    [Fact]
    public void A_folder_the_kit_did_not_write_is_refused_and_survives_byte_for_byte()
    {
        string root = Temp();
        string target = FolderSnapshot.Foreign(Path.Combine(root, "mine"));
        var before = FolderSnapshot.Take(root);

        var e = Assert.Throws<UsageException>(() => OutputFolder.Begin(target, "lab"));

        Assert.Contains("--out", e.Message);
        Assert.Contains(target, e.Message);
        FolderSnapshot.AssertUnchanged(before, root);
    }

    [Fact]
    public void A_file_is_refused()
    {
        string root = Temp();
        string file = Path.Combine(root, "results");
        File.WriteAllText(file, "not a folder");

        var e = Assert.Throws<UsageException>(() => OutputFolder.Begin(file, "lab"));

        Assert.Contains("is a file", e.Message);
        Assert.Equal("not a folder", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void A_folder_that_cannot_be_made_is_refused_before_any_work()
    {
        string root = Temp();
        string file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "x");

        var e = Assert.Throws<UsageException>(() => OutputFolder.Begin(Path.Combine(file, "inside"), "lab"));

        Assert.Contains("cannot write", e.Message);
        Assert.Equal([file], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void A_new_output_is_marked_and_nothing_else_is_left_beside_it()
    {
        string root = Temp();
        string target = Path.Combine(root, "results");
        using (var output = OutputFolder.Begin(target, "lab"))
        {
            Assert.False(Directory.Exists(target)); // nothing at the target until the commit
            File.WriteAllText(Path.Combine(output.Path, "results.csv"), "a,b\n");
            output.Commit();
        }

        Assert.Equal([target], Directory.GetFileSystemEntries(root));
        Assert.Equal("lab", OutputFolder.OwnerOf(target));
        Assert.Equal("a,b\n", File.ReadAllText(Path.Combine(target, "results.csv")));
    }

    [Fact]
    public void A_previous_output_of_the_same_command_is_replaced_whole()
    {
        string root = Temp();
        string target = Path.Combine(root, "results");
        Write(target, "lab", "old.csv", "old");

        Write(target, "lab", "new.csv", "new");

        Assert.Equal([target], Directory.GetFileSystemEntries(root));
        Assert.Equal([OutputFolder.ManifestName, "new.csv"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_output_that_is_not_committed_is_removed_and_the_previous_one_stays()
    {
        string root = Temp();
        string target = Path.Combine(root, "results");
        Write(target, "export", "index.html", "old");
        var before = FolderSnapshot.Take(root);

        using (var output = OutputFolder.Begin(target, "export"))
        {
            File.WriteAllText(Path.Combine(output.Path, "half.html"), "half");
            Assert.True(Directory.Exists(output.Path));
        } // a failure: no Commit

        FolderSnapshot.AssertUnchanged(before, root);
    }

    [Fact]
    public void Another_commands_output_is_refused()
    {
        string root = Temp();
        string target = Path.Combine(root, "results");
        Write(target, "export", "index.html", "old");

        var e = Assert.Throws<UsageException>(() => OutputFolder.Begin(target, "lab"));

        Assert.Contains("coursekit export", e.Message);
    }

    [Fact]
    public void Keep_previous_starts_from_a_copy_of_the_old_files()
    {
        string root = Temp();
        string target = Path.Combine(root, "out");
        Write(target, "run", "01.ipynb", "one");

        using (var output = OutputFolder.Begin(target, "run", keepPrevious: true))
        {
            File.WriteAllText(Path.Combine(output.Path, "02.ipynb"), "two");
            output.Commit();
        }

        Assert.Equal("one", File.ReadAllText(Path.Combine(target, "01.ipynb")));
        Assert.Equal("two", File.ReadAllText(Path.Combine(target, "02.ipynb")));
        Assert.Equal([target], Directory.GetFileSystemEntries(root));
    }

    [Fact]
    public void A_folder_that_appears_during_the_work_is_not_replaced()
    {
        string root = Temp();
        string target = Path.Combine(root, "results");
        using var output = OutputFolder.Begin(target, "lab");
        FolderSnapshot.Foreign(target); // the student made it while the lab trained
        var before = FolderSnapshot.Take(target);

        Assert.Throws<UsageException>(output.Commit);

        FolderSnapshot.AssertUnchanged(before, target);
    }

    [Fact]
    public void An_output_file_replaces_only_a_file_with_its_marker()
    {
        string root = Temp();
        string foreign = Path.Combine(root, "chart.html");
        File.WriteAllText(foreign, "<html>my own page</html>");
        const string marker = "<meta name=\"generator\" content=\"coursekit test\">";

        Assert.Throws<UsageException>(() => OutputFile.Begin(foreign, marker, "--html"));
        Assert.Contains("is a folder", Assert.Throws<UsageException>(() => OutputFile.Begin(root, marker, "--html")).Message);
        Assert.Equal("<html>my own page</html>", File.ReadAllText(foreign));

        string ours = Path.Combine(root, "ours.html");
        foreach (string text in new[] { "first", "second" })
        {
            using var file = OutputFile.Begin(ours, marker, "--html");
            File.WriteAllText(file.Path, marker + text);
            file.Commit();
        }

        Assert.Equal(marker + "second", File.ReadAllText(ours));
        Assert.Equal([foreign, ours], Directory.GetFileSystemEntries(root).Order(StringComparer.Ordinal));
    }

    private static void Write(string target, string command, string name, string text)
    {
        using var output = OutputFolder.Begin(target, command);
        File.WriteAllText(Path.Combine(output.Path, name), text);
        output.Commit();
    }
}
