using CourseKit.Charts;
using Deedle;

namespace CourseKit.Tests.Charts;

public class FrameTableTests
{
    private static Frame<int, string> Steps(int rows) =>
        Frame.FromColumns(new Dictionary<string, Series<int, double>>
        {
            ["loss"] = new Series<int, double>(Enumerable.Range(0, rows), Enumerable.Range(0, rows).Select(i => 100.0 / (i + 1))),
            ["step size"] = new Series<int, double>(Enumerable.Range(0, rows), Enumerable.Range(0, rows).Select(i => 0.5 + i)),
        });

    [Fact]
    public void A_long_frame_shows_its_head_and_tail_only()
    {
        string html = FrameTable.ToHtml(Steps(500), headRows: 3, tailRows: 2);

        Assert.StartsWith("<table", html);
        Assert.Contains("<th>loss</th>", html);
        Assert.Contains("<th>step size</th>", html);
        Assert.Contains("<th>2</th>", html);
        Assert.DoesNotContain("<th>3</th>", html);
        Assert.Contains("<th>499</th>", html);
        Assert.Contains("500 rows × 2 columns", html);
        Assert.Contains("<td>33.3333</td>", html); // 100/3 to six digits
        Assert.Contains("<th>…</th>", html);
        Assert.DoesNotContain("-&gt;", html);
        Assert.True(html.Length < 2_000, $"The table should be small, but is {html.Length} characters.");
    }

    [Fact]
    public void A_short_frame_shows_every_row()
    {
        string html = FrameTable.ToHtml(Steps(4));
        for (int i = 0; i < 4; i++) Assert.Contains($"<th>{i}</th>", html);
    }

    [Fact]
    public void Only_frames_are_accepted()
    {
        Assert.Throws<ArgumentException>(() => FrameTable.ToHtml("not a frame"));
    }
}
