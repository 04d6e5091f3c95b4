using System.CommandLine;

namespace CourseKit.Cli;

/// <summary>The kit's exit codes: 0 success, 1 the computation failed (say diverged), 2 bad usage.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>
    /// Parses and invokes; a parse error (unknown flag, bad value) exits 2 naming the flag, and an
    /// <see cref="UsageException"/> or out-of-range hyperparameter thrown by a command does too.
    /// </summary>
    public static int Run(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var config = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out,
            Error = stderr ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) config.Error.WriteLine($"coursekit: {OptionOf(error.SymbolResult)}{error.Message}");
            config.Error.WriteLine("Run 'coursekit --help' (or the command with --help) for usage.");
            return Usage;
        }

        try
        {
            return parse.Invoke(config);
        }
        catch (Exception e) when (e is UsageException or ArgumentException or FormatException)
        {
            config.Error.WriteLine($"coursekit: {e.Message}");
            return Usage;
        }
    }

    // "Argument 'xml' not recognized" alone does not say which flag it was given to.
    private static string OptionOf(System.CommandLine.Parsing.SymbolResult? symbol)
    {
        for (; symbol is not null; symbol = symbol.Parent)
            if (symbol is System.CommandLine.Parsing.OptionResult option) return option.Option.Name + ": ";
        return "";
    }
}
