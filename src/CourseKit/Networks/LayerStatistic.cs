namespace CourseKit.Networks;

/// <summary>
/// What one layer of an MLP does to a batch: the spread of its outputs, the share of ReLU units that are off,
/// and the size of the gradient its weights receive.
/// </summary>
/// <param name="Layer">1 = the first layer after the input.</param>
/// <param name="ActivationStd">Standard deviation of the layer's outputs Aₗ over the batch and its units.</param>
/// <param name="InactiveFraction">Share of outputs that are exactly 0 (for ReLU: units switched off).</param>
/// <param name="WeightGradientNorm">‖∂J/∂Wₗ‖ on the batch.</param>
public readonly record struct LayerStatistic(int Layer, double ActivationStd, double InactiveFraction, double WeightGradientNorm);
