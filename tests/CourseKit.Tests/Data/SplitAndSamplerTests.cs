using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class SplitAndSamplerTests
{
    [Fact]
    public void Stratified_split_is_disjoint_complete_and_keeps_the_class_balance()
    {
        var data = DigitsFixture.Digits;
        // Tag each row by its index so we can follow rows through the split.
        var tagged = new Dataset("tagged", Enumerable.Range(0, data.Rows).Select(i => (float)i).ToArray(), data.Rows, 1, data.Labels, 10);
        var split = DatasetSplit.Create(tagged, 0.2, 0.2, seed: 7);

        var all = split.Train.Features.Concat(split.Validation.Features).Concat(split.Test.Features).Select(v => (int)v).ToList();
        Assert.Equal(data.Rows, all.Count);
        Assert.Equal(data.Rows, all.Distinct().Count());
        for (int c = 0; c < 10; c++)
        {
            double share = data.ClassCounts()[c] * 0.2;
            Assert.InRange(split.Test.ClassCounts()[c], Math.Floor(share), Math.Ceiling(share));
            Assert.InRange(split.Validation.ClassCounts()[c], Math.Floor(share), Math.Ceiling(share));
        }
        foreach (var part in new[] { split.Train, split.Validation, split.Test })
            for (int i = 0; i < part.Rows; i++) Assert.Equal(data.Labels![(int)part.Features[i]], part.Labels![i]);
    }

    [Fact]
    public void Same_seed_same_split_other_seed_other_split()
    {
        var data = Synthetic.GaussianBlobs(samples: 300, seed: 1);
        var a = DatasetSplit.Create(data, seed: 3);
        var b = DatasetSplit.Create(data, seed: 3);
        var c = DatasetSplit.Create(data, seed: 4);
        Assert.Equal(a.Test.Features, b.Test.Features);
        Assert.NotEqual(a.Test.Features, c.Test.Features);
    }

    [Fact]
    public void Regression_sets_are_split_without_labels()
    {
        var data = Synthetic.NoisyLinear(samples: 100, seed: 1).Data;
        var split = DatasetSplit.Create(data, 0.1, 0.3, seed: 0);
        Assert.Equal((60, 10, 30), (split.Train.Rows, split.Validation.Rows, split.Test.Rows));
        Assert.NotNull(split.Test.Targets);
    }

    [Fact]
    public void Bad_fractions_are_rejected()
    {
        var data = Synthetic.TwoMoons(samples: 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplit.Create(data, 0.6, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DatasetSplit.Create(data, -0.1, 0.2));
    }

    [Fact]
    public void Standardisation_uses_training_statistics_and_spares_constant_columns()
    {
        var split = DigitsFixture.Split;
        var train = split.Train;
        for (int j = 0; j < train.Columns; j++)
        {
            double mean = 0, sq = 0;
            for (int i = 0; i < train.Rows; i++) mean += train.Row(i)[j];
            mean /= train.Rows;
            for (int i = 0; i < train.Rows; i++) sq += Math.Pow(train.Row(i)[j] - mean, 2);
            double sd = Math.Sqrt(sq / train.Rows);
            Assert.True(Math.Abs(mean) < 1e-4, $"column {j} mean {mean}");
            Assert.True(Math.Abs(sd - 1) < 1e-3 || sd == 0, $"column {j} sd {sd}");
        }
        Assert.All(split.Test.Features, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Shuffled_sampler_visits_every_row_once_per_epoch_in_a_new_order()
    {
        var sampler = new MinibatchSampler(103, 10, SamplingOrder.Shuffled, seed: 5);
        Assert.Equal(11, sampler.BatchCount);
        var epochs = new List<int[]>();
        for (int e = 0; e < 3; e++)
        {
            sampler.NextEpoch();
            var seen = new List<int>();
            for (int b = 0; b < sampler.BatchCount; b++) seen.AddRange(sampler.Batch(b).ToArray());
            Assert.Equal(Enumerable.Range(0, 103), seen.Order());
            Assert.Equal(3, sampler.Batch(10).Length);
            epochs.Add(seen.ToArray());
        }
        Assert.NotEqual(epochs[0], epochs[1]);
        Assert.NotEqual(Enumerable.Range(0, 103), epochs[0]);

        var again = new MinibatchSampler(103, 10, SamplingOrder.Shuffled, seed: 5);
        again.NextEpoch();
        Assert.Equal(epochs[0][..10], again.Batch(0).ToArray());
    }

    [Fact]
    public void Ordered_sampler_keeps_the_dataset_order()
    {
        var sampler = new MinibatchSampler(25, 10, SamplingOrder.Ordered, seed: 5);
        sampler.NextEpoch();
        sampler.NextEpoch();
        Assert.Equal(Enumerable.Range(10, 10), sampler.Batch(1).ToArray());
        var sorted = DigitsFixture.Digits.SortedByLabel();
        Assert.All(sorted.Labels![..170], y => Assert.Equal(0, y));
    }
}
