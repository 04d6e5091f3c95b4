using System.Numerics.Tensors;
using CourseKit.Clipping;
using CourseKit.Optimizers;
using CourseKit.Schedules;

namespace CourseKit.Tests.Optimizers;

/// <summary>
/// After the first step (which allocates the state) a step allocates nothing: training loops run
/// millions of steps and must not feed the garbage collector.
/// </summary>
[Trait("Category", "Slow")] // ~9e9 element updates: seconds in Release, about half a minute of CPU in Debug
public class AllocationTests
{
    private const float Curvature = 0.5f;

    // Created once, before measuring: a lambda built per step would itself allocate.
    private static readonly GradientFunction<float> Bowl = (θ, g) =>
    {
        TensorPrimitives.Multiply(θ, Curvature, g);
        return 0f;
    };

    [Theory]
    [MemberData(nameof(OptimizerCases.Names), MemberType = typeof(OptimizerCases))]
    public void A_thousand_steps_on_a_million_floats_allocate_nothing(string name)
    {
        var optimizer = OptimizerFactory.Create<float>(name, OptimizerCases.First(name));
        var θ = new float[1_000_000];
        for (int i = 0; i < θ.Length; i++) θ[i] = 1f + (i % 7) * 0.25f;
        var g = new float[θ.Length];

        optimizer.Step(θ, g, Bowl); // warm-up: allocates the state
        long allocated = SteadyStateAllocations.Measure(() =>
        {
            for (int k = 0; k < 1000; k++) optimizer.Step(θ, g, Bowl);
        });

        Assert.Equal(0, allocated);
        Assert.Equal(1, optimizer.UpdateCount % 1000);
        Assert.True(float.IsFinite(θ[0]) && θ[0] != 1f, $"{name} did not move θ sensibly: θ₀ = {θ[0]}");
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.Names), MemberType = typeof(OptimizerCases))]
    public void On_two_threads_a_step_allocates_nothing_either(string name)
    {
        // Long enough to be split between cores; the Nesterov variants sweep twice per step (interim point, then the rule).
        var optimizer = OptimizerFactory.Create<float>(name, OptimizerCases.First(name));
        optimizer.Threads = 2;
        var θ = new float[(1 << 19) + 5];
        for (int i = 0; i < θ.Length; i++) θ[i] = 1f + (i % 7) * 0.25f;
        var g = new float[θ.Length];

        optimizer.Step(θ, g, Bowl);
        Assert.Equal(0, SteadyStateAllocations.Measure(() =>
        {
            for (int k = 0; k < 50; k++) optimizer.Step(θ, g, Bowl);
        }));
    }

    [Theory]
    [MemberData(nameof(OptimizerCases.Names), MemberType = typeof(OptimizerCases))]
    public void Schedules_and_clipping_allocate_nothing_either(string name)
    {
        foreach (var (schedule, clipping) in new[]
                 {
                     ("step:0.5:100", GradientClipping.ByNorm(1)), ("annealed:0.01", GradientClipping.ByValue(0.1)),
                     ("exponential:0.001", GradientClipping.None), ("linear:500:0.0001", GradientClipping.ByNorm(1e6)),
                 })
        {
            var optimizer = OptimizerFactory.Create<float>(name, OptimizerCases.First(name) with
            {
                Schedule = LearningRateSchedule.Parse(schedule), Clipping = clipping,
            });
            var θ = Enumerable.Range(0, 1003).Select(i => 1f + i % 5).ToArray();
            var g = new float[θ.Length];
            optimizer.Step(θ, g, Bowl);
            Assert.Equal(0, SteadyStateAllocations.Measure(() =>
            {
                for (int k = 0; k < 1000; k++) optimizer.Step(θ, g, Bowl);
            }));
        }
    }
}
