namespace CourseKit.Charts;

/// <summary>
/// A function of two variables sampled on a regular grid over a window: the input of contour,
/// heatmap and 3-D surface charts. <c>Z[j][i]</c> is f(X[i], Y[j]) — rows follow y, as plotly expects.
/// </summary>
public sealed class SurfaceGrid
{
    private SurfaceGrid(double[] x, double[] y, double[][] z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    /// <summary>Grid coordinates along x (columns).</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Grid coordinates along y (rows).</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Values, one row per y coordinate.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Z { get; }

    /// <summary>
    /// Samples <paramref name="f"/> on <paramref name="resolution"/> × <paramref name="resolution"/>
    /// points spanning [xMin, xMax] × [yMin, yMax] (both ends included).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An empty window or fewer than 2 points per side.</exception>
    /// <exception cref="ArgumentException">f is NaN or infinite somewhere on the grid.</exception>
    public static SurfaceGrid Sample(Func<double, double, double> f, double xMin, double xMax, double yMin, double yMax, int resolution = 80)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(xMax > xMin)) throw new ArgumentOutOfRangeException(nameof(xMax), xMax, $"The window needs xMax > xMin (xMin = {xMin}).");
        if (!(yMax > yMin)) throw new ArgumentOutOfRangeException(nameof(yMax), yMax, $"The window needs yMax > yMin (yMin = {yMin}).");
        if (resolution < 2 || resolution > 1000)
            throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "resolution must be in [2, 1000] points per side.");

        double[] x = Linspace(xMin, xMax, resolution);
        double[] y = Linspace(yMin, yMax, resolution);
        var z = new double[resolution][];
        for (int j = 0; j < resolution; j++)
        {
            z[j] = new double[resolution];
            for (int i = 0; i < resolution; i++)
            {
                double v = f(x[i], y[j]);
                if (!double.IsFinite(v))
                    throw new ArgumentException($"The function is {v} at ({x[i]}, {y[j]}); charts need finite values, so shrink the window.", nameof(f));
                z[j][i] = v;
            }
        }

        return new SurfaceGrid(x, y, z);
    }

    /// <summary>A surface sampled over its own <see cref="Surfaces.Surface.Window"/>.</summary>
    public static SurfaceGrid Of(Surfaces.Surface surface, int resolution = 80)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var w = surface.Window;
        return Sample(surface.Value, w.XMin, w.XMax, w.YMin, w.YMax, resolution);
    }

    /// <summary>
    /// The same grid with z replaced by log10(1 + z − min z): valleys as steep as Rosenbrock's
    /// get evenly spaced contour lines instead of one dark blob.
    /// </summary>
    public SurfaceGrid LogScaled()
    {
        double min = Z.Min(row => row.Min());
        var z = Z.Select(row => row.Select(v => Math.Log10(1 + v - min)).ToArray()).ToArray();
        return new SurfaceGrid(X.ToArray(), Y.ToArray(), z);
    }

    private static double[] Linspace(double a, double b, int n)
    {
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a + (b - a) * i / (n - 1);
        return values;
    }
}
