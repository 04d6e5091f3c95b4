using System.Diagnostics;

namespace CourseKit.Tests.Cli;

/// <summary>Runs the real built <c>coursekit</c> (CourseKit.Cli.dll beside the tests) as a separate process.</summary>
internal static class CliProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "CourseKit.Cli.dll");

    /// <summary>The checkout the tests were built from (the folder with CourseKit.sln).</summary>
    public static string Checkout { get; } = FindCheckout();

    public static (int Exit, string Out, string Err) Run(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"coursekit {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s; stderr: {stderr.Result}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Process Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (string arg in args) info.ArgumentList.Add(arg);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static string FindCheckout()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CourseKit.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No CourseKit.sln above {AppContext.BaseDirectory}.");
    }
}
