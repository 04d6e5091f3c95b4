using System.Diagnostics;
using System.Globalization;
using CourseKit.Cli.Output;

namespace CourseKit.Tests.Cli;

/// <summary>
/// The real <c>coursekit</c> executable over a table of hostile invocations (issue 13): numbers at type limits,
/// NaN and ∞ spellings, decimal commas, empty and repeated lists, outputs that are files, foreign folders,
/// unwritable, missing, or the checkout itself. For each: the exit code is 0, 1 or 2; standard error has no
/// stack trace; a failure names the flag or file; and no file outside the case's output location changed.
/// </summary>
public class HostileBatteryTests : IClassFixture<HostileBatteryTests.Sandbox>
{
    private readonly Sandbox sandbox;

    public HostileBatteryTests(Sandbox sandbox) => this.sandbox = sandbox;

    /// <summary>One invocation: its arguments, the text its error must contain, the path it may change (under the sandbox).</summary>
    public sealed record Case(string[] Args, string Expect, string? Output = null, bool InCheckout = false, int? Exit = null);

    public static readonly IReadOnlyDictionary<string, Case> Cases = Build();

    public static IEnumerable<object[]> Names() => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void A_hostile_invocation_ends_in_a_sentence_and_changes_nothing_outside_its_output(string name)
    {
        Case c = Cases[name];
        string folder = c.InCheckout ? CliProcess.Checkout : sandbox.Root;
        string before = c.InCheckout ? CheckoutState() : Outside(sandbox.Root, c.Output);

        var (exit, _, error) = CliProcess.Run(folder, TimeSpan.FromMinutes(3), c.Args);

        Assert.True(exit is 0 or 1 or 2, $"exit {exit}: {error}");
        if (c.Exit is { } expected) Assert.True(exit == expected, $"expected exit {expected}, got {exit}: {error}");
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("Unhandled exception", error);
        if (exit != 0)
        {
            Assert.Contains(c.Expect, error);
            Assert.True(error.Trim().Split('\n').Length <= 3, $"a sentence, not a dump: {error}");
        }

        Assert.Equal(before, c.InCheckout ? CheckoutState() : Outside(sandbox.Root, c.Output));
        Assert.False(Directory.EnumerateFileSystemEntries(folder, ".*coursekit-tmp*").Any(), "a temporary folder was left behind");
    }

    // Every file and folder under the sandbox with its bytes' hash, less the case's own output location.
    private static string Outside(string root, string? output)
    {
        var all = FolderSnapshot.Take(root);
        foreach (string key in all.Keys.Where(k => output is not null && (k == output || k == output + "/" || k.StartsWith(output + "/", StringComparison.Ordinal))).ToList())
            all.Remove(key);
        return string.Join("\n", all.Select(p => p.Key + " " + p.Value));
    }

    // The checkout is too large to hash: its top-level entries and git's view of every tracked and untracked file.
    private static string CheckoutState()
    {
        var info = new ProcessStartInfo("git", ["status", "--porcelain", "--untracked-files=all"]) { WorkingDirectory = CliProcess.Checkout, RedirectStandardOutput = true, UseShellExecute = false };
        using var git = Process.Start(info)!;
        string status = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        return string.Join("\n", Directory.GetFileSystemEntries(CliProcess.Checkout).Order(StringComparer.Ordinal)) + "\n--\n" + status;
    }

    private static IReadOnlyDictionary<string, Case> Build()
    {
        var cases = new Dictionary<string, Case>(StringComparer.Ordinal);
        var tinyLab = new Dictionary<string, string?>
        {
            ["--dataset"] = "blobs", ["--optimizers"] = "sgd", ["--schedules"] = "constant", ["--epochs"] = "1", ["--seeds"] = "1", ["--no-search"] = null, ["--out"] = "lab-out",
        };
        var tinyTrace = new Dictionary<string, string?> { ["--optimizer"] = "momentum", ["--surface"] = "saddle", ["--start"] = "1,1", ["--steps"] = "3" };

        string[] With(string command, Dictionary<string, string?> tiny, string flag, string? value)
        {
            var args = new List<string> { command };
            foreach (var (f, v) in tiny.Where(p => p.Key != flag))
            {
                args.Add(f);
                if (v is not null) args.Add(v);
            }

            args.Add(flag);
            if (value is not null) args.Add(value);
            return [.. args];
        }

        void Lab(string flag, string value, string? output = "lab-out") => cases[$"lab {flag} '{value}'"] = new Case(With("lab", tinyLab, flag, value), flag, output);
        void Trace(string flag, string value, string? expect = null) => cases[$"trace {flag} '{value}'"] = new Case(With("trace", tinyTrace, flag, value), expect ?? flag);

        // Whole numbers at and past the type limits, and the overflows the issue found.
        string[] ints = ["2147483647", "2147483648", "-2147483648", "99999999999", "100000000", "0", "-1", "1.5", "1,5", "", "NaN"];
        foreach (string flag in new[] { "--epochs", "--batch-size", "--threads" })
            foreach (string v in ints) Lab(flag, v);
        foreach (string v in ints) Trace("--steps", v);
        foreach (string v in new[] { "99999999999", "100000000", "0", "", ",", "1,1", "1,,2", "-1", "NaN", "2147483648" })
        {
            Lab("--seeds", v);
            Lab("--hidden", v);
        }

        // Names: empty, repeated, unknown.
        foreach (string v in new[] { "", ",", "sgd,sgd", "SGD,sgd", "adam,adamw", "sgd;adam" }) Lab("--optimizers", v);
        foreach (string v in new[] { "", "constant,constant", "cosine" }) Lab("--schedules", v);
        foreach (string v in new[] { "", "mnist", "../../etc/passwd" }) Lab("--dataset", v);

        // Every decimal flag of trace with NaN and ∞ spellings, a decimal comma, and numbers past double's range.
        foreach (string flag in new[] { "--lr", "--momentum", "--rho", "--beta1", "--beta2", "--delta", "--clip-norm", "--clip-value" })
            foreach (string v in new[] { "NaN", "nan", "Infinity", "-Infinity", "∞", "1e999", "0,5", "", "-1" })
                Trace(flag, v);
        foreach (string v in new[] { "NaN,1", "1", "1,2,3", "1e999,0", "", "1;2" }) Trace("--start", v);
        foreach (string v in new[] { "nope", "quadratic:NaN", "quadratic:0", "quadratic:-1", "quadratic:1e999", "" }) Trace("--surface", v);
        foreach (string v in new[] { "step:0,5:10", "step:NaN:1", "linear:-1:0", "annealed:0", "exponential:Infinity", "nope" }) Trace("--schedule", v);
        Trace("--lr", "1e300", expect: "trace"); // diverges: exit 1, said on standard error
        Trace("--optimizer", "nope");

        // Output locations: foreign folders and files, unwritable, a file as parent, another command's output, the checkout.
        foreach (var (value, label) in new[] { ("foreign", "foreign"), ("file.txt", "file"), ("file.txt/sub", "file as parent"), ("/proc/coursekit-battery", "unwritable"), ("", "empty"), ("prev-export", "export's output") })
            cases[$"lab --out {label}"] = new Case(With("lab", tinyLab, "--out", value), "--out");
        cases["lab --out its own previous output"] = new Case(With("lab", tinyLab, "--out", "prev-lab"), "--out", Output: "prev-lab", Exit: 0);
        cases["lab --out a new folder"] = new Case(With("lab", tinyLab, "--out", "new/deeper"), "--out", Output: "new", Exit: 0);
        cases["lab --out . in the checkout"] = new Case(With("lab", tinyLab, "--out", "."), "--out", InCheckout: true, Exit: 2);
        cases["trace --html . in the checkout"] = new Case(With("trace", tinyTrace, "--html", "."), "--html", InCheckout: true, Exit: 2);
        foreach (var (value, label) in new[] { ("foreign", "a folder"), ("foreign/thesis.txt", "a foreign file"), ("file.txt/x.html", "a file as parent"), ("/proc/coursekit.html", "unwritable") })
            cases[$"trace --html {label}"] = new Case(With("trace", tinyTrace, "--html", value), "--html", Exit: 2);
        cases["trace --html a new file"] = new Case(With("trace", tinyTrace, "--html", "chart.html"), "--html", Output: "chart.html", Exit: 0);

        // Notebooks that are not notebooks, and run/export outputs that must be refused before a kernel starts.
        foreach (string nb in new[] { "empty.ipynb", "braces.ipynb", "notjson.ipynb", "cells-not-objects.ipynb", "missing.ipynb", "file.txt" })
        {
            cases[$"run {nb}"] = new Case(["run", nb, "--out", "run-out"], nb, Exit: 2);
            cases[$"export {nb}"] = new Case(["export", nb, "--out", "export-out"], nb, Exit: 2);
        }
        foreach (var (value, label) in new[] { ("foreign", "foreign"), ("file.txt", "a file"), ("/proc/coursekit-run", "unwritable"), ("prev-lab", "lab's output"), (".", "the sandbox") })
        {
            cases[$"run --out {label}"] = new Case(["run", "good.ipynb", "--out", value], "--out", Exit: 2);
            cases[$"export --out {label}"] = new Case(["export", "good.ipynb", "--out", value], "--out", Exit: 2);
        }
        foreach (string v in new[] { "0", "-1", "99999999999", "86401" }) cases[$"run --cell-timeout {v}"] = new Case(["run", "good.ipynb", "--cell-timeout", v, "--out", "run-out"], "--cell-timeout", Exit: 2);
        cases["run --out . in the checkout"] = new Case(["run", "notebooks/00-welcome.ipynb", "--out", "."], "--out", InCheckout: true, Exit: 2);

        // bench: the sizes that overflowed, and times that never end.
        foreach (string v in new[] { "99999999999", "0", "", "1,,2", "1,1", "NaN" }) cases[$"bench --sizes '{v}'"] = new Case(["bench", "--sizes", v], "--sizes", Exit: 2);
        foreach (string v in new[] { "Infinity", "NaN", "0", "-1", "1e308", "0,5" }) cases[$"bench --min-time '{v}'"] = new Case(["bench", "--min-time", v], "--min-time", Exit: 2);
        cases["bench --only nope"] = new Case(["bench", "--only", "nope"], "--only", Exit: 2);

        cases["kernel check --root missing"] = new Case(["kernel", "check", "--root", "/nonexistent-coursekit"], "--root", Exit: 2);
        cases["unknown command"] = new Case(["nope"], "nope", Exit: 2);
        return cases;
    }

    /// <summary>The folder every case runs in: foreign files, a file, notebooks good and bad, previous outputs.</summary>
    public sealed class Sandbox : IDisposable
    {
        public Sandbox()
        {
            Root = Directory.CreateTempSubdirectory("coursekit-battery").FullName;
            FolderSnapshot.Foreign(Path.Combine(Root, "foreign"));
            File.WriteAllText(Path.Combine(Root, "file.txt"), "a file, not a folder\n");
            File.WriteAllText(Path.Combine(Root, "empty.ipynb"), "");
            File.WriteAllText(Path.Combine(Root, "braces.ipynb"), "{}");
            File.WriteAllText(Path.Combine(Root, "notjson.ipynb"), "print('hello')\n");
            File.WriteAllText(Path.Combine(Root, "cells-not-objects.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [1, null]}");
            File.WriteAllText(Path.Combine(Root, "good.ipynb"), "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"id\": \"a\", \"metadata\": {}, \"source\": \"1 + 1\", \"outputs\": [], \"execution_count\": null}]}");
            Previous("prev-lab", "lab");
            Previous("prev-export", "export");
        }

        public string Root { get; }

        private void Previous(string name, string command)
        {
            using var output = OutputFolder.Begin(Path.Combine(Root, name), command);
            File.WriteAllText(Path.Combine(output.Path, "old.txt"), "from before\n");
            output.Commit();
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
