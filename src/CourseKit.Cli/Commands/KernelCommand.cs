using System.CommandLine;
using CourseKit.Notebooks;

namespace CourseKit.Cli.Commands;

/// <summary>
/// <c>coursekit kernel install|check</c>: the notebook kernel students use in VS Code, with the
/// FSharp.Core that charts and Deedle frames need (see <see cref="StudentKernel"/>).
/// </summary>
public static class KernelCommand
{
    public static Command Create()
    {
        var root = new Option<string?>("--root") { Description = "The kit's checkout (default: the one containing the current folder)" };
        var dir = new Option<string?>("--dir") { Description = "Folder for the kit's copy of dotnet-interactive (default: artifacts/kernel in the checkout)" };

        var install = new Command("install", "Install the kit's kernel: pinned dotnet-interactive with FSharp.Core 10.1.403, a Jupyter kernelspec (HTTP on loopback only) and VS Code settings.");
        install.SetAction(parse =>
        {
            var kernel = Resolve(parse.GetValue(root), parse.GetValue(dir));
            var output = parse.InvocationConfiguration.Output;
            try
            {
                kernel.Install(line => output.WriteLine(line));
            }
            catch (InvalidOperationException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"coursekit: kernel install failed: {e.Message}");
                return ExitCodes.Failed;
            }

            output.WriteLine("Done. Restart VS Code's kernel (or reload the window) to use it; 'coursekit kernel check' tries it.");
            return ExitCodes.Success;
        });

        var check = new Command("check", "Check the kit's kernel and run a notebook with a chart and a Deedle frame through it over Jupyter.");
        check.SetAction(parse =>
        {
            var kernel = Resolve(parse.GetValue(root), parse.GetValue(dir));
            var output = parse.InvocationConfiguration.Output;
            var problems = kernel.Check(line => output.WriteLine(line));
            if (problems.Count == 0)
            {
                output.WriteLine("The kernel works: charts draw and frames print.");
                return ExitCodes.Success;
            }

            parse.InvocationConfiguration.Error.WriteLine($"coursekit: the kernel check found {problems.Count} problem(s); the first: {problems[0]}");
            return ExitCodes.Failed;
        });

        var command = new Command("kernel", "Set up and check the notebook kernel students use in VS Code.") { install, check };
        root.Recursive = true;
        dir.Recursive = true;
        command.Options.Add(root);
        command.Options.Add(dir);
        return command;
    }

    private static StudentKernel Resolve(string? root, string? dir)
    {
        string? repository = root ?? StudentKernel.FindRepositoryRoot(Environment.CurrentDirectory) ?? StudentKernel.FindRepositoryRoot(AppContext.BaseDirectory);
        if (repository is null || !File.Exists(Path.Combine(repository, "CourseKit.sln")))
            throw new UsageException("Run this inside the kit's checkout (a folder with CourseKit.sln), or pass --root.");
        return new StudentKernel(repository, dir);
    }
}
