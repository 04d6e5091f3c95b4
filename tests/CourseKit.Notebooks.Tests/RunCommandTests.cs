using System.CommandLine;
using System.Text.Json.Nodes;
using CourseKit.Cli;
using CourseKit.Cli.Commands;

namespace CourseKit.Notebooks.Tests;

/// <summary><c>coursekit run</c>: progress per cell, exit 1 naming notebook and cell, exit 2 on bad usage.</summary>
public class RunCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand { RunCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ExitCodes.Run(root, ["run", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Notebook(string folder, string name, params JsonObject[] cells)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, NotebookSetup.Notebook(new JsonArray(cells)).ToJsonString());
        return path;
    }

    [Fact]
    public void A_good_notebook_exits_0_with_a_line_per_cell_and_an_executed_copy()
    {
        string folder = Repository.TempFolder("cli-ok");
        string path = Notebook(folder, "ok.ipynb", NotebookSetup.CodeCell("a", "var a = 6 * 7;"), NotebookSetup.CodeCell("b", "Console.WriteLine(a);"));

        var (code, output, _) = Run(path, "--out", Path.Combine(folder, "done"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("cell   1", output);
        Assert.Contains("cell   2", output);
        Assert.Contains("42", File.ReadAllText(Path.Combine(folder, "done", "ok.ipynb")));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_failing_cell_exits_1_naming_notebook_and_cell()
    {
        string folder = Repository.TempFolder("cli-fail");
        string path = Notebook(folder, "fails.ipynb", NotebookSetup.CodeCell("a", "var a = 1;"), NotebookSetup.CodeCell("b", "int b = \"not a number\";"));

        var (code, _, error) = Run(path);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("notebook fails.ipynb, cell 2:", error);
        Assert.Contains("CS0029", error);
        Assert.True(File.Exists(Path.Combine(folder, "out", "fails.ipynb")), "The executed copy with the error should be written to out/.");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Bad_usage_exits_2()
    {
        string folder = Repository.TempFolder("cli-usage");
        string text = Path.Combine(folder, "notes.txt");
        File.WriteAllText(text, "");
        string path = Notebook(folder, "x.ipynb", NotebookSetup.CodeCell("a", "1"));

        Assert.Equal(ExitCodes.Usage, Run().Code);
        Assert.Equal(ExitCodes.Usage, Run(Path.Combine(folder, "missing.ipynb")).Code);
        Assert.Equal(ExitCodes.Usage, Run(text).Code);
        var (code, _, error) = Run(path, "--out", folder);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("never overwrite", error);
        Directory.Delete(folder, recursive: true);
    }
}
