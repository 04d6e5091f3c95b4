using System.Globalization;
using System.Text;

namespace CourseKit.Notebooks;

/// <summary>
/// A reading that checks itself. A notebook says what its numbers show ("momentum's swings shrink") and,
/// in the cell right after, asserts it with the values it measured:
/// <code>
/// Claim.That(swingsLate &lt; swingsEarly / 2, "momentum's swings shrink", ("early", swingsEarly), ("late", swingsLate));
/// </code>
/// A true claim prints <c>✓ claim: momentum's swings shrink (early = 0.41, late = 0.07)</c>; a false one
/// throws <see cref="ClaimFailedException"/> with the same values, so the cell fails wherever the notebook
/// runs (<c>coursekit run</c>, Jupyter, CI) and the prose can never drift from the output above it.
/// </summary>
public static class Claim
{
    /// <summary>The prefix every passing claim prints; tests count claims by it.</summary>
    public const string Mark = "✓ claim: ";

    /// <summary>Asserts <paramref name="condition"/>; returns the printed line, or throws with the measured values.</summary>
    public static string That(bool condition, string sentence, params (string Name, object? Value)[] measured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sentence);
        string line = sentence + Values(measured);
        if (!condition) throw new ClaimFailedException("✗ claim does not hold: " + line);
        string printed = Mark + line;
        Console.WriteLine(printed);
        return printed;
    }

    /// <summary>
    /// Asserts that a behaviour holds over several seeds: <paramref name="holds"/> is evaluated per seed and must
    /// be true for at least <paramref name="atLeast"/> of them (all of them by default).
    /// </summary>
    public static string ForSeeds(IEnumerable<int> seeds, Func<int, bool> holds, string sentence, int? atLeast = null)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(holds);
        int[] all = seeds.ToArray();
        if (all.Length == 0) throw new ArgumentException("give at least one seed", nameof(seeds));
        int[] failing = all.Where(s => !holds(s)).ToArray();
        int needed = atLeast ?? all.Length;
        if (needed < 1 || needed > all.Length)
            throw new ArgumentOutOfRangeException(nameof(atLeast), atLeast, $"must be in [1, {all.Length}] (the number of seeds)");
        return That(all.Length - failing.Length >= needed, sentence,
            ("holds for", $"{all.Length - failing.Length} of {all.Length} seeds"),
            ("needed", needed),
            ("failing seeds", failing.Length == 0 ? "none" : string.Join(",", failing)));
    }

    /// <summary>Asserts |<paramref name="actual"/> − <paramref name="expected"/>| ≤ <paramref name="tolerance"/>.</summary>
    public static string Near(double actual, double expected, double tolerance, string sentence)
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "must be >= 0");
        return That(Math.Abs(actual - expected) <= tolerance, sentence,
            ("measured", actual), ("expected", expected), ("tolerance", tolerance));
    }

    private static string Values((string Name, object? Value)[] measured)
    {
        if (measured is null || measured.Length == 0) return "";
        var text = new StringBuilder(" (");
        for (int i = 0; i < measured.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(measured[i].Name).Append(" = ").Append(Format(measured[i].Value));
        }

        return text.Append(')').ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        float f => f.ToString("G4", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
