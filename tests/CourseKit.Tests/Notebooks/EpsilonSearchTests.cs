using CourseKit.Notebooks;

namespace CourseKit.Tests.Notebooks;

public class EpsilonSearchTests
{
    // A score with its minimum at log10 ε = target, the same for every seed but shifted by the seed.
    private static Func<double, IReadOnlyList<double>> Valley(double bestEpsilon) =>
        eps => new[] { 0, 1, 2 }.Select(s => Math.Pow(Math.Log10(eps / bestEpsilon), 2) + 0.01 * s).ToArray();

    [Fact]
    public void The_grid_is_centred_geometrically_and_spaced_by_the_factor()
    {
        double[] grid = EpsilonSearch.Grid(0.01, points: 5, factor: 10);
        Assert.Equal(5, grid.Length);
        double[] expected = [1e-4, 1e-3, 1e-2, 1e-1, 1];
        for (int i = 0; i < 5; i++) Assert.Equal(expected[i], grid[i], expected[i] * 1e-12);
        double[] even = EpsilonSearch.Grid(1, points: 4, factor: 4);
        Assert.Equal(1.0, even[1] * even[2], 12);
    }

    [Fact]
    public void A_best_inside_the_grid_is_not_widened()
    {
        var search = EpsilonSearch.Run(0.01, Valley(0.01 * Math.Sqrt(10)));
        Assert.Equal(0, search.Widened);
        Assert.Equal(7, search.Tried.Count);
        Assert.Equal(0.01 * Math.Sqrt(10), search.BestEpsilon, 1e-12);
        Assert.False(search.AtEdge);
        Assert.Equal([0.0, 0.01, 0.02], search.BestScores.Select(s => Math.Round(s, 6)));
    }

    [Fact]
    public void A_best_on_an_edge_is_widened_until_it_is_inside()
    {
        var search = EpsilonSearch.Run(0.001, Valley(1));   // the grid ends at 0.0316, the valley is at 1
        Assert.Equal(1, search.BestEpsilon, 1e-9);
        Assert.False(search.AtEdge);
        Assert.True(search.Widened > 0);
        Assert.Equal(search.Tried.OrderBy(t => t.Epsilon).Select(t => t.Epsilon), search.Tried.Select(t => t.Epsilon));
        Assert.Equal(search.Tried[^2].Epsilon, search.BestEpsilon, 1e-12);
    }

    [Fact]
    public void The_widening_stops_at_its_bound_and_says_so()
    {
        var search = EpsilonSearch.Run(1, Valley(1e-9), maxWiden: 2);
        Assert.Equal(2, search.Widened);
        Assert.True(search.AtEdge);
        Assert.Equal(search.Tried[0].Epsilon, search.BestEpsilon);
    }

    [Fact]
    public void A_plateau_of_equal_scores_is_not_an_edge_and_divergence_is_never_best()
    {
        // Everything up to ε = 0.1 converges to the same floor; above it, it diverges.
        var search = EpsilonSearch.Run(0.01, eps => eps > 0.1 ? [double.PositiveInfinity, 0] : [-12.0, -12.0]);
        Assert.Equal(0, search.Widened);
        Assert.Equal(0.01, search.BestEpsilon, 1e-12);
        Assert.False(search.AtEdge);
    }

    [Fact]
    public void Bad_settings_and_NaN_scores_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EpsilonSearch.Grid(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpsilonSearch.Grid(1, points: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpsilonSearch.Grid(1, factor: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EpsilonSearch.Run(1, Valley(1), maxWiden: -1));
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => EpsilonSearch.Run(1, _ => [double.NaN])).Message);
        Assert.Throws<ArgumentException>(() => EpsilonSearch.Run(1, _ => []));
    }
}
