using System.CommandLine;
using System.Globalization;

namespace CourseKit.Cli.Input;

/// <summary>
/// Numbers typed on the command line: invariant culture, a dot for decimals, nothing else. A decimal comma
/// ("0,1") is refused with a hint instead of being read as a thousands separator (which made 0,1 into 1);
/// NaN and ±∞ are refused; whole numbers come with a stated range, so nothing overflows later.
/// </summary>
public static class CliNumbers
{
    /// <summary>A finite number such as <c>0.1</c>, <c>-2</c> or <c>1e-3</c>.</summary>
    /// <exception cref="UsageException">Anything else; the message names <paramref name="flag"/>.</exception>
    public static double Double(string text, string flag)
    {
        string s = text.Trim();
        if (s.Contains(',') && !s.Contains('.') && double.TryParse(s.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new UsageException($"{flag}: '{text}' uses a decimal comma; use a dot: {s.Replace(',', '.')}.");
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || s.Length == 0)
            throw new UsageException($"{flag}: '{text}' is not a number (write it with a dot, e.g. 0.1 or 1e-3).");
        if (!double.IsFinite(value))
            throw new UsageException($"{flag}: '{text}' is not a finite number.");
        return value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Int(string text, string flag, int min, int max)
    {
        string s = text.Trim();
        if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            if (s.Length > 0 && s.TrimStart('-', '+').All(char.IsAsciiDigit)) value = s.StartsWith('-') ? long.MinValue : long.MaxValue; // beyond long: out of range
            else throw new UsageException($"{flag}: '{text}' is not a whole number.");
        }
        if (value < min || value > max)
            throw new UsageException($"{flag}: {s} is out of range; the limit is {Range(min, max)}.");
        return (int)value;
    }

    /// <summary>A comma-separated list of whole numbers, each in range, none repeated, at most <paramref name="maxCount"/>.</summary>
    public static int[] IntList(string text, string flag, int min, int max, int maxCount)
    {
        string[] items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.All(i => i.Length == 0)) throw new UsageException($"{flag}: give at least one number.");
        if (items.Any(i => i.Length == 0)) throw new UsageException($"{flag}: '{text}' has an empty item; separate numbers by single commas.");
        if (items.Length > maxCount) throw new UsageException($"{flag}: {items.Length} numbers; the limit is {maxCount}.");
        int[] values = items.Select(i => Int(i, flag, min, max)).ToArray();
        Distinct(values.Select(v => v.ToString(CultureInfo.InvariantCulture)), flag);
        return values;
    }

    /// <summary>Refuses a repeated item ("sgd,sgd"), which would otherwise crash or be pooled silently.</summary>
    public static void Distinct(IEnumerable<string> items, string flag)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in items)
            if (!seen.Add(item)) throw new UsageException($"{flag}: '{item}' is given twice; give each once.");
    }

    /// <summary>An option holding a finite number read by <see cref="Double"/> (the parser's own reading takes "0,1" as 1).</summary>
    public static Option<double?> DoubleOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            try
            {
                return Double(result.Tokens[0].Value, name);
            }
            catch (UsageException e)
            {
                result.AddError(e.Message[(name.Length + 2)..]);
                return null;
            }
        },
    };

    private static string Range(int min, int max) =>
        max == int.MaxValue ? $"at least {min.ToString("N0", CultureInfo.InvariantCulture)}"
        : $"{min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}";
}
