using System.Globalization;

namespace CourseKit.Surfaces;

/// <summary>
/// The Hessian ℍ of a 2-D surface: the symmetric matrix of second derivatives
/// <code>
/// ℍ = [ ∂²f/∂x²   ∂²f/∂x∂y ]  =  [ Xx  Xy ]
///     [ ∂²f/∂y∂x  ∂²f/∂y²  ]     [ Xy  Yy ]
/// </code>
/// Its eigenvalues are the curvatures along its eigenvectors: both &gt; 0 at a minimum, both &lt; 0 at a
/// maximum, one of each at a saddle. Their ratio is the condition number that makes ravines hard for SGD.
/// </summary>
/// <remarks>
/// A symmetric 2×2 matrix is diagonalized in closed form: with m = (Xx+Yy)/2 and r = √(((Xx−Yy)/2)² + Xy²),
/// the eigenvalues are m ± r, and the eigenvector of m + r points at angle ½·atan2(2Xy, Xx−Yy).
/// </remarks>
public readonly record struct Hessian2(double Xx, double Xy, double Yy)
{
    /// <summary>The default relative tolerance below which an eigenvalue counts as zero: |λ| ≤ tol·max|λ|.</summary>
    public const double DefaultSingularTolerance = 1e-12;

    /// <summary>det ℍ = Xx·Yy − Xy² = λ₁λ₂ (negative at a saddle).</summary>
    public double Determinant => Xx * Yy - Xy * Xy;

    /// <summary>tr ℍ = Xx + Yy = λ₁ + λ₂.</summary>
    public double Trace => Xx + Yy;

    /// <summary>The eigenvalues in ascending order, λ₁ ≤ λ₂.</summary>
    public (double Min, double Max) Eigenvalues
    {
        get
        {
            double m = (Xx + Yy) / 2, r = double.Hypot((Xx - Yy) / 2, Xy);
            // m ± r loses the small eigenvalue to cancellation when |m| ≈ r; the large one is safe, and the
            // small one follows from λ₁λ₂ = det.
            double large = m >= 0 ? m + r : m - r;
            double small = large == 0 ? 0 : Determinant / large;
            return large >= small ? (small, large) : (large, small);
        }
    }

    /// <summary>
    /// Unit eigenvectors: <c>Min</c> belongs to λ₁ (the smaller eigenvalue), <c>Max</c> to λ₂. They are orthogonal.
    /// When ℍ is a multiple of the identity every direction is an eigenvector, and the axes are returned.
    /// </summary>
    public ((double X, double Y) Min, (double X, double Y) Max) Eigenvectors
    {
        get
        {
            double angle = Math.Atan2(2 * Xy, Xx - Yy) / 2;
            (double sin, double cos) = Math.SinCos(angle);
            return ((-sin, cos), (cos, sin));
        }
    }

    /// <summary>
    /// κ(ℍ) = max|λ| / min|λ|: how much more the surface curves in its steepest direction than in its
    /// flattest. Infinite for a singular ℍ; 1 for a round bowl.
    /// </summary>
    public double ConditionNumber
    {
        get
        {
            var (min, max) = Eigenvalues;
            double a = Math.Abs(min), b = Math.Abs(max);
            (double lo, double hi) = a <= b ? (a, b) : (b, a);
            return hi == 0 ? double.PositiveInfinity : hi / lo;
        }
    }

    /// <summary>
    /// Whether ℍ has an eigenvalue that is zero relative to the other: min|λ| ≤ tolerance·max|λ|
    /// (or ℍ = 0). Newton's step H⁻¹∇f is then undefined or meaninglessly large.
    /// </summary>
    public bool IsSingular(double relativeTolerance = DefaultSingularTolerance)
    {
        var (min, max) = Eigenvalues;
        double a = Math.Abs(min), b = Math.Abs(max);
        double hi = Math.Max(a, b), lo = Math.Min(a, b);
        return !(hi > 0) || lo <= relativeTolerance * hi;
    }

    /// <summary>ℍ⁻¹ = (1/det)·[Yy −Xy; −Xy Xx].</summary>
    /// <exception cref="InvalidOperationException">ℍ is singular (see <see cref="IsSingular"/>).</exception>
    public Hessian2 Inverse()
    {
        ThrowIfSingular();
        double det = Determinant;
        return new Hessian2(Yy / det, -Xy / det, Xx / det);
    }

    /// <summary>ℍv, the matrix times the vector (x, y).</summary>
    public (double X, double Y) Times(double x, double y) => (Xx * x + Xy * y, Xy * x + Yy * y);

    /// <summary>ℍ⁻¹v, the solution u of ℍu = v (the Newton direction when v = ∇f).</summary>
    /// <exception cref="InvalidOperationException">ℍ is singular (see <see cref="IsSingular"/>).</exception>
    public (double X, double Y) Solve(double x, double y)
    {
        ThrowIfSingular();
        double det = Determinant;
        return ((Yy * x - Xy * y) / det, (Xx * y - Xy * x) / det);
    }

    /// <summary>ℍ + λI: every eigenvalue shifted by λ, eigenvectors unchanged (Levenberg damping).</summary>
    public Hessian2 AddDiagonal(double lambda) => new(Xx + lambda, Xy, Yy + lambda);

    /// <summary>
    /// |ℍ| = Σ max(|λᵢ|, floor)·vᵢvᵢᵀ: the same eigenvectors with every eigenvalue made positive and at
    /// least <paramref name="floor"/>. It curves upward wherever ℍ curves at all, so |ℍ|⁻¹∇f always points downhill.
    /// </summary>
    public Hessian2 Absolute(double floor = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(floor);
        var (min, max) = Eigenvalues;
        var ((ax, ay), (bx, by)) = Eigenvectors;
        double a = Math.Max(Math.Abs(min), floor), b = Math.Max(Math.Abs(max), floor);
        return new Hessian2(a * ax * ax + b * bx * bx, a * ax * ay + b * bx * by, a * ay * ay + b * by * by);
    }

    private void ThrowIfSingular()
    {
        if (IsSingular())
            throw new InvalidOperationException(
                $"The Hessian {this} is singular (eigenvalues {Eigenvalues.Min.ToString("G6", CultureInfo.InvariantCulture)}, " +
                $"{Eigenvalues.Max.ToString("G6", CultureInfo.InvariantCulture)}), so it has no inverse.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[[{Xx:G6}, {Xy:G6}], [{Xy:G6}, {Yy:G6}]]");
}
