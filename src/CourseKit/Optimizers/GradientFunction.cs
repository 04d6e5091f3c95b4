namespace CourseKit.Optimizers;

/// <summary>
/// "The gradient at this point": writes ∇J(θ) into <paramref name="gradient"/> and returns J(θ).
/// </summary>
/// <remarks>
/// Every optimizer asks for the gradient through this callback rather than taking a finished
/// gradient, because the Nesterov variants need it at the interim point θ̃ = θ + αv, not at θ.
/// The optimizer passes the parameter buffer itself (temporarily moved to θ̃ for Nesterov), so a
/// network whose parameters live in that buffer can simply ignore <paramref name="theta"/>.
/// </remarks>
public delegate T GradientFunction<T>(ReadOnlySpan<T> theta, Span<T> gradient);
