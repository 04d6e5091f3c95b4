using CourseKit.Notebooks;

namespace CourseKit.Tests.Notebooks;

public class TiedRankingTests
{
    private static TiedRanking Rank(params (string Name, double[] Scores)[] contenders) =>
        TiedRanking.Of(contenders.Select(c => (c.Name, (IReadOnlyList<double>)c.Scores)));

    [Fact]
    public void Mean_and_spread_are_the_sample_mean_and_standard_deviation()
    {
        var e = Rank(("a", [1, 2, 3, 6])).Entries.Single();
        Assert.Equal(3, e.Mean, 12);
        Assert.Equal(Math.Sqrt((4 + 1 + 0 + 9) / 3.0), e.Spread, 12);
        Assert.Equal("3 ± 2.2", e.Summary());
    }

    [Fact]
    public void Overlapping_intervals_are_a_tie_and_separate_ones_an_order()
    {
        // a = 1 ± 0.1, b = 1.15 ± 0.1 (overlap), c = 2 ± 0.1 (clear of both)
        var r = Rank(("c", [1.9, 2.0, 2.1]), ("b", [1.05, 1.15, 1.25]), ("a", [0.9, 1.0, 1.1]));
        Assert.Equal(["a", "b", "c"], r.Entries.Select(e => e.Name));
        Assert.Equal(["a", "b"], r.Leaders);
        Assert.Equal(1, r["b"].Rank);
        Assert.Equal(3, r["c"].Rank);
        Assert.True(r["a"].TiedWith(r["b"]));
        Assert.False(r["a"].TiedWith(r["c"]));
    }

    [Fact]
    public void A_contender_tied_with_the_best_but_clearly_beaten_by_another_does_not_lead()
    {
        // a = 0 ± 1 is tied with everyone; c = 0.5 ± 0.1 clearly beats b = 1.5 ± 0.6.
        var r = Rank(("a", [-1, 0, 1]), ("b", [0.9, 1.5, 2.1]), ("c", [0.4, 0.5, 0.6]));
        Assert.True(r["b"].TiedWith(r["a"]));
        Assert.Equal(2, r["b"].Rank);
        Assert.Equal(["a", "c"], r.Leaders);
    }

    [Fact]
    public void Deterministic_scores_tie_only_when_equal()
    {
        var r = Rank(("x", [-12, -12, -12]), ("y", [-12, -12, -12]), ("z", [-11.9, -11.9, -11.9]));
        Assert.Equal(["x", "y"], r.Leaders);
        Assert.Equal(3, r["z"].Rank);
    }

    [Fact]
    public void A_diverged_seed_ranks_behind_every_finite_mean_and_ties_only_with_other_divergences()
    {
        var r = Rank(("bad", [0.1, double.PositiveInfinity, 0.1]), ("ok", [5, 6, 7]), ("worse", [double.PositiveInfinity, 1, 1]));
        Assert.Equal("ok", r.Entries[0].Name);
        Assert.Equal(2, r["bad"].Rank);
        Assert.Equal(2, r["worse"].Rank);
        Assert.True(r["bad"].TiedWith(r["worse"]));
        Assert.False(r["bad"].TiedWith(r["ok"]));
        Assert.Equal("diverged (1 of 3 seeds)", r["bad"].Summary());
    }

    [Fact]
    public void The_best_mean_always_leads()
    {
        var random = new Random(4);
        for (int trial = 0; trial < 200; trial++)
        {
            var contenders = Enumerable.Range(0, 5)
                .Select(i => ($"c{i}", Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 3 + i * random.NextDouble()).ToArray()))
                .ToArray();
            var r = Rank(contenders);
            Assert.Equal(1, r.Entries[0].Rank);
            Assert.All(r.Entries.Where(e => e.Leads), e => Assert.True(e.TiedWith(r.Entries[0])));
        }
    }

    [Fact]
    public void Bad_input_is_refused_with_the_contender_named()
    {
        Assert.Throws<ArgumentException>(() => Rank());
        Assert.Contains("'a'", Assert.Throws<ArgumentException>(() => Rank(("a", [1]))).Message);
        Assert.Contains("'a'", Assert.Throws<ArgumentException>(() => Rank(("a", [1, double.NaN]))).Message);
        Assert.Throws<ArgumentException>(() => Rank(("a", [1, double.NegativeInfinity])));
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => Rank(("a", [1, 2]), ("a", [1, 2]))).Message);
        Assert.Throws<KeyNotFoundException>(() => Rank(("a", [1, 2]))["b"]);
    }
}
