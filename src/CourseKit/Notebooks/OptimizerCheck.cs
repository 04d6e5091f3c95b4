using System.Globalization;
using CourseKit.Clipping;
using CourseKit.Optimizers;
using CourseKit.Schedules;

namespace CourseKit.Notebooks;

/// <summary>
/// The lab's check cell: runs a student's AdaGrad, RMSProp or Adam on cases built to expose the
/// classic slips (a wrong sign, δ on the wrong side of the root, a missing or swapped bias
/// correction, t off by one, ε₀ used instead of ε_k), compares the path with the library's own
/// optimizer, and says in words which slip explains the difference. The reference stays in the
/// library, out of the notebook, so the student writes the rule from the algorithm box alone.
/// </summary>
/// <remarks>
/// The checker sets <see cref="Optimizer{T}.Schedule"/> and <see cref="Optimizer{T}.Clipping"/> on the
/// student's optimizer itself: the base class computes ε_k and clips ĝ, so the rule only has to use
/// the <c>eps</c> and <c>g</c> it is given.
/// </remarks>
public static class OptimizerCheck
{
    /// <summary>Checks AdaGrad: r ← r + ĝ⊙ĝ; θ ← θ − ε/(δ + √r) ⊙ ĝ.</summary>
    /// <param name="create">Builds the student's optimizer from (ε, δ).</param>
    public static CheckReport AdaGrad(Func<double, double, Optimizer<float>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return Check(new Rule("AdaGrad", c => create(c.Eps, c.Delta), c => new AdaGrad<float>(c.Eps, c.Delta),
            [Slip.WrongSign, Slip.DeltaMisplaced, Slip.InitialRateInsteadOfScheduled]));
    }

    /// <summary>Checks RMSProp: r ← ρr + (1−ρ)ĝ⊙ĝ; θ ← θ − ε/√(δ + r) ⊙ ĝ.</summary>
    /// <param name="create">Builds the student's optimizer from (ε, ρ, δ).</param>
    public static CheckReport RmsProp(Func<double, double, double, Optimizer<float>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return Check(new Rule("RMSProp", c => create(c.Eps, c.Rho1, c.Delta), c => new RmsProp<float>(c.Eps, c.Rho1, c.Delta),
            [Slip.WrongSign, Slip.DeltaMisplaced, Slip.InitialRateInsteadOfScheduled]));
    }

    /// <summary>Checks Adam: t ← t+1; s ← ρ₁s + (1−ρ₁)ĝ; r ← ρ₂r + (1−ρ₂)ĝ⊙ĝ; ŝ = s/(1−ρ₁ᵗ); r̂ = r/(1−ρ₂ᵗ); θ ← θ − ε ŝ/(√r̂ + δ).</summary>
    /// <param name="create">Builds the student's optimizer from (ε, ρ₁, ρ₂, δ).</param>
    public static CheckReport Adam(Func<double, double, double, double, Optimizer<float>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return Check(new Rule("Adam", c => create(c.Eps, c.Rho1, c.Rho2, c.Delta), c => new Adam<float>(c.Eps, c.Rho1, c.Rho2, c.Delta),
            [Slip.WrongSign, Slip.DeltaMisplaced, Slip.NoBiasCorrection, Slip.SwappedBiasCorrection, Slip.TimeStepOffByOne, Slip.InitialRateInsteadOfScheduled]));
    }

    /// <summary>The slip's name in words, for <paramref name="rule"/> (AdaGrad, RMSProp or Adam).</summary>
    public static string Describe(Slip slip, string rule)
    {
        if (slip == Slip.None) return "no slip";
        var words = new List<string>();
        if (slip.HasFlag(Slip.WrongSign)) words.Add("the step goes uphill (wrong sign): the rule subtracts, θ ← θ − …");
        if (slip.HasFlag(Slip.DeltaMisplaced))
            words.Add(rule == "RMSProp"
                ? "δ is outside the root: RMSProp divides by √(δ + r), not √r + δ"
                : $"δ is inside the root: {rule} divides by {(rule == "Adam" ? "√r̂ + δ" : "δ + √r")}, not √(r + δ)");
        if (slip.HasFlag(Slip.NoBiasCorrection)) words.Add("the bias correction is missing: divide s by (1−ρ₁ᵗ) and r by (1−ρ₂ᵗ), since both start at zero");
        if (slip.HasFlag(Slip.SwappedBiasCorrection)) words.Add("the bias corrections are swapped: ŝ = s/(1−ρ₁ᵗ) and r̂ = r/(1−ρ₂ᵗ)");
        if (slip.HasFlag(Slip.TimeStepOffByOne)) words.Add("t is off by one: t starts at 0 and is incremented before use, so the first update uses t = 1");
        if (slip.HasFlag(Slip.InitialRateInsteadOfScheduled)) words.Add("under a schedule the steps keep ε₀'s size: use ε_k, the eps passed to Update, not LearningRate");
        return string.Join("; ", words) + ".";
    }

    /// <summary>A case's settings; AdaGrad reads ε and δ, RMSProp reads ρ from <see cref="Rho1"/>.</summary>
    internal sealed record Case(string Name, double Eps, double Rho1, double Rho2, double Delta, double[] Start,
        Func<int, int, double, double> Gradient, int Steps, string Schedule = "constant", double ClipNorm = 0);

    private sealed record Rule(string Name, Func<Case, Optimizer<float>> Student, Func<Case, Optimizer<float>> Reference, Slip[] Slips);

    // Each case makes some slips change the numbers a lot: one first step (sign, bias correction, t),
    // tiny gradients with a large δ (δ's place), a schedule that halves ε every 3 steps (ε₀ for ε_k),
    // large gradients clipped to norm 1, and a longer run on a bowl (everything together).
    internal static readonly Case[] Cases =
    [
        new("the first step", 0.01, 0.9, 0.999, 1e-8, [1, -2, 0.5], (_, i, _) => new[] { 2.0, -0.5, 1e-3 }[i], 1),
        new("tiny gradients with a large δ", 0.01, 0.9, 0.999, 1e-2, [0, 0], (_, i, _) => 1e-4 * (i + 1), 3),
        new("under the schedule step:0.5:3", 0.05, 0.8, 0.99, 1e-6, [1.5, -1], (_, i, x) => (i + 1) * x, 10, Schedule: "step:0.5:3"),
        new("large gradients clipped to norm 1", 0.05, 0.8, 0.99, 1e-6, [1, -1, 2], (_, i, x) => 10 * (i + 1) * x + 3, 8, ClipNorm: 1),
        new("20 steps down a bowl", 0.05, 0.8, 0.99, 1e-6, [1.5, -1, 0.25], (_, i, x) => (i + 1) * x, 20),
    ];

    private static CheckReport Check(Rule rule)
    {
        var student = new double[Cases.Length][][];
        var findings = new List<string>();
        for (int c = 0; c < Cases.Length; c++)
        {
            try
            {
                student[c] = Run(rule.Student(Cases[c]), Cases[c]);
            }
            catch (NotImplementedException)
            {
                return new CheckReport(false, [$"Update still throws NotImplementedException: write {rule.Name}'s rule from its algorithm box."], rule.Name, Slip.None, Implemented: false);
            }
            catch (Exception e)
            {
                return new CheckReport(false, [$"✗ {Cases[c].Name}: it threw {e.GetType().Name}: {e.Message}"], rule.Name);
            }
        }

        var reference = Cases.Select(c => Run(rule.Reference(c), c)).ToArray();
        bool[] ok = Cases.Select((_, c) => Matches(student[c], reference[c])).ToArray();
        if (ok.All(x => x)) return new CheckReport(true, Cases.Select(c => $"✓ {c.Name}").ToList(), rule.Name);

        Slip found = Hypotheses(rule.Slips).FirstOrDefault(s => Cases.Select((c, i) => Matches(student[i], Model(rule.Name, c, s))).All(x => x));
        for (int c = 0; c < Cases.Length; c++)
            findings.Add(ok[c] ? $"✓ {Cases[c].Name}" : $"✗ {Cases[c].Name}: {(found != Slip.None ? Describe(found, rule.Name) : Difference(Cases[c], student[c], reference[c], rule.Name))}");
        if (found == Slip.None && student.Zip(Cases).All(p => p.First.All(x => Matches([x], [p.Second.Start]))))
            findings.Insert(0, "θ never moved: write the new values back into theta (theta[i] = …).");
        return new CheckReport(false, findings, rule.Name, found);
    }

    // Single slips first, then pairs: the simplest explanation that fits every case wins.
    private static IEnumerable<Slip> Hypotheses(Slip[] slips)
    {
        foreach (Slip s in slips) yield return s;
        for (int a = 0; a < slips.Length; a++)
            for (int b = a + 1; b < slips.Length; b++)
                yield return slips[a] | slips[b];
    }

    private static string Difference(Case test, double[][] student, double[][] expected, string rule)
    {
        for (int k = 1; k < expected.Length; k++)
            for (int i = 0; i < expected[k].Length; i++)
                if (!Close(student[k][i], expected[k][i]))
                    return string.Create(CultureInfo.InvariantCulture,
                        $"after step {k}, θ[{i}] is {student[k][i]:G6} but {rule} gives {expected[k][i]:G6}; no classic slip explains it, so compare your lines with the box one by one.");
        return "the path differs.";
    }

    internal static double[][] Run(Optimizer<float> optimizer, Case test)
    {
        optimizer.Schedule = LearningRateSchedule.Parse(test.Schedule);
        optimizer.Clipping = test.ClipNorm > 0 ? GradientClipping.ByNorm(test.ClipNorm) : GradientClipping.None;
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

    /// <summary>The path of <paramref name="rule"/> written with <paramref name="slip"/>, in double rounded to float each step.</summary>
    internal static double[][] Model(string rule, Case test, Slip slip)
    {
        int n = test.Start.Length;
        double[] theta = (double[])test.Start.Clone(), s = new double[n], r = new double[n];
        var schedule = LearningRateSchedule.Parse(test.Schedule);
        var path = new List<double[]> { test.Start };
        for (int k = 0; k < test.Steps; k++)
        {
            double eps = slip.HasFlag(Slip.InitialRateInsteadOfScheduled) ? test.Eps : schedule.At(k, test.Eps);
            double[] g = Enumerable.Range(0, n).Select(i => (double)(float)test.Gradient(k, i, (float)theta[i])).ToArray();
            if (test.ClipNorm > 0) GradientClipping.ByNorm(test.ClipNorm).Apply<double>(g);
            int t = k + (slip.HasFlag(Slip.TimeStepOffByOne) ? 2 : 1);
            bool misplaced = slip.HasFlag(Slip.DeltaMisplaced);
            for (int i = 0; i < n; i++)
            {
                double step;
                switch (rule)
                {
                    case "AdaGrad":
                        r[i] += g[i] * g[i];
                        step = eps * g[i] / (misplaced ? Math.Sqrt(test.Delta + r[i]) : test.Delta + Math.Sqrt(r[i]));
                        break;
                    case "RMSProp":
                        r[i] = test.Rho1 * r[i] + (1 - test.Rho1) * g[i] * g[i];
                        step = eps * g[i] / (misplaced ? Math.Sqrt(r[i]) + test.Delta : Math.Sqrt(test.Delta + r[i]));
                        break;
                    default:
                        s[i] = test.Rho1 * s[i] + (1 - test.Rho1) * g[i];
                        r[i] = test.Rho2 * r[i] + (1 - test.Rho2) * g[i] * g[i];
                        double c1 = 1 - Math.Pow(test.Rho1, t), c2 = 1 - Math.Pow(test.Rho2, t);
                        if (slip.HasFlag(Slip.NoBiasCorrection)) c1 = c2 = 1;
                        if (slip.HasFlag(Slip.SwappedBiasCorrection)) (c1, c2) = (c2, c1);
                        double sHat = s[i] / c1, rHat = r[i] / c2;
                        step = eps * sHat / (misplaced ? Math.Sqrt(rHat + test.Delta) : Math.Sqrt(rHat) + test.Delta);
                        break;
                }

                theta[i] = (float)(slip.HasFlag(Slip.WrongSign) ? theta[i] + step : theta[i] - step);
            }

            path.Add((double[])theta.Clone());
        }

        return [.. path];
    }

    private static bool Matches(double[][] a, double[][] b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First.Length == p.Second.Length && p.First.Zip(p.Second).All(q => Close(q.First, q.Second)));

    // The student works in float and the library in SIMD float; the model in double rounded to float each step.
    private static bool Close(double x, double y) => Math.Abs(x - y) <= 1e-5 * Math.Max(1, Math.Abs(y));
}
