namespace CourseKit.Data;

/// <summary>How a <see cref="MinibatchSampler"/> walks through the training set each epoch.</summary>
public enum SamplingOrder
{
    /// <summary>A fresh random permutation every epoch (sampling without replacement): the unbiased minibatch gradient the lecture asks for.</summary>
    Shuffled,

    /// <summary>The dataset's own order every epoch: consecutive rows form the batches. Shown to see what goes wrong when batches are not random.</summary>
    Ordered,
}
