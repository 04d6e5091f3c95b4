using System.Globalization;

namespace CourseKit.Notebooks;

/// <summary>
/// The check cell of an exercise: compares a student's answer with the expected one, which a topic's checker
/// computes in the library (so the answer is not on screen), and says in words what is right or what to try.
/// </summary>
public static class Exercise
{
    /// <summary>A yes/no check: <c>✓ correct: NAME</c>, or <c>✗ not yet: NAME — HINT</c>.</summary>
    public static string Check(string name, bool ok, string hint) =>
        ok ? $"✓ correct: {name}" : $"✗ not yet: {name} — {hint}";

    /// <summary>
    /// A numeric answer within <paramref name="tolerance"/> of <paramref name="expected"/>. An answer left as
    /// NaN (the notebooks' "not answered yet") gets the hint; the expected value is never printed for a wrong answer.
    /// </summary>
    public static string Check(string name, double answer, double expected, double tolerance, string hint)
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "must be >= 0");
        if (double.IsNaN(answer)) return $"✗ not yet: {name} is still NaN; {hint}";
        string shown = answer.ToString("G6", CultureInfo.InvariantCulture);
        return Math.Abs(answer - expected) <= tolerance
            ? $"✓ correct: {name} = {shown}"
            : $"✗ not yet: {name} = {shown}; {hint}";
    }

    /// <summary>
    /// A choice among names ("which optimizer reaches the minimum first?"). Every name in
    /// <paramref name="right"/> is accepted, so a tie never rejects a right answer.
    /// </summary>
    public static string Check(string name, string? answer, IReadOnlyCollection<string> right, string hint)
    {
        ArgumentNullException.ThrowIfNull(right);
        if (string.IsNullOrWhiteSpace(answer)) return $"✗ not yet: {name} is still empty; {hint}";
        bool ok = right.Any(r => string.Equals(r.Trim(), answer.Trim(), StringComparison.OrdinalIgnoreCase));
        return ok
            ? $"✓ correct: {name} = {answer}" + (right.Count > 1 ? $" (a tie: {string.Join(", ", right)} all count)" : "")
            : $"✗ not yet: {name} = {answer}; {hint}";
    }
}
