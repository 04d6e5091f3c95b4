namespace CourseKit.Networks;

/// <summary>
/// The network on a whole dataset: the surrogate <see cref="Loss"/> it is trained on, and the 0-1 loss it
/// is judged by.
/// </summary>
/// <param name="Loss">Mean training loss (cross-entropy or MSE) over all rows.</param>
/// <param name="Accuracy">Fraction of rows whose largest output is the true class (NaN for regression).</param>
public readonly record struct Evaluation(double Loss, double Accuracy)
{
    /// <summary>The 0-1 loss, 1 − accuracy: reported, never trained on.</summary>
    public double ZeroOneLoss => 1 - Accuracy;
}
