using CourseKit.Data;

namespace CourseKit.Lab;

/// <summary>The lab's datasets, split into train / validation / test (seeded, stratified) and standardised on the training part.</summary>
public static class LabData
{
    public static IReadOnlyList<string> Names { get; } = ["digits", "fashion-mnist", "spirals", "moons", "blobs"];

    /// <summary>The most training images a Fashion-MNIST lab can use (its official training set; a sixth goes to validation).</summary>
    public const int FashionMnistImages = 60_000;

    /// <summary>
    /// Loads <paramref name="name"/>. Digits and the synthetic sets are cut 60/20/20. Fashion-MNIST keeps its official
    /// 10,000 test images as the test set and cuts validation from its training images (a sixth), using
    /// <paramref name="images"/> of them (stratified, seeded; all 60,000 by default) so a lab fits a coffee break.
    /// </summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="seed">Seeds the split (and the synthetic sets).</param>
    /// <param name="dataDir">Where Fashion-MNIST's files are (see <see cref="FashionMnist.Find"/>); ignored by the other sets.</param>
    /// <param name="images">Fashion-MNIST's training images to use, 60 to 60,000; ignored by the other sets.</param>
    public static DatasetSplit Load(string name, int seed = 0, string? dataDir = null, int? images = null)
    {
        if (images is { } n && (n < 60 || n > FashionMnistImages))
            throw new ArgumentOutOfRangeException(nameof(images), n, $"must be in [60, {FashionMnistImages}] (Fashion-MNIST's training images)");
        if (name == FashionMnist.Name) return FashionMnistSplit(seed, dataDir, images ?? FashionMnistImages);

        Dataset data = name switch
        {
            "digits" => Digits.Load(),
            "spirals" => Synthetic.TwoSpirals(samples: 600, seed: seed),
            "moons" => Synthetic.TwoMoons(samples: 600, seed: seed),
            "blobs" => Synthetic.GaussianBlobs(samples: 600, classes: 4, seed: seed),
            _ => throw new ArgumentException($"Unknown dataset '{name}'. Choose from: {string.Join(", ", Names)}.", nameof(name)),
        };
        return DatasetSplit.Create(data, seed: seed).Standardized();
    }

    private static DatasetSplit FashionMnistSplit(int seed, string? dataDir, int images)
    {
        var (all, test) = FashionMnist.Load(dataDir);
        // A stratified subset first (DatasetSplit's "test" part is the unused rest), then train / validation 5:1.
        Dataset used = images == all.Rows
            ? all
            : DatasetSplit.Create(all, validationFraction: 0, testFraction: 1 - (double)images / all.Rows, seed: seed).Train;
        var cut = DatasetSplit.Create(used, validationFraction: 1.0 / 6, testFraction: 0, seed: seed);
        return new DatasetSplit(cut.Train, cut.Validation, test).Standardized();
    }
}
