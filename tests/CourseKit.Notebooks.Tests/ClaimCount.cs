using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks.Tests;

/// <summary>
/// Counting a notebook's claims (<c>Claim.That</c>, <c>Claim.Near</c>, <c>Claim.ForSeeds</c>): the calls in its
/// code cells, and the "✓ claim:" lines its executed copy printed. <c>claim-floors.json</c> holds, per notebook,
/// the number of claims it had when the floor was last raised, so a claim that is deleted or stops running fails a test.
/// </summary>
internal static partial class ClaimCount
{
    public static string FloorsFile => Path.Combine(Repository.Root, "tests", "CourseKit.Notebooks.Tests", "claim-floors.json");

    /// <summary>The course's claims, at least, over the student notebooks 00–17 (issue 14 asks for 80).</summary>
    public const int CourseFloor = 80;

    public static IReadOnlyDictionary<string, int> Floors() =>
        JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(FloorsFile))
        ?? throw new InvalidOperationException(FloorsFile + " is empty.");

    public static int Floor(string notebook) =>
        Floors().TryGetValue(notebook, out int floor)
            ? floor
            : throw new InvalidOperationException($"{notebook} has no entry in {FloorsFile}: add one with its number of claims.");

    /// <summary>Claim calls in the code cells of <paramref name="notebookPath"/>.</summary>
    public static int InSource(string notebookPath) =>
        NotebookFile.Load(notebookPath).Cells
            .Where(c => NotebookFile.CellType(c!) == "code")
            .Sum(c => ClaimCall().Matches(NotebookFile.Source(c!)).Count);

    /// <summary>"✓ claim:" lines in the outputs of an executed notebook.</summary>
    public static int Printed(string executedPath) =>
        NotebookFile.Load(executedPath).Cells
            .SelectMany(c => c!["outputs"] as JsonArray ?? [])
            .Select(o => NotebookFile.Text(o!["text"]) + NotebookFile.Text(o["data"]?["text/plain"]))
            .Sum(text => text.Split('\n').Count(line => line.TrimStart().StartsWith(CourseKit.Notebooks.Claim.Mark, StringComparison.Ordinal)));

    [GeneratedRegex(@"\bClaim\s*\.\s*(That|Near|ForSeeds)\s*\(")]
    private static partial Regex ClaimCall();
}
