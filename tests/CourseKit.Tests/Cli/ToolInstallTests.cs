using System.Diagnostics;
using CourseKit.Cli.Output;

namespace CourseKit.Tests.Cli;

/// <summary>Skipped when COURSEKIT_SKIP_TOOL_TEST=1 (a machine that cannot pack or install tools).</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("COURSEKIT_SKIP_TOOL_TEST") == "1") Skip = "COURSEKIT_SKIP_TOOL_TEST=1";
    }
}

/// <summary>The command packed as a .NET tool, installed with --tool-path and run from a folder outside the checkout.</summary>
public class ToolInstallTests
{
    [ToolFact]
    public void The_packed_tool_runs_the_lab_on_the_embedded_digits_from_a_folder_outside_the_checkout()
    {
        string root = Directory.CreateTempSubdirectory("coursekit-tool").FullName;
        string configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        string version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        string project = Path.Combine(CliProcess.Checkout, "src", "CourseKit.Cli", "CourseKit.Cli.csproj");

        // The build that built these tests built the command too: pack that, with a version of its own so no cache holds an older one.
        Dotnet(root, "pack", project, "-c", configuration, "--no-build", "-nologo", "-o", Path.Combine(root, "nupkg"), "-p:Version=" + version);
        Dotnet(root, "tool", "install", "CourseKit.Cli", "--version", version, "--add-source", Path.Combine(root, "nupkg"), "--tool-path", Path.Combine(root, "tools"));

        string elsewhere = Directory.CreateDirectory(Path.Combine(root, "elsewhere")).FullName;
        string tool = Path.Combine(root, "tools", OperatingSystem.IsWindows() ? "coursekit.exe" : "coursekit");
        var (exit, output, error) = Run(tool, elsewhere, "lab", "--optimizers", "sgd", "--schedules", "constant", "--epochs", "1", "--seeds", "1", "--no-search", "--out", "results");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("Best on validation loss first", output);
        Assert.Equal("lab", OutputFolder.OwnerOf(Path.Combine(elsewhere, "results")));
        Assert.True(File.Exists(Path.Combine(elsewhere, "results", "report.html")));
        Directory.Delete(root, recursive: true);
    }

    private static void Dotnet(string root, params string[] args)
    {
        var (exit, output, error) = Run("dotnet", root, args, ("NUGET_PACKAGES", Path.Combine(root, "packages")));
        Assert.True(exit == 0, $"dotnet {string.Join(' ', args)} exited {exit}: {output} {error}");
    }

    private static (int Exit, string Out, string Err) Run(string file, string folder, params string[] args) => Run(file, folder, args, []);

    private static (int Exit, string Out, string Err) Run(string file, string folder, string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took more than 5 minutes");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
