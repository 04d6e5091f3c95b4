using CourseKit.Data;

namespace CourseKit.Tests.Data;

/// <summary>The real files: counts and first labels as the dataset's README documents them.</summary>
public class FashionMnistTests
{
    private static readonly Lazy<(Dataset Train, Dataset Test)> Data = new(() => FashionMnist.Load());

    [FashionMnistFact]
    public void Has_60000_training_and_10000_test_images_of_28_by_28()
    {
        var (train, test) = Data.Value;
        Assert.Equal((60_000, 784, 10), (train.Rows, train.Columns, train.ClassCount));
        Assert.Equal((10_000, 784), (test.Rows, test.Columns));
    }

    [FashionMnistFact]
    public void Every_class_has_6000_training_and_1000_test_images()
    {
        var (train, test) = Data.Value;
        Assert.All(train.ClassCounts(), c => Assert.Equal(6_000, c));
        Assert.All(test.ClassCounts(), c => Assert.Equal(1_000, c));
    }

    [FashionMnistFact]
    public void The_first_images_are_the_documented_ones_with_pixels_in_unit_range()
    {
        var (train, test) = Data.Value;
        Assert.Equal([9, 0, 0, 3, 0], train.Labels![..5]);
        Assert.Equal([9, 2, 1, 1, 6], test.Labels![..5]);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[train.Labels[0]]);
        Assert.Equal(76_247 / 255.0, train.Row(0).ToArray().Sum(v => (double)v), 3);
        Assert.InRange(train.Features.Min(), 0f, 0f);
        Assert.InRange(train.Features.Max(), 1f, 1f);
    }
}

public class FashionMnistLabDataTests
{
    [FashionMnistFact]
    public void The_lab_keeps_the_official_test_set_and_cuts_validation_from_training()
    {
        var split = CourseKit.Lab.LabData.Load("fashion-mnist", seed: 3, images: 6_000);
        Assert.Equal(10_000, split.Test.Rows);
        Assert.Equal(6_000, split.Train.Rows + split.Validation.Rows);
        Assert.Equal(1_000, split.Validation.Rows);
        Assert.All(split.Train.ClassCounts(), c => Assert.Equal(500, c));
        Assert.Equal(784, split.Train.Columns);
    }

    [Fact]
    public void A_training_size_outside_the_set_is_refused_with_its_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CourseKit.Lab.LabData.Load("fashion-mnist", images: 60_001));
        Assert.Equal("images", e.ParamName);
        Assert.Contains("[60, 60000]", e.Message);
    }
}
