namespace CourseKit.Networks;

/// <summary>How weights are drawn before training (biases start at 0).</summary>
public enum Initialization
{
    /// <summary>The usual choice for the activation: He for ReLU, Glorot otherwise.</summary>
    Default,

    /// <summary>Glorot &amp; Bengio (2010): W ~ U(−a, a) with a = √(6 / (fan_in + fan_out)); keeps the variance of tanh/sigmoid layers steady.</summary>
    Glorot,

    /// <summary>He et al. (2015): W ~ N(0, 2 / fan_in); ReLU zeroes half the signal, so twice the variance.</summary>
    He,
}
