namespace CourseKit.Surfaces;

/// <summary>What kind of point a critical point (∇f = 0) is, read off the Hessian's eigenvalues.</summary>
public enum CriticalPointKind
{
    /// <summary>Both eigenvalues &gt; 0: the surface curves up in every direction.</summary>
    Minimum,

    /// <summary>Both eigenvalues &lt; 0: the surface curves down in every direction.</summary>
    Maximum,

    /// <summary>One eigenvalue &gt; 0 and one &lt; 0: down one way, up the other.</summary>
    Saddle,

    /// <summary>An eigenvalue is zero: second derivatives cannot tell (e.g. the monkey saddle's origin).</summary>
    Degenerate,
}
