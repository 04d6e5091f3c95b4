using System.Diagnostics;
using CourseKit.Interactive;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// A notebook opened on a stock .NET Interactive kernel (the released tool, FSharp.Core 10.0): the
/// first cell stops with the one-sentence fix instead of a FileNotFoundException on the first chart,
/// and <c>coursekit kernel check</c> on such a tool reports the same sentence.
/// </summary>
public class StockKernelTests
{
    [JupyterFact]
    public void On_a_stock_kernel_the_first_cell_and_kernel_check_name_the_fix()
    {
        string root = Repository.TempFolder("stock-kernel");
        var stock = new StudentKernel(root, kernelFolder: Path.Combine(root, "kernel"), jupyterDataFolder: Path.Combine(root, "jupyter"));
        Install(stock.ToolFolder);
        Version fsharp = stock.ToolFSharpCoreAssemblyVersion()!;
        Assert.False(KernelCompatibility.IsSupported(fsharp), $"the released tool was expected to carry FSharp.Core 10.0, not {fsharp}");
        string sentence = KernelCompatibility.StockKernelMessage(fsharp);

        var problems = stock.Check(_ => { });
        Assert.Contains(sentence, problems);

        stock.WriteKernelSpec(_ => { });
        string notebook = Path.Combine(root, "stock.ipynb");
        File.WriteAllText(notebook, CheckNotebook.Create(new StudentKernel(Repository.Root).KitFolder));
        var failure = Assert.Throws<InvalidOperationException>(() => StudentKernel.ExecuteOverJupyter(notebook, root, stock.JupyterDataFolder));

        Assert.Contains(sentence, failure.Message);
        Assert.DoesNotContain("FileNotFoundException", failure.Message);
        Directory.Delete(root, recursive: true);
    }

    private static void Install(string toolFolder)
    {
        var start = new ProcessStartInfo(StudentKernel.DotnetHost,
            ["tool", "install", "Microsoft.dotnet-interactive", "--version", StudentKernel.ToolVersion, "--tool-path", toolFolder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, log);
    }
}
