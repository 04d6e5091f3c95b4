namespace CourseKit.Networks;

/// <summary>What the network is trained to minimise, averaged over the minibatch.</summary>
/// <remarks>
/// The 0-1 loss (the error rate) is deliberately not here: its gradient is zero almost everywhere, so
/// nothing could be trained on it. <see cref="Mlp.Evaluate"/> reports it next to the surrogate loss.
/// </remarks>
public enum LossFunction
{
    /// <summary>
    /// Softmax then negative log-likelihood of the true class: −z_y + log Σ_j e^{z_j}, computed through
    /// log-sum-exp (subtracting max z first) so large logits cannot overflow. Gradient: softmax(z) − onehot(y).
    /// </summary>
    SoftmaxCrossEntropy,

    /// <summary>
    /// Mean squared error over examples and outputs, (1/(m·K)) Σ (a − t)². For a labelled dataset the
    /// targets are one-hot vectors.
    /// </summary>
    MeanSquaredError,
}
