using CourseKit.Notebooks;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Notebooks;

public class OptimizerCheckTests
{
    [Flags]
    public enum Slip { None = 0, Sign = 1, NoCorrection = 2, TOffByOne = 4, DeltaInside = 8, NoMax = 16, NotWritten = 32, NotImplemented = 64 }

    // What a student might write, with a slip switched on.
    private sealed class StudentAmsGrad(double eps, double rho1, double rho2, double delta, Slip slip) : Optimizer<float>(eps)
    {
        private float[] _s = [], _r = [], _rMax = [];
        private int _t;

        public override string Name => "amsgrad";

        protected override void AllocateState(int length) => (_s, _r, _rMax, _t) = (new float[length], new float[length], new float[length], 0);

        protected override void Update(Span<float> theta, ReadOnlySpan<float> g, double eps)
        {
            if (slip.HasFlag(Slip.NotImplemented)) throw new NotImplementedException();
            _t++;
            int t = slip.HasFlag(Slip.TOffByOne) ? _t + 1 : _t;
            for (int i = 0; i < theta.Length; i++)
            {
                _s[i] = (float)(rho1 * _s[i] + (1 - rho1) * g[i]);
                _r[i] = (float)(rho2 * _r[i] + (1 - rho2) * g[i] * g[i]);
                _rMax[i] = slip.HasFlag(Slip.NoMax) ? _r[i] : Math.Max(_rMax[i], _r[i]);
                double sHat = slip.HasFlag(Slip.NoCorrection) ? _s[i] : _s[i] / (1 - Math.Pow(rho1, t));
                double rHat = slip.HasFlag(Slip.NoCorrection) ? _rMax[i] : _rMax[i] / (1 - Math.Pow(rho2, t));
                double denominator = slip.HasFlag(Slip.DeltaInside) ? Math.Sqrt(rHat + delta) : Math.Sqrt(rHat) + delta;
                double step = eps * sHat / denominator;
                if (!slip.HasFlag(Slip.NotWritten)) theta[i] = (float)(slip.HasFlag(Slip.Sign) ? theta[i] + step : theta[i] - step);
            }
        }
    }

    private static CheckReport Check(Slip slip) => OptimizerCheck.AmsGrad((e, r1, r2, d) => new StudentAmsGrad(e, r1, r2, d, slip));

    [Fact]
    public void A_correct_AmsGrad_passes_every_case()
    {
        var report = Check(Slip.None);
        Assert.True(report.Passed, report.ToString());
        Assert.All(report.Findings, f => Assert.StartsWith("✓", f));
    }

    [Theory]
    [InlineData(Slip.Sign, "uphill")]
    [InlineData(Slip.NoCorrection, "bias correction is missing")]
    [InlineData(Slip.TOffByOne, "off by one")]
    [InlineData(Slip.DeltaInside, "δ is inside the root")]
    [InlineData(Slip.NoMax, "this is Adam, not AMSGrad")]
    [InlineData(Slip.NotWritten, "never moved")]
    [InlineData(Slip.NotImplemented, "Not yet")]
    public void Each_classic_slip_is_named_in_words(Slip slip, string words)
    {
        var report = Check(slip);
        Assert.False(report.Passed);
        Assert.Contains(words, report.ToString());
    }

    [Fact]
    public void The_report_renders_as_html()
    {
        Assert.Contains("<li>", Check(Slip.Sign).ToHtml());
    }
}
