using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Notebooks;

/// <summary>
/// The rule that keeps a slide to a few lines while the notebook keeps its full explanation: a
/// Markdown cell is cut into blocks (paragraphs, lists, display math, fenced code); headings and
/// display math stay on the slide, prose stays while the cell's running word count is within
/// <see cref="WordBudget"/>, and a first paragraph longer than that keeps its first sentence (in
/// the course, the bold question). Everything else becomes speaker notes (key S), in order.
/// </summary>
public static partial class DeckText
{
    /// <summary>Words of prose a Markdown cell may put on a slide; the rest goes to the speaker notes.</summary>
    public const int WordBudget = 40;

    /// <summary>Splits <paramref name="markdown"/> into what the slide shows and what the speaker notes get.</summary>
    public static (string Slide, string Notes) Split(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var slide = new StringBuilder();
        var notes = new StringBuilder();
        int words = 0;
        bool anyProse = false;
        foreach (string block in Blocks(markdown))
        {
            string trimmed = block.TrimStart();
            if (trimmed.StartsWith('#') || trimmed.StartsWith("$$", StringComparison.Ordinal))
            {
                slide.Append(block).Append("\n\n");
                continue;
            }

            int count = Words(block);
            if (words + count <= WordBudget)
            {
                slide.Append(block).Append("\n\n");
                words += count;
            }
            else if (ListItem().IsMatch(block))
            {
                // A long list keeps each item's lead sentence ("1. **Terminal velocity.**"); the notes get it whole.
                foreach (string item in Items(block))
                    slide.Append(FirstSentence(item) is { } lead ? lead.First : item).Append('\n');
                slide.Append('\n');
                notes.Append(block).Append("\n\n");
                words = WordBudget;
            }
            else if (!anyProse && FirstSentence(block) is { } sentence && Words(sentence.First) <= WordBudget)
            {
                slide.Append(sentence.First).Append("\n\n");
                notes.Append(sentence.Remainder).Append("\n\n");
                words = WordBudget;
            }
            else
            {
                notes.Append(block).Append("\n\n");
                words = WordBudget;
            }

            anyProse = true;
        }

        return (slide.ToString().Trim(), notes.ToString().Trim());
    }

    /// <summary>Words of prose in <paramref name="text"/>, math counted as one word per formula.</summary>
    public static int Words(string text) => WordPattern().Matches(InlineMath().Replace(text, " x ")).Count;

    // Blank lines separate blocks, except inside a ``` fence or a multi-line $$ … $$.
    private static IEnumerable<string> Blocks(string markdown)
    {
        var current = new StringBuilder();
        bool fence = false, math = false;
        foreach (string line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string t = line.Trim();
            if (t.StartsWith("```", StringComparison.Ordinal)) fence = !fence;
            else if (!fence && t == "$$") math = !math;
            if (t.Length == 0 && !fence && !math)
            {
                if (current.Length > 0) yield return current.ToString().TrimEnd();
                current.Clear();
                continue;
            }

            current.Append(line).Append('\n');
        }

        if (current.Length > 0) yield return current.ToString().TrimEnd();
    }

    private static IEnumerable<string> Items(string list)
    {
        var item = new StringBuilder();
        foreach (string line in list.Split('\n'))
        {
            if (ListItem().IsMatch(line) && item.Length > 0)
            {
                yield return item.ToString().TrimEnd();
                item.Clear();
            }

            item.Append(line).Append(' ');
        }

        if (item.Length > 0) yield return item.ToString().TrimEnd();
    }

    // The first sentence ends at ". ", "? " or "! " outside math and bold; null when there is no second sentence.
    private static (string First, string Remainder)? FirstSentence(string paragraph)
    {
        foreach (Match end in SentenceEnd().Matches(paragraph))
        {
            string first = paragraph[..end.Index];
            if (Words(ListItem().Replace(first, "")) < 2) continue;
            if (first.Count(c => c == '$') % 2 == 1 || Regex.Matches(first, @"\*\*").Count % 2 == 1) continue;
            string rest = paragraph[(end.Index + end.Length)..].Trim();
            if (rest.Length == 0) return null;
            return (first.Trim(), rest);
        }

        return null;
    }

    [GeneratedRegex(@"(?<=[.?!](\*\*)?)\s+(?=[A-Z*$(`_])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^\s*([-*+]|\d+[.)])\s+")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"\$[^$]+\$")]
    private static partial Regex InlineMath();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
