using CourseKit.Analysis;
using CourseKit.Optimizers;

namespace CourseKit.Tests.Analysis;

/// <summary>The two momentum methods side by side, so each property is tested on both with one test body.</summary>
internal sealed record MomentumMethod(
    string Name,
    Func<double, double, double, IterationMatrix> Matrix,
    Func<double, double, Optimizer<double>> Create,
    Func<Optimizer<double>, double> Velocity,
    Func<double, double, Spectrum, double> Rate,
    Func<Spectrum, TunedRate> Optimal,
    Func<double, double> CriticalMomentum,
    Func<double, double, double> LargestStableLearningRate)
{
    public static readonly MomentumMethod Classical = new(
        "momentum", MomentumAnalysis.Matrix, (e, a) => new Momentum<double>(e, a), o => ((Momentum<double>)o).Velocity[0],
        MomentumAnalysis.Rate, MomentumAnalysis.Optimal, MomentumAnalysis.CriticalMomentum, MomentumAnalysis.LargestStableLearningRate);

    public static readonly MomentumMethod Nesterov = new(
        "nesterov", NesterovAnalysis.Matrix, (e, a) => new Nesterov<double>(e, a), o => ((Nesterov<double>)o).Velocity[0],
        NesterovAnalysis.Rate, NesterovAnalysis.Optimal, NesterovAnalysis.CriticalMomentum, NesterovAnalysis.LargestStableLearningRate);

    public static MomentumMethod Named(string name) => name == "momentum" ? Classical : Nesterov;

    public static TheoryData<string> Names => new() { "momentum", "nesterov" };

    public override string ToString() => Name;
}
