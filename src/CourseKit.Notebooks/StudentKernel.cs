using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CourseKit.Notebooks;

/// <summary>
/// The kernel students use in VS Code, set up so charts and Deedle frames work. Every released
/// .NET Interactive kernel ships FSharp.Core 10.0.x, while Plotly.NET 6 and Deedle 8 need 10.1.x;
/// so the kit installs its own copy of the pinned dotnet-interactive tool into a folder it owns,
/// puts FSharp.Core 10.1.403 in place of the shipped one, registers it as the Jupyter kernel
/// ".net-csharp" (the name every course notebook asks for) with its HTTP server on loopback only,
/// and points VS Code's Polyglot and Jupyter extensions at it.
/// </summary>
public sealed class StudentKernel
{
    /// <summary>The pinned tool version (platform notes: the one served, net10.0).</summary>
    public const string ToolVersion = "1.0.712001";

    /// <summary>The FSharp.Core version the tool must run with.</summary>
    public const string FSharpCoreVersion = "10.1.403";

    /// <summary>The kernelspec name that VS Code writes into every C# notebook's metadata.</summary>
    public const string KernelName = ".net-csharp";

    private const string ToolPackage = "Microsoft.dotnet-interactive";

    /// <summary>Where everything lives.</summary>
    /// <param name="repositoryRoot">The kit's checkout (holds CourseKit.sln).</param>
    /// <param name="kernelFolder">The kit-owned folder for the tool (default artifacts/kernel).</param>
    /// <param name="jupyterDataFolder">Jupyter's data folder (default: Jupyter's own rule).</param>
    public StudentKernel(string repositoryRoot, string? kernelFolder = null, string? jupyterDataFolder = null)
    {
        RepositoryRoot = Path.GetFullPath(repositoryRoot);
        KernelFolder = Path.GetFullPath(kernelFolder ?? Path.Combine(RepositoryRoot, "artifacts", "kernel"));
        JupyterDataFolder = Path.GetFullPath(jupyterDataFolder ?? DefaultJupyterDataFolder());
    }

    public string RepositoryRoot { get; }

    public string KernelFolder { get; }

    public string JupyterDataFolder { get; }

    /// <summary>The tool's own folder (dotnet tool install --tool-path).</summary>
    public string ToolFolder => Path.Combine(KernelFolder, "tool");

    /// <summary>The folder with the tool's assemblies.</summary>
    public string AppFolder => Path.Combine(ToolFolder, ".store", ToolPackage.ToLowerInvariant(), ToolVersion,
        ToolPackage.ToLowerInvariant(), ToolVersion, "tools", "net10.0", "any");

    /// <summary>The kernel's entry assembly, started with the dotnet host.</summary>
    public string AppDll => Path.Combine(AppFolder, "Microsoft.DotNet.Interactive.App.dll");

    /// <summary>The kernelspec file Jupyter (and VS Code's Jupyter extension) reads.</summary>
    public string KernelSpecPath => Path.Combine(JupyterDataFolder, "kernels", KernelName, "kernel.json");

    /// <summary>The workspace settings VS Code reads for this checkout.</summary>
    public string VsCodeSettingsPath => Path.Combine(RepositoryRoot, ".vscode", "settings.json");

    /// <summary>The notebook folder's kit assembly (built by dotnet build).</summary>
    public string KitAssembly => Path.Combine(RepositoryRoot, "artifacts", "kit", "CourseKit.dll");

    /// <summary>The dotnet host running this process, so the kernel uses the same SDK and runtimes.</summary>
    public static string DotnetHost
    {
        get
        {
            // RuntimeDirectory is <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
            string root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            string host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            return File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>Finds the checkout containing <paramref name="start"/> (a folder with CourseKit.sln).</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CourseKit.sln"))) return folder.FullName;
        }

        return null;
    }

    /// <summary>Installs or repairs everything; each step reports a line through <paramref name="log"/>.</summary>
    public void Install(Action<string> log)
    {
        InstallTool(log);
        ReplaceFSharpCore(log);
        WriteKernelSpec(log);
        WriteVsCodeSettings(log);
    }

    private void InstallTool(Action<string> log)
    {
        if (File.Exists(AppDll))
        {
            log($"dotnet-interactive {ToolVersion} already in {ToolFolder}");
            return;
        }

        bool other = Directory.Exists(Path.Combine(ToolFolder, ".store"));
        string verb = other ? "update" : "install";
        Directory.CreateDirectory(ToolFolder);
        var (code, output) = Execute(DotnetHost, ["tool", verb, ToolPackage, "--version", ToolVersion, "--tool-path", ToolFolder], TimeSpan.FromMinutes(10));
        if (code != 0 || !File.Exists(AppDll))
            throw new InvalidOperationException($"dotnet tool {verb} {ToolPackage} {ToolVersion} failed (exit {code}):\n{output}");
        log($"installed dotnet-interactive {ToolVersion} into {ToolFolder}");
    }

    private void ReplaceFSharpCore(Action<string> log)
    {
        string source = typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly.Location;
        string? version = FileVersionInfo.GetVersionInfo(source).ProductVersion;
        if (version is null || !version.StartsWith(FSharpCoreVersion, StringComparison.Ordinal))
            throw new InvalidOperationException($"This coursekit build carries FSharp.Core {version} at {source}, not {FSharpCoreVersion}; rebuild the kit.");
        string target = Path.Combine(AppFolder, "FSharp.Core.dll");
        if (ToolFSharpCoreVersion() is { } current && current.StartsWith(FSharpCoreVersion, StringComparison.Ordinal))
        {
            log($"FSharp.Core {FSharpCoreVersion} already in place");
            return;
        }

        File.Copy(source, target, overwrite: true);
        log($"replaced the tool's FSharp.Core with {FSharpCoreVersion} (Plotly.NET 6 and Deedle 8 need it)");
    }

    /// <summary>The product version of the FSharp.Core the installed tool will load, or null.</summary>
    public string? ToolFSharpCoreVersion()
    {
        string path = Path.Combine(AppFolder, "FSharp.Core.dll");
        return File.Exists(path) ? FileVersionInfo.GetVersionInfo(path).ProductVersion : null;
    }

    /// <summary>The kernelspec's command line: the tool as a Jupyter kernel, HTTP on loopback only.</summary>
    public string[] KernelArgv() =>
        [DotnetHost, AppDll, "jupyter", "--default-kernel", "csharp", "--http-local-only", "{connection_file}"];

    private void WriteKernelSpec(Action<string> log)
    {
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(KernelArgv().Select(a => (JsonNode)a).ToArray()),
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["env"] = new JsonObject { ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            ["metadata"] = new JsonObject { ["coursekit"] = new JsonObject { ["tool"] = ToolVersion, ["fsharp_core"] = FSharpCoreVersion } },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(KernelSpecPath)!);
        File.WriteAllText(KernelSpecPath, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        log($"wrote the Jupyter kernelspec {KernelSpecPath}");
    }

    /// <summary>The settings that make VS Code's extensions start this kernel.</summary>
    public JsonObject VsCodeSettings() => new()
    {
        // Polyglot Notebooks starts the kernel and its notebook parser with these command lines (stdio
        // mode opens no HTTP port unless asked to).
        ["dotnet-interactive.kernelTransportArgs"] = new JsonArray("{dotnet_path}", AppDll, "[vscode]", "stdio", "--working-dir", "{working_dir}"),
        ["dotnet-interactive.notebookParserArgs"] = new JsonArray("{dotnet_path}", AppDll, "notebook-parser"),
        // The Jupyter extension finds the ".net-csharp" kernelspec; trusting it by path keeps it
        // usable where the data folder is not one of Jupyter's default, trusted places.
        ["jupyter.kernels.trusted"] = new JsonArray(KernelSpecPath),
    };

    private void WriteVsCodeSettings(Action<string> log)
    {
        JsonObject settings = new();
        if (File.Exists(VsCodeSettingsPath))
        {
            try
            {
                settings = JsonNode.Parse(File.ReadAllText(VsCodeSettingsPath),
                    documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject ?? new JsonObject();
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"{VsCodeSettingsPath} is not valid JSON ({e.Message}); fix or remove it and run again.", e);
            }
        }

        foreach (var (key, value) in VsCodeSettings()) settings[key] = value!.DeepClone();
        Directory.CreateDirectory(Path.GetDirectoryName(VsCodeSettingsPath)!);
        File.WriteAllText(VsCodeSettingsPath, settings.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        log($"pointed VS Code (Polyglot and Jupyter extensions) at the kernel in {VsCodeSettingsPath}");
    }

    /// <summary>
    /// Checks the set-up and runs a notebook with a chart and a Deedle frame through the installed
    /// kernel over Jupyter (jupyter nbconvert --execute), the path a student's VS Code takes.
    /// Returns the problems found (empty when everything works).
    /// </summary>
    public IReadOnlyList<string> Check(Action<string> log, string? workFolder = null)
    {
        var problems = new List<string>();
        void Expect(bool ok, string good, string bad)
        {
            if (ok) log("ok: " + good);
            else { log("FAIL: " + bad); problems.Add(bad); }
        }

        Expect(File.Exists(AppDll), $"dotnet-interactive {ToolVersion} in {ToolFolder}", $"dotnet-interactive {ToolVersion} is not in {ToolFolder}; run 'coursekit kernel install'.");
        string? fsharp = ToolFSharpCoreVersion();
        Expect(fsharp?.StartsWith(FSharpCoreVersion, StringComparison.Ordinal) == true, $"the tool loads FSharp.Core {FSharpCoreVersion}",
            $"the tool carries FSharp.Core {fsharp ?? "(none)"}, charts and frames need {FSharpCoreVersion}; run 'coursekit kernel install'.");
        string? argv = File.Exists(KernelSpecPath) ? JsonNode.Parse(File.ReadAllText(KernelSpecPath))?["argv"]?.ToJsonString() : null;
        Expect(argv is not null && argv.Contains("--http-local-only", StringComparison.Ordinal) && argv.Contains(JsonSerializer.Serialize(AppDll)[1..^1], StringComparison.Ordinal),
            $"kernelspec {KernelSpecPath} starts this tool with HTTP on loopback only",
            $"kernelspec {KernelSpecPath} is missing or starts another kernel; run 'coursekit kernel install'.");
        Expect(File.Exists(KitAssembly), $"the notebook kit is built ({KitAssembly})", $"{KitAssembly} is missing; run 'dotnet build' in {RepositoryRoot}.");
        if (problems.Count > 0) return problems;

        string folder = workFolder ?? Path.Combine(Path.GetTempPath(), $"coursekit-kernel-check-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        string notebook = Path.Combine(folder, "kernel-check.ipynb");
        File.WriteAllText(notebook, CheckNotebook.Create(KitAssembly));
        log("running a chart-and-frame notebook through the kernel over Jupyter …");
        string executed;
        try
        {
            executed = ExecuteOverJupyter(notebook, folder);
        }
        catch (InvalidOperationException e)
        {
            problems.Add(e.Message);
            log("FAIL: " + e.Message);
            return problems;
        }

        string text = File.ReadAllText(executed);
        Expect(text.Contains("Plotly.newPlot", StringComparison.Ordinal), "a Plotly.NET chart rendered", "the chart cell produced no plotly chart output");
        Expect(text.Contains("coursekit-frame", StringComparison.Ordinal), "a Deedle frame printed as a small table", "the frame cell produced no CourseKit table");
        Expect(!text.Contains("\"output_type\": \"error\"", StringComparison.Ordinal), "no cell failed", "a cell of the check notebook failed; see " + executed);
        return problems;
    }

    /// <summary>
    /// Executes <paramref name="notebook"/> with <c>jupyter nbconvert --execute</c> on the
    /// ".net-csharp" kernel (the notebook's folder is the kernel's working directory) and returns
    /// the executed copy's path in <paramref name="outputFolder"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">nbconvert is missing, or a cell failed (the message has nbconvert's output).</exception>
    public static string ExecuteOverJupyter(string notebook, string outputFolder)
    {
        string nbconvert = FindOnPath("jupyter-nbconvert")
            ?? throw new InvalidOperationException("jupyter-nbconvert is not installed, so the kernel cannot be exercised over Jupyter (Debian: apt-get install jupyter-nbconvert python3-nbclient).");
        string name = Path.GetFileNameWithoutExtension(notebook) + ".executed.ipynb";
        var (code, output) = Execute(nbconvert,
            ["--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=" + KernelName, "--ExecutePreprocessor.timeout=600",
             "--output", name, "--output-dir", Path.GetFullPath(outputFolder), Path.GetFullPath(notebook)],
            TimeSpan.FromMinutes(15), Path.GetDirectoryName(Path.GetFullPath(notebook)));
        string executed = Path.Combine(Path.GetFullPath(outputFolder), name);
        if (code != 0 || !File.Exists(executed))
            throw new InvalidOperationException($"jupyter nbconvert could not run {Path.GetFileName(notebook)} through the kernel (exit {code}):\n{Tail(output, 40)}");
        return executed;
    }

    private static string Tail(string text, int lines) => string.Join('\n', text.Split('\n').TakeLast(lines));

    private static string? FindOnPath(string name)
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate)) return candidate;
        }

        return null;
    }

    private static string DefaultJupyterDataFolder()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitFolder) return explicitFolder;
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        string data = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(data, "jupyter");
    }

    private static (int ExitCode, string Output) Execute(string file, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} did not finish within {timeout.TotalMinutes} minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
