using CourseKit.Networks;
using CourseKit.SecondOrder;
using CourseKit.Surfaces;

namespace CourseKit.Notebooks;

/// <summary>
/// The expected answers of notebook 15's exercises (second-order methods), computed here so the check cell
/// does not show them.
/// </summary>
public static class NewtonExercises
{
    /// <summary>How many Newton steps from the surface's suggested start until J ≤ <paramref name="tolerance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">tolerance is not a number ≥ 0, or maxSteps &lt; 1.</exception>
    /// <exception cref="InvalidOperationException">Newton does not get there within <paramref name="maxSteps"/> steps
    /// (it may be heading for a saddle or a maximum), or meets a singular ℍ.</exception>
    public static int StepsToReach(Surface surface, double tolerance, int maxSteps = 100)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "must be a number >= 0");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSteps, 1);
        var (x, y) = surface.SuggestedStart;
        var newton = new Newton();
        for (int k = 0; k <= maxSteps; k++)
        {
            if (surface.Value(x, y) <= tolerance) return k;
            if (k < maxSteps) (x, y) = newton.Step(surface, x, y);
        }

        throw new InvalidOperationException($"Newton does not reach J ≤ {tolerance} on {surface.Name} within {maxSteps} steps.");
    }

    /// <summary>
    /// Along a direction of negative curvature μ, one damped Newton step multiplies the distance to the saddle by
    /// λ_d/(λ_d + μ). This returns the smallest λ_d &gt; 0 at which that factor has size 1 (the step no longer
    /// brings the point closer): λ_d = −μ/2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">μ is not a finite negative number.</exception>
    public static double DampingThatKeepsDistance(double curvature)
    {
        if (!(curvature < 0) || !double.IsFinite(curvature))
            throw new ArgumentOutOfRangeException(nameof(curvature), curvature, "must be a finite negative curvature");
        return -curvature / 2;
    }

    /// <summary>Gigabytes (10⁹ bytes) of a float32 Hessian of the MLP with these layer sizes: n² entries of 4 bytes.</summary>
    public static double HessianGigabytes(int[] layers)
    {
        long n = new Mlp(layers).ParameterCount;
        return (double)n * n * sizeof(float) / 1e9;
    }
}
