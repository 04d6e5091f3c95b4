using System.Diagnostics;
using CourseKit.Cli.Commands;
using CourseKit.Cli.Output;

namespace CourseKit.Tests.Cli;

/// <summary>lab and trace --html never delete or overwrite what the kit did not write (issue 13).</summary>
public class OutputSafetyTests
{
    private static readonly string[] TinyLab = ["lab", "--dataset", "blobs", "--optimizers", "sgd", "--schedules", "constant", "--epochs", "1", "--seeds", "1", "--no-search"];
    private static readonly string[] TinyTrace = ["trace", "--optimizer", "sgd", "--surface", "saddle", "--start", "1,1", "--steps", "3"];

    [Fact]
    public void Lab_refuses_a_folder_with_foreign_files_and_leaves_it_byte_for_byte()
    {
        string root = Directory.CreateTempSubdirectory("coursekit-safe").FullName;
        string target = FolderSnapshot.Foreign(Path.Combine(root, "thesis"));
        var before = FolderSnapshot.Take(root);

        var (exit, output, error) = CliRunner.Run(LabCommand.Create(), [.. TinyLab, "--out", target]);

        Assert.Equal(2, exit);
        Assert.Contains("--out", error);
        Assert.Contains("not written by coursekit", error);
        Assert.DoesNotContain("Ranked", output); // refused before the training
        FolderSnapshot.AssertUnchanged(before, root);
    }

    [Fact]
    public void Lab_replaces_its_own_previous_output_and_leaves_nothing_beside_it()
    {
        string root = Directory.CreateTempSubdirectory("coursekit-safe").FullName;
        string target = Path.Combine(root, "results");
        for (int i = 0; i < 2; i++)
        {
            var (exit, _, error) = CliRunner.Run(LabCommand.Create(), [.. TinyLab, "--out", target]);
            Assert.True(exit == 0, error);
        }

        Assert.Equal([target], Directory.GetFileSystemEntries(root));
        Assert.Equal("lab", OutputFolder.OwnerOf(target));
    }

    [Fact]
    public void Lab_and_trace_refuse_out_dot_inside_the_checkout()
    {
        string checkout = CliProcess.Checkout;
        var before = Directory.GetFileSystemEntries(checkout).Order(StringComparer.Ordinal).ToArray();

        var lab = CliProcess.Run(checkout, TimeSpan.FromMinutes(2), [.. TinyLab, "--out", "."]);
        var trace = CliProcess.Run(checkout, TimeSpan.FromMinutes(2), [.. TinyTrace, "--html", "."]);

        Assert.Equal(2, lab.Exit);
        Assert.Contains("--out", lab.Err);
        Assert.Equal(2, trace.Exit);
        Assert.Contains("--html", trace.Err);
        Assert.Equal(before, Directory.GetFileSystemEntries(checkout).Order(StringComparer.Ordinal).ToArray());
        Assert.True(File.Exists(Path.Combine(checkout, "CourseKit.sln")));
    }

    [Fact]
    public void Trace_html_refuses_a_foreign_file_and_a_folder_and_writes_beside_foreign_files()
    {
        string root = FolderSnapshot.Foreign(Directory.CreateTempSubdirectory("coursekit-safe").FullName);
        var before = FolderSnapshot.Take(root);

        var onFile = CliRunner.Run(TraceCommand.Create(), [.. TinyTrace, "--html", Path.Combine(root, "thesis.txt")]);
        var onFolder = CliRunner.Run(TraceCommand.Create(), [.. TinyTrace, "--html", Path.Combine(root, "sub")]);

        Assert.Equal(2, onFile.Exit);
        Assert.Contains("--html", onFile.Err);
        Assert.Equal("", onFile.Out); // refused before the path was computed
        Assert.Equal(2, onFolder.Exit);
        Assert.Contains("is a folder", onFolder.Err);
        FolderSnapshot.AssertUnchanged(before, root);

        string chart = Path.Combine(root, "chart.html");
        for (int i = 0; i < 2; i++) Assert.Equal(0, CliRunner.Run(TraceCommand.Create(), [.. TinyTrace, "--html", chart]).Exit); // the second replaces the first
        before["chart.html"] = FolderSnapshot.Take(root)["chart.html"];
        FolderSnapshot.AssertUnchanged(before, root);
        Assert.Contains(TraceCommand.ChartMarker, File.ReadAllText(chart));
    }

    [Fact]
    public void Ctrl_c_during_the_lab_removes_its_temporary_folder_and_keeps_the_previous_output()
    {
        string root = Directory.CreateTempSubdirectory("coursekit-sigint").FullName;
        string target = Path.Combine(root, "results");
        Assert.Equal(0, CliRunner.Run(LabCommand.Create(), [.. TinyLab, "--out", target]).Exit);
        var before = FolderSnapshot.Take(root);

        // A lab long enough to be interrupted while it trains, with its temporary folder beside the target.
        using var process = CliProcess.Start(root, "lab", "--dataset", "blobs", "--optimizers", "sgd", "--schedules", "constant", "--epochs", "5000", "--seeds", "50", "--out", target);
        var watch = Stopwatch.StartNew();
        while (Directory.GetDirectories(root).Length < 2 && watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited) Thread.Sleep(20);
        Assert.True(Directory.GetDirectories(root).Length == 2, "the lab made its temporary folder beside the target");
        Thread.Sleep(300);
        Assert.False(process.HasExited, "the lab should still be training");
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "Ctrl-C ends the lab");

        FolderSnapshot.AssertUnchanged(before, root);
    }
}
