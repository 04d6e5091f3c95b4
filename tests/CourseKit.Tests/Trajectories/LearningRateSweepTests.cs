using CourseKit.Optimizers;
using CourseKit.Surfaces;
using CourseKit.Trajectories;

namespace CourseKit.Tests.Trajectories;

public class LearningRateSweepTests
{
    [Fact]
    public void LogGrid_spaces_values_evenly_in_decades_and_includes_both_ends()
    {
        double[] grid = LearningRateSweep.LogGrid(1e-3, 1, 4);
        Assert.Equal(13, grid.Length);
        Assert.Equal(1e-3, grid[0]);
        Assert.Equal(1, grid[^1], 1e-12);
        for (int i = 1; i < grid.Length; i++) Assert.Equal(0.25, Math.Log10(grid[i] / grid[i - 1]), 1e-12);
        Assert.Equal([2.0], LearningRateSweep.LogGrid(2, 3, 1));
    }

    [Fact]
    public void Each_loss_is_the_final_loss_of_that_run_and_divergence_is_infinite()
    {
        var q = new Quadratic(10);
        double[] rates = [0.01, 0.1, 0.19, 0.5];   // SGD on κ = 10 is stable only below 2/10; at 0.5 J overflows
        var sweep = LearningRateSweep.Run(e => new Sgd<double>(e), q, q.SuggestedStart, 300, rates);
        for (int i = 0; i < 3; i++)
            Assert.Equal(Trajectory.Run(new Sgd<double>(rates[i]), q, q.SuggestedStart, 300).Last.Loss, sweep.Losses[i]);
        Assert.Equal(double.PositiveInfinity, sweep.Losses[3]);
        Assert.Equal(0.19, sweep.BestRate);   // the largest stable ε moves fastest along the flat direction
        Assert.False(sweep.BestAtEdge);
    }

    [Fact]
    public void Band_counts_the_unbroken_stretch_around_the_best_within_the_factor()
    {
        // The band recomputed by hand from the losses the sweep reports, and its monotonicity in the factor.
        var q = new Quadratic(10);
        double[] rates = LearningRateSweep.LogGrid(1e-3, 0.3, 4);
        var sweep = LearningRateSweep.Run(e => new Sgd<double>(e), q, q.SuggestedStart, 100, rates);
        double threshold = 10 * sweep.BestLoss;
        int low = sweep.BestIndex, high = sweep.BestIndex;
        while (low > 0 && sweep.Losses[low - 1] <= threshold) low--;
        while (high < rates.Length - 1 && sweep.Losses[high + 1] <= threshold) high++;
        Assert.Equal(Math.Log10(rates[high] / rates[low]), sweep.BandDecades(10), 1e-12);
        Assert.True(sweep.BandDecades(1e6) >= sweep.BandDecades(10));
        Assert.Equal(0, sweep.BandDecades(1));
    }

    [Fact]
    public void Converged_losses_count_as_ties()
    {
        // Newton-like speed: AdaGrad on the aligned ravine drives J to ~1e-20 at several ε; with a converged floor
        // those all join the band, without it only the very best does.
        var q = new Quadratic(100);
        var sweep = LearningRateSweep.Run(e => new AdaGrad<double>(e), q, q.SuggestedStart, 400, LearningRateSweep.LogGrid(0.5, 8, 4));
        Assert.True(sweep.BestLoss < 1e-12);
        Assert.True(sweep.BandDecades(10, 1e-8) > sweep.BandDecades(10));
    }

    [Fact]
    public void Bad_grids_throw_naming_the_parameter()
    {
        var q = new Quadratic();
        Assert.Equal("rates", Assert.Throws<ArgumentException>(() => LearningRateSweep.Run(e => new Sgd<double>(e), q, (1, 1), 5, [0.1, 0.1])).ParamName);
        Assert.Equal("rates", Assert.Throws<ArgumentException>(() => LearningRateSweep.Run(e => new Sgd<double>(e), q, (1, 1), 5, [])).ParamName);
        Assert.Equal("rates", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSweep.Run(e => new Sgd<double>(e), q, (1, 1), 5, [-1.0])).ParamName);
        Assert.Equal("steps", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSweep.Run(e => new Sgd<double>(e), q, (1, 1), 0, [0.1])).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSweep.LogGrid(1, 0.1, 4)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSweep.Run(e => new Sgd<double>(e), q, (1, 1), 5, [0.1]).BandDecades(0.5)).ParamName);
    }
}
