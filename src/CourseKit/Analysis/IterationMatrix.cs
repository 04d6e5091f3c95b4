using System.Numerics;

namespace CourseKit.Analysis;

/// <summary>
/// One step of a momentum method on one eigen-direction of a quadratic, as a 2×2 matrix acting on the state
/// [x; v] (the coordinate along that direction and the velocity):
/// <code>
/// [x_{k+1}]   [M11 M12] [x_k]
/// [v_{k+1}] = [M21 M22] [v_k]
/// </code>
/// After k steps the state is M^k [x₀; v₀], so the eigenvalues of M say everything about the run: their
/// largest modulus (the spectral radius) is the contraction per step, and a complex pair means a spiral, with
/// the angle saying how fast the coordinate turns around the minimum.
/// </summary>
public readonly record struct IterationMatrix(double M11, double M12, double M21, double M22)
{
    /// <summary>M11 + M22, the sum of the eigenvalues.</summary>
    public double Trace => M11 + M22;

    /// <summary>M11·M22 − M12·M21, the product of the eigenvalues.</summary>
    public double Determinant => M11 * M22 - M12 * M21;

    /// <summary>Trace² − 4·Determinant: negative when the eigenvalues are a complex pair.</summary>
    public double Discriminant => Trace * Trace - 4 * Determinant;

    /// <summary>Whether the eigenvalues are a complex-conjugate pair (the state spirals).</summary>
    public bool HasComplexEigenvalues => Discriminant < 0;

    /// <summary>The two eigenvalues, the one of larger modulus first (for a complex pair, the one with positive imaginary part).</summary>
    public (Complex Dominant, Complex Other) Eigenvalues
    {
        get
        {
            double t = Trace, d = Discriminant;
            if (d < 0)
            {
                double im = Math.Sqrt(-d) / 2;
                return (new Complex(t / 2, im), new Complex(t / 2, -im));
            }

            // Real roots: the one whose sign agrees with the trace has the larger modulus. The other comes
            // from the product (the determinant), which avoids cancellation when the two are far apart.
            double big = (t + (t >= 0 ? 1 : -1) * Math.Sqrt(d)) / 2;
            double small = big == 0 ? 0 : Determinant / big;
            return (big, small);
        }
    }

    /// <summary>ρ(M), the largest eigenvalue modulus: the error shrinks by about this factor per step (grows if &gt; 1).</summary>
    public double SpectralRadius => HasComplexEigenvalues ? Math.Sqrt(Determinant) : Eigenvalues.Dominant.Magnitude;

    /// <summary>
    /// The angle of the dominant eigenvalue in [0, π]: 0 for a positive real one (no oscillation), π for a negative
    /// real one (the sign flips every step), in between for a spiral that turns this far per step.
    /// </summary>
    public double Angle => Math.Abs(Eigenvalues.Dominant.Phase);

    /// <summary>
    /// How often, per step, x changes sign in the long run (a bounce from wall to wall): Angle/π, since a spiral
    /// crosses zero twice per turn of 2π.
    /// </summary>
    public double SignChangesPerStep => Angle / Math.PI;

    /// <summary>M [x; v].</summary>
    public (double X, double V) Apply(double x, double v) => (M11 * x + M12 * v, M21 * x + M22 * v);
}
