using CourseKit.Charts;

namespace CourseKit.Tests.Charts;

public class SurfaceGridTests
{
    [Fact]
    public void Rows_follow_y_and_columns_follow_x_with_both_ends_included()
    {
        var grid = SurfaceGrid.Sample((x, y) => 10 * x + y, 0, 1, -2, 2, resolution: 5);

        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0], grid.X);
        Assert.Equal([-2.0, -1, 0, 1, 2], grid.Y);
        for (int j = 0; j < 5; j++)
            for (int i = 0; i < 5; i++)
                Assert.Equal(10 * grid.X[i] + grid.Y[j], grid.Z[j][i], 12);
    }

    [Fact]
    public void A_non_finite_value_names_where_it_happened()
    {
        var e = Assert.Throws<ArgumentException>(() => SurfaceGrid.Sample((x, y) => Math.Log(x), -1, 1, 0, 1, resolution: 3));
        Assert.Contains("(-1, 0)", e.Message);
    }

    [Fact]
    public void Bad_windows_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SurfaceGrid.Sample((x, y) => 0, 1, 1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SurfaceGrid.Sample((x, y) => 0, 0, 1, 0, 1, resolution: 1));
    }

    [Fact]
    public void Log_scaling_keeps_the_order_and_starts_at_zero()
    {
        var grid = SurfaceGrid.Sample((x, y) => x * x + y * y + 5, -1, 1, -1, 1, resolution: 11).LogScaled();
        Assert.Equal(0, grid.Z[5][5], 12);
        Assert.Equal(Math.Log10(3), grid.Z[0][0], 12);
        Assert.True(grid.Z[5][6] < grid.Z[5][8]);
    }
}
