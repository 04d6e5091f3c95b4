namespace CourseKit.Networks;

/// <summary>
/// One fully connected layer, A = f(X·W + b), as a view into the network's single parameter buffer:
/// W (Inputs × Outputs, row-major) starts at <see cref="WeightOffset"/>, b follows it.
/// </summary>
/// <remarks>
/// The layer owns no numbers. Its slices are windows on <see cref="Mlp.Parameters"/> and
/// <see cref="Mlp.Gradients"/>, so an optimizer updating the whole buffer updates every layer, and a
/// notebook can look at one layer's weights without copying.
/// </remarks>
public sealed class DenseLayer
{
    private readonly float[] _parameters, _gradients;

    internal DenseLayer(float[] parameters, float[] gradients, int offset, int inputs, int outputs, Activation activation)
    {
        (_parameters, _gradients) = (parameters, gradients);
        (WeightOffset, Inputs, Outputs, Activation) = (offset, inputs, outputs, activation);
    }

    public int Inputs { get; }

    public int Outputs { get; }

    public Activation Activation { get; }

    /// <summary>Where W starts in the parameter (and gradient) buffer.</summary>
    public int WeightOffset { get; }

    /// <summary>Where b starts: right after W.</summary>
    public int BiasOffset => WeightOffset + Inputs * Outputs;

    /// <summary>Weights plus biases.</summary>
    public int ParameterCount => Inputs * Outputs + Outputs;

    /// <summary>W, row-major: W[i, j] = Weights.Span[i * Outputs + j] connects input i to output j.</summary>
    public Memory<float> Weights => _parameters.AsMemory(WeightOffset, Inputs * Outputs);

    /// <summary>b, one per output.</summary>
    public Memory<float> Bias => _parameters.AsMemory(BiasOffset, Outputs);

    /// <summary>∂J/∂W from the last backward pass.</summary>
    public Memory<float> WeightGradients => _gradients.AsMemory(WeightOffset, Inputs * Outputs);

    /// <summary>∂J/∂b from the last backward pass.</summary>
    public Memory<float> BiasGradients => _gradients.AsMemory(BiasOffset, Outputs);

    /// <summary>W[input, output].</summary>
    public float Weight(int input, int output) => _parameters[WeightOffset + input * Outputs + output];

    public override string ToString() => $"Dense {Inputs}→{Outputs} {Activation}";
}
