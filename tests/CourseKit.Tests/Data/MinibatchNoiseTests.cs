using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class MinibatchNoiseTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(16, 64)]
    [InlineData(3, 300)]
    public void Without_a_population_the_error_follows_the_square_root_law(int from, int to)
    {
        Assert.Equal(Math.Sqrt((double)from / to), MinibatchNoise.ErrorRatio(from, to), 12);
        Assert.Equal(1.0, MinibatchNoise.RelativeError(1), 12);
    }

    [Fact]
    public void The_full_batch_is_exact_and_the_factor_matters_only_near_it()
    {
        Assert.Equal(0.0, MinibatchNoise.RelativeError(500, population: 500), 12);
        Assert.Equal(1.0, MinibatchNoise.RelativeError(1, population: 500), 12);
        Assert.True(MinibatchNoise.RelativeError(250, 500) < MinibatchNoise.RelativeError(250));
        Assert.InRange(MinibatchNoise.RelativeError(5, 100_000) / MinibatchNoise.RelativeError(5), 0.9999, 1.0);
    }

    [Fact]
    public void It_matches_the_spread_of_means_of_random_subsets()
    {
        // 40 values, means of 10 drawn without replacement, 20,000 times: their spread is σ · RelativeError(10, 40).
        var random = new Random(11);
        double[] values = Enumerable.Range(0, 40).Select(_ => random.NextDouble() * 10).ToArray();
        double mean = values.Average();
        double sigma = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        int[] rows = Enumerable.Range(0, values.Length).ToArray();
        double sumSquares = 0;
        const int draws = 20_000;
        for (int d = 0; d < draws; d++)
        {
            random.Shuffle(rows);
            double m = rows.Take(10).Average(i => values[i]);
            sumSquares += (m - mean) * (m - mean);
        }

        double measured = Math.Sqrt(sumSquares / draws) / sigma;
        Assert.InRange(measured / MinibatchNoise.RelativeError(10, population: 40), 0.97, 1.03);
        Assert.True(Math.Abs(measured - MinibatchNoise.RelativeError(10)) > 0.02, "the finite-population factor is visible at m = N/4");
    }

    [Fact]
    public void Bad_sizes_name_the_parameter()
    {
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => MinibatchNoise.RelativeError(0)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => MinibatchNoise.RelativeError(11, population: 10)).ParamName);
        Assert.Equal("population", Assert.Throws<ArgumentOutOfRangeException>(() => MinibatchNoise.RelativeError(1, population: 1)).ParamName);
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => MinibatchNoise.ErrorRatio(0, 4)).ParamName);
    }
}
