using CourseKit.Data;

namespace CourseKit.Lab;

/// <summary>The lab's datasets, split (60/20/20, stratified, seeded) and standardised on the training part.</summary>
public static class LabData
{
    public static IReadOnlyList<string> Names { get; } = ["digits", "spirals", "moons", "blobs"];

    public static DatasetSplit Load(string name, int seed = 0)
    {
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
}
