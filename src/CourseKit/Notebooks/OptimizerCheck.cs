using System.Globalization;
using System.Net;
using System.Text;
using CourseKit.Optimizers;

namespace CourseKit.Notebooks;

/// <summary>
/// The lab's check cell: runs a student's optimizer on inputs built to expose the classic slips
/// (wrong sign, missing bias correction, t off by one, δ in the wrong place, a forgotten max) and
/// says, in words, which one it found. The reference it compares against stays in the library, out
/// of the notebook, so the student writes the rule from the algorithm box.
/// </summary>
public static class OptimizerCheck
{
    /// <summary>
    /// Checks an AMSGrad implementation (Reddi, Kale &amp; Kumar, 2018, with Adam's bias correction, as
    /// PyTorch's <c>amsgrad=True</c>):
    /// <code>
    /// t ← t+1
    /// s ← ρ₁s + (1−ρ₁)ĝ
    /// r ← ρ₂r + (1−ρ₂)ĝ⊙ĝ
    /// r̄ ← max(r̄, r)
    /// ŝ = s/(1−ρ₁ᵗ)
    /// r̂ = r̄/(1−ρ₂ᵗ)
    /// θ ← θ − ε ŝ/(√r̂ + δ)
    /// </code>
    /// </summary>
    /// <param name="create">Builds the student's optimizer from (ε, ρ₁, ρ₂, δ).</param>
    public static CheckReport AmsGrad(Func<double, double, double, double, Optimizer<float>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var findings = new List<string>();
        bool passed = true;
        foreach (var test in Cases)
        {
            string? problem;
            try
            {
                problem = Diagnose(test, Run(create(test.Eps, test.Rho1, test.Rho2, test.Delta), test));
            }
            catch (NotImplementedException)
            {
                return new CheckReport(false, ["Not yet: Update still throws NotImplementedException. Write the rule from the algorithm box."]);
            }
            catch (Exception e)
            {
                problem = $"it threw {e.GetType().Name}: {e.Message}";
            }

            if (problem is null) findings.Add($"✓ {test.Name}");
            else
            {
                passed = false;
                findings.Add($"✗ {test.Name}: {problem}");
            }
        }

        return new CheckReport(passed, findings);
    }

    private sealed record Case(string Name, double Eps, double Rho1, double Rho2, double Delta, double[] Start, Func<int, int, double, double> Gradient, int Steps);

    // Each case is built so that one slip changes the numbers a lot: a first step (sign, bias
    // correction, t), tiny gradients with a large δ (δ's place), a burst then calm with a short
    // memory ρ₂ (the max), and a longer run on a bowl (everything together).
    private static readonly Case[] Cases =
    [
        new("the first step", 0.01, 0.9, 0.999, 1e-8, [1, -2, 0.5], (_, i, _) => new[] { 2.0, -0.5, 1e-3 }[i], 1),
        new("tiny gradients with a large δ", 0.01, 0.9, 0.999, 1e-2, [0, 0], (_, i, _) => 1e-4 * (i + 1), 3),
        new("a burst, then calm (ρ₂ = 0.5)", 0.01, 0.9, 0.5, 1e-8, [0, 0], (k, i, _) => k == 0 ? 10.0 * (i + 1) : 0.01, 8),
        new("20 steps down a bowl", 0.05, 0.8, 0.99, 1e-6, [1.5, -1, 0.25], (_, i, x) => (i + 1) * x, 20),
    ];

    private static double[][] Run(Optimizer<float> optimizer, Case test)
    {
        float[] theta = test.Start.Select(x => (float)x).ToArray();
        float[] g = new float[theta.Length];
        var path = new List<double[]> { test.Start };
        for (int k = 0; k < test.Steps; k++)
        {
            int step = k;
            optimizer.Step(theta, g, (t, grad) =>
            {
                for (int i = 0; i < grad.Length; i++) grad[i] = (float)test.Gradient(step, i, t[i]);
                return 0f;
            });
            path.Add(theta.Select(x => (double)x).ToArray());
        }

        return [.. path];
    }

    private static string? Diagnose(Case test, double[][] student)
    {
        if (Matches(student, Reference(test, AmsGradSlip.None))) return null;
        if (Matches(student, [test.Start, .. Enumerable.Repeat(test.Start, test.Steps)]))
            return "θ never moved. Write the new values back into theta (theta[i] = …).";
        foreach (var (slip, words) in Slips)
            if (Matches(student, Reference(test, slip))) return words;
        var expected = Reference(test, AmsGradSlip.None);
        for (int k = 1; k < expected.Length; k++)
            for (int i = 0; i < expected[k].Length; i++)
                if (!Close(student[k][i], expected[k][i]))
                    return string.Create(CultureInfo.InvariantCulture, $"after step {k}, θ[{i}] is {student[k][i]:G6} but AMSGrad gives {expected[k][i]:G6}; none of the classic slips explains it, so compare your lines with the box one by one.");
        return "the path differs from AMSGrad's.";
    }

    private static readonly (AmsGradSlip Slip, string Words)[] Slips =
    [
        (AmsGradSlip.WrongSign, "the step goes uphill, along +ĝ. The rule subtracts: θ ← θ − ε ŝ/(√r̂ + δ)."),
        (AmsGradSlip.NoBiasCorrection, "the first steps are about 3× too large: the bias correction is missing. Divide s by (1−ρ₁ᵗ) and r̄ by (1−ρ₂ᵗ) — both start at zero, so early on they are too small."),
        (AmsGradSlip.TimeStepOffByOne, "the first step is too small: t is off by one. t starts at 0 and is incremented before it is used, so the first update uses t = 1 (the lecture's Adam box starts at t = 1 and gets this wrong)."),
        (AmsGradSlip.DeltaInsideRoot, "δ is inside the root. AMSGrad (like Adam) adds δ after the root: √r̂ + δ, not √(r̂ + δ)."),
        (AmsGradSlip.NoMaximum, "this is Adam, not AMSGrad: r̄ must be the running maximum, r̄ ← max(r̄, r), so the effective rate can never grow back after a burst."),
        (AmsGradSlip.NoBiasCorrection | AmsGradSlip.TimeStepOffByOne, "the bias correction is missing and t is off by one."),
    ];

    private static double[][] Reference(Case test, AmsGradSlip slip)
    {
        int n = test.Start.Length;
        double[] theta = (double[])test.Start.Clone(), s = new double[n], r = new double[n], rMax = new double[n];
        var path = new List<double[]> { test.Start };
        for (int k = 0; k < test.Steps; k++)
        {
            int t = k + (slip.HasFlag(AmsGradSlip.TimeStepOffByOne) ? 2 : 1);
            double[] g = Enumerable.Range(0, n).Select(i => (double)(float)test.Gradient(k, i, (float)theta[i])).ToArray();
            for (int i = 0; i < n; i++)
            {
                s[i] = test.Rho1 * s[i] + (1 - test.Rho1) * g[i];
                r[i] = test.Rho2 * r[i] + (1 - test.Rho2) * g[i] * g[i];
                rMax[i] = slip.HasFlag(AmsGradSlip.NoMaximum) ? r[i] : Math.Max(rMax[i], r[i]);
                bool corrected = !slip.HasFlag(AmsGradSlip.NoBiasCorrection);
                double sHat = corrected ? s[i] / (1 - Math.Pow(test.Rho1, t)) : s[i];
                double rHat = corrected ? rMax[i] / (1 - Math.Pow(test.Rho2, t)) : rMax[i];
                double denominator = slip.HasFlag(AmsGradSlip.DeltaInsideRoot) ? Math.Sqrt(rHat + test.Delta) : Math.Sqrt(rHat) + test.Delta;
                double step = test.Eps * sHat / denominator;
                theta[i] = (float)(slip.HasFlag(AmsGradSlip.WrongSign) ? theta[i] + step : theta[i] - step);
            }

            path.Add((double[])theta.Clone());
        }

        return [.. path];
    }

    private static bool Matches(double[][] a, double[][] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Zip(p.Second).All(q => Close(q.First, q.Second)));

    // The student works in float; the reference in double rounded to float each step.
    private static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-5 * Math.Max(1, Math.Abs(y));
}
