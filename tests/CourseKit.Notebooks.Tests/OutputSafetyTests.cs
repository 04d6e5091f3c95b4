using System.CommandLine;
using System.Security.Cryptography;
using CourseKit.Cli;
using CourseKit.Cli.Commands;

namespace CourseKit.Notebooks.Tests;

/// <summary>run and export never delete or overwrite what the kit did not write, and never leave half a folder (issue 13).</summary>
public class OutputSafetyTests
{
    private static (int Code, string Out, string Err) Cli(Command command, params string[] args)
    {
        var root = new RootCommand { command };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ExitCodes.Run(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Foreign(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "thesis.txt"), "Chapter 1.\n");
        File.WriteAllText(Path.Combine(folder, "sub", "notes.md"), "# notes\n");
        return folder;
    }

    private static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(folder, p), p => File.Exists(p) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "/"), StringComparer.Ordinal);

    private static string Notebook(string folder, string name, params string[] code)
    {
        string path = Path.Combine(folder, name);
        var cells = new System.Text.Json.Nodes.JsonArray(code.Select((c, i) => (System.Text.Json.Nodes.JsonNode)NotebookSetup.CodeCell($"c{i}", c)).ToArray());
        File.WriteAllText(path, NotebookSetup.Notebook(cells).ToJsonString());
        return path;
    }

    [Theory]
    [InlineData("run")]
    [InlineData("export")]
    public void A_folder_with_foreign_files_is_refused_before_any_cell_runs_and_survives_byte_for_byte(string name)
    {
        string folder = Repository.TempFolder("safe-" + name);
        string notebook = Notebook(folder, "nb.ipynb", "System.IO.File.WriteAllText(\"ran.txt\", \"ran\");");
        string target = Foreign(Path.Combine(folder, "mine"));
        var before = Snapshot(folder);

        Command command = name == "run" ? RunCommand.Create() : ExportCommand.Create();
        var (code, _, error) = Cli(command, name, notebook, "--out", target);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--out", error);
        Assert.Contains("not written by coursekit", error);
        Assert.Equal(before, Snapshot(folder)); // the cell did not run either: no ran.txt
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("export")]
    public void Out_dot_inside_the_checkout_is_refused(string name)
    {
        string folder = Repository.TempFolder("dot-" + name);
        string notebook = Notebook(folder, "nb.ipynb", "1");
        string previous = Directory.GetCurrentDirectory();
        var before = Directory.GetFileSystemEntries(Repository.Root).Order(StringComparer.Ordinal).ToArray();
        (int Code, string Out, string Err) result;
        try
        {
            Directory.SetCurrentDirectory(Repository.Root); // tests here run one at a time
            result = Cli(name == "run" ? RunCommand.Create() : ExportCommand.Create(), name, notebook, "--out", ".");
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }

        Assert.Equal(ExitCodes.Usage, result.Code);
        Assert.Contains(Repository.Root, result.Err);
        Assert.Equal(before, Directory.GetFileSystemEntries(Repository.Root).Order(StringComparer.Ordinal).ToArray());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Run_adds_to_its_own_folder_and_keeps_the_earlier_executed_copies()
    {
        string folder = Repository.TempFolder("safe-run-again");
        string one = Notebook(folder, "one.ipynb", "1 + 1");
        string two = Notebook(folder, "two.ipynb", "2 + 2");
        string target = Path.Combine(folder, "done");

        Assert.Equal(ExitCodes.Success, Cli(RunCommand.Create(), "run", one, "--out", target).Code);
        Assert.Equal(ExitCodes.Success, Cli(RunCommand.Create(), "run", two, "--out", target).Code);

        Assert.Equal([".coursekit-output", "one.ipynb", "two.ipynb"], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["done", "one.ipynb", "two.ipynb"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_failing_export_leaves_no_folder_behind_and_the_previous_export_as_it_was()
    {
        string folder = Repository.TempFolder("safe-export-fail");
        string good = Notebook(folder, "good.ipynb", "1 + 1");
        string bad = Notebook(folder, "bad.ipynb", "1 + 1", "int x = \"not a number\";");
        string target = Path.Combine(folder, "export");

        var first = Cli(ExportCommand.Create(), "export", bad, "--out", target);
        Assert.Equal(ExitCodes.Failed, first.Code);
        Assert.False(Directory.Exists(target), "a failed first export writes nothing");

        Assert.Equal(ExitCodes.Success, Cli(ExportCommand.Create(), "export", good, "--out", target).Code);
        var before = Snapshot(folder);
        var again = Cli(ExportCommand.Create(), "export", good, bad, "--out", target);

        Assert.Equal(ExitCodes.Failed, again.Code);
        Assert.Contains("still holds the previous export", again.Err);
        Assert.Equal(before, Snapshot(folder));
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("not json at all")]
    [InlineData("{\"nbformat\": \"4\", \"cells\": []}")]
    [InlineData("{\"nbformat\": 4, \"cells\": [7]}")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": [1, 2]}]}")]
    public void A_file_that_is_not_a_notebook_is_one_sentence_naming_it(string text)
    {
        string folder = Repository.TempFolder("not-a-notebook");
        string path = Path.Combine(folder, "broken.ipynb");
        File.WriteAllText(path, text);

        foreach (Command command in new Command[] { RunCommand.Create(), ExportCommand.Create() })
        {
            var (code, _, error) = Cli(command, command.Name, path, "--out", Path.Combine(folder, "out"));
            Assert.Equal(ExitCodes.Usage, code);
            Assert.Contains("broken.ipynb", error);
            Assert.DoesNotContain("   at ", error);
            Assert.Single(error.Trim().Split('\n'));
        }

        Assert.Equal(["broken.ipynb"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Directory.Delete(folder, recursive: true);
    }
}
