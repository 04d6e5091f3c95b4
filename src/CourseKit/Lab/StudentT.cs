namespace CourseKit.Lab;

/// <summary>
/// Student's t distribution, for confidence intervals over a handful of seeds: with three seeds the 95% interval
/// is ±4.30 standard errors, not the ±1.96 of the normal approximation, which would call noise a difference.
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ <paramref name="t"/>) for <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        if (double.IsNaN(t)) throw new ArgumentOutOfRangeException(nameof(t), t, "t must be a number.");
        if (double.IsInfinity(t)) return t > 0 ? 1 : 0;
        double x = degreesOfFreedom / (degreesOfFreedom + t * t);
        double tail = 0.5 * RegularizedIncompleteBeta(degreesOfFreedom / 2, 0.5, x);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>The <paramref name="p"/>-quantile: the t with <see cref="Cdf"/>(t) = p (bisection, to 1e-12).</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        CheckDegrees(degreesOfFreedom);
        if (p is not (> 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be in (0, 1).");
        if (p < 0.5) return -Quantile(1 - p, degreesOfFreedom);
        double low = 0, high = 1;
        while (Cdf(high, degreesOfFreedom) < p) high *= 2;
        for (int i = 0; i < 200 && high - low > 1e-12 * Math.Max(1, high); i++)
        {
            double mid = 0.5 * (low + high);
            if (Cdf(mid, degreesOfFreedom) < p) low = mid;
            else high = mid;
        }

        return 0.5 * (low + high);
    }

    private static void CheckDegrees(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 0) || double.IsInfinity(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "degreesOfFreedom must be a finite number > 0.");
    }

    // I_x(a, b) by its continued fraction (Lentz), flipped to the side where it converges fast.
    private static double RegularizedIncompleteBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - front * ContinuedFraction(b, a, 1 - x) / b;
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.Abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 500; m++)
        {
            double m2 = 2 * m;
            double num = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + num * d; d = 1 / (Math.Abs(d) < tiny ? tiny : d);
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + num * d; d = 1 / (Math.Abs(d) < tiny ? tiny : d);
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }

        return h;
    }

    // Lanczos (g = 7, n = 9): about 15 digits for x > 0.
    private static double LogGamma(double x)
    {
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double sum = g[0];
        for (int i = 1; i < g.Length; i++) sum += g[i] / (x + i);
        double t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
