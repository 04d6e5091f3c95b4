using System.Numerics;
using System.Runtime.CompilerServices;
using System.Numerics.Tensors;
using CourseKit.Clipping;
using CourseKit.Schedules;

namespace CourseKit.Optimizers;

/// <summary>
/// One of the lecture's optimizers over a flat parameter vector θ (float for networks, double for the
/// 2-D demos). Each update: ε_k from the schedule, ĝ from the gradient callback (at θ, or at the
/// interim point for the Nesterov variants), clipping, then the rule in the subclass's doc comment.
/// </summary>
/// <remarks>
/// State vectors (v, r, s, u) are allocated, zeroed, on the first <see cref="Step"/> for that length;
/// from then on a step allocates nothing.
/// </remarks>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int _threads = 1;
    private object? _sweepJob, _interimJob;

    protected Optimizer(double learningRate) =>
        LearningRate = Hyperparameter.Positive(learningRate, nameof(learningRate));

    /// <summary>The name in algorithms.md and on the command line, e.g. <c>adam</c>.</summary>
    public abstract string Name { get; }

    /// <summary>ε, or ε₀ under a schedule.</summary>
    public double LearningRate { get; }

    /// <summary>How ε_k follows from ε₀ and k.</summary>
    public LearningRateSchedule Schedule { get; set; } = LearningRateSchedule.Constant;

    /// <summary>Applied to ĝ before the rule sees it.</summary>
    public GradientClipping Clipping { get; set; } = GradientClipping.None;

    /// <summary>Whether each step measures ‖ĝ‖ (one extra read of ĝ); on by default for histories.</summary>
    public bool MeasureGradientNorm { get; set; } = true;

    /// <summary>
    /// Threads one update may use (default 1). Vectors of at least 2¹⁸ elements are split across them;
    /// shorter ones are not, since handing off would cost more than it saves.
    /// </summary>
    public int Threads
    {
        get => _threads;
        set => _threads = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Threads), value, $"Threads must be >= 1; got {value}.");
    }

    /// <summary>k: the number of updates done so far (the next update uses this k).</summary>
    public long UpdateCount { get; private set; }

    /// <summary>ε_k for the next update.</summary>
    public double CurrentLearningRate => Schedule.At(UpdateCount, LearningRate);

    /// <summary>‖ĝ‖ before clipping, in the last step (NaN when not measured).</summary>
    public double LastGradientNorm { get; private set; } = double.NaN;

    /// <summary>ε_k used by the last step.</summary>
    public double LastLearningRate { get; private set; } = double.NaN;

    /// <summary>The number of parameters the state was built for (0 before the first step).</summary>
    public int Length { get; private set; }

    /// <summary>
    /// Does one update of <paramref name="theta"/> in place. <paramref name="gradient"/> is the buffer
    /// the callback fills; it may be the one a network owns. Returns the loss the callback reported,
    /// at the point where the gradient was taken (θ̃ for the Nesterov variants).
    /// </summary>
    public T Step(Span<T> theta, Span<T> gradient, GradientFunction<T> lossAndGradient)
    {
        ArgumentNullException.ThrowIfNull(lossAndGradient);
        if (gradient.Length != theta.Length)
            throw new ArgumentException($"gradient has {gradient.Length} elements but theta has {theta.Length}.", nameof(gradient));
        if (Length == 0)
        {
            if (theta.IsEmpty) throw new ArgumentException("theta is empty.", nameof(theta));
            Length = theta.Length;
            AllocateState(Length);
        }
        else if (theta.Length != Length)
        {
            throw new ArgumentException($"This optimizer's state is for {Length} parameters; theta has {theta.Length}. Call Reset() to start over.", nameof(theta));
        }

        double eps = Schedule.At(UpdateCount, LearningRate);
        T loss = Evaluate(theta, gradient, lossAndGradient);
        LastGradientNorm = MeasureGradientNorm ? GradientClipping.Norm<T>(gradient) : double.NaN;
        Clipping.Apply(gradient);
        Update(theta, gradient, eps);
        LastLearningRate = eps;
        UpdateCount++;
        return loss;
    }

    /// <summary>Forgets all state: the next step starts from k = 0 with zero state vectors.</summary>
    public void Reset()
    {
        Length = 0;
        UpdateCount = 0;
        LastGradientNorm = LastLearningRate = double.NaN;
        AllocateState(0);
    }

    /// <summary>Allocates the zeroed state vectors (called with 0 to drop them).</summary>
    protected abstract void AllocateState(int length);

    /// <summary>The rule itself: θ (and state) from ĝ and ε_k.</summary>
    protected abstract void Update(Span<T> theta, ReadOnlySpan<T> g, double eps);

    /// <summary>Where the gradient is taken: at θ, unless a Nesterov variant overrides this.</summary>
    protected virtual T Evaluate(Span<T> theta, Span<T> gradient, GradientFunction<T> lossAndGradient) =>
        lossAndGradient(theta, gradient);

    /// <summary>
    /// ĝ = ∇J(θ̃) at θ̃ = θ + αv. The buffer is moved to θ̃ in place, so a network that owns θ evaluates
    /// there; the rule then computes the new θ from θ̃ (see <see cref="Nesterov{T}"/>). If the callback
    /// throws, θ is moved back.
    /// </summary>
    protected T EvaluateAtInterimPoint(Span<T> theta, Span<T> gradient, GradientFunction<T> lossAndGradient, ReadOnlySpan<T> v, double alpha)
    {
        T a = T.CreateTruncating(alpha);
        // Swept like the rule itself, with the same split between cores, so each core then updates the part
        // of θ̃ it has just written. (TensorPrimitives.MultiplyAdd, used before, ran on one core and was
        // 1.5x slower even there: measured, Nesterov at 10M parameters 0.90 → 0.60 ns per parameter.)
        Sweep(ref _interimJob, new InterimPoint(new Vector<T>(a)), theta, v, default, default);
        try
        {
            return lossAndGradient(theta, gradient);
        }
        catch
        {
            TensorPrimitives.MultiplyAdd(v, -a, theta, theta);
            throw;
        }
    }

    /// <summary>Sweeps <paramref name="rule"/> over θ, ĝ and the state vectors a, b (empty when unused) in one fused pass.</summary>
    private protected void Sweep<TRule>(TRule rule, Span<T> theta, ReadOnlySpan<T> g, Span<T> a, Span<T> b)
        where TRule : struct, IUpdateRule<T> =>
        Sweep(ref _sweepJob, rule, theta, g, a, b);

    // θ ← θ + αv, with v passed in the gradient's place: one read of θ and v, one write of θ.
    private readonly struct InterimPoint(Vector<T> α) : IUpdateRule<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply(ref Vector<T> θ, Vector<T> v, ref Vector<T> _, ref Vector<T> __) => θ += α * v;
    }

    // Each rule type keeps its own cached multi-core job (the interim point and the rule alternate every step).
    private void Sweep<TRule>(ref object? job, TRule rule, Span<T> theta, ReadOnlySpan<T> g, Span<T> a, Span<T> b)
        where TRule : struct, IUpdateRule<T>
    {
        if (_threads == 1 || theta.Length < ParallelSweep.MinLength) Fused.Run(ref rule, theta, g, a, b);
        else ParallelSweep.Run(ref job, rule, theta, g, a, b, _threads);
    }

    /// <summary>A scalar broadcast to every lane, for the rules.</summary>
    protected static Vector<T> Broadcast(double value) => new(T.CreateTruncating(value));

    public override string ToString() => $"{Name}(ε={LearningRate}, schedule={Schedule.Spec}, clip={Clipping})";
}
