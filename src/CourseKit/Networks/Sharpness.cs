namespace CourseKit.Networks;

/// <summary>
/// The sharpness λ_max of a network's loss: the Hessian's eigenvalue of largest magnitude on the current minibatch,
/// by power iteration on Hessian–vector products (<see cref="Mlp.HessianVectorProduct"/>), so H is never formed.
/// Gradient descent along that eigenvector multiplies the error by (1 − ελ_max) per step: it is stable only for
/// ε &lt; 2/λ_max, which is what notebook 03 compares the learning rate with.
/// </summary>
public static class Sharpness
{
    /// <summary>
    /// The Rayleigh quotient vᵀHv of the power iteration's last unit vector v, after <paramref name="iterations"/>
    /// products from a seeded random start: the eigenvalue of largest |λ| (negative if the Hessian's most curved
    /// direction curves down). θ and the gradients are left as they were.
    /// </summary>
    public static double LargestEigenvalue(Mlp network, int iterations = 50, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var random = new Random(seed);
        float[] v = new float[network.ParameterCount];
        for (int i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() - 0.5);
        float[] hv = new float[v.Length];
        double lambda = 0;
        for (int k = 0; k < iterations; k++)
        {
            Normalize(v);
            network.HessianVectorProduct(v, hv);
            lambda = 0;
            for (int i = 0; i < v.Length; i++) lambda += (double)v[i] * hv[i];
            if (Norm(hv) == 0) return 0;
            hv.CopyTo(v, 0);
        }

        return lambda;
    }

    private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));

    private static void Normalize(float[] v)
    {
        double norm = Norm(v);
        for (int i = 0; i < v.Length; i++) v[i] = (float)(v[i] / norm);
    }
}
