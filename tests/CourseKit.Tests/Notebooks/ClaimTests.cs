using CourseKit.Notebooks;

namespace CourseKit.Tests.Notebooks;

public class ClaimTests
{
    [Fact]
    public void A_true_claim_prints_its_sentence_and_values()
    {
        string line = Claim.That(0.07 < 0.41, "momentum's swings shrink", ("early", 0.41), ("late", 0.07));
        Assert.Equal("✓ claim: momentum's swings shrink (early = 0.41, late = 0.07)", line);
        Assert.StartsWith(Claim.Mark, line);
    }

    [Fact]
    public void A_false_claim_throws_with_the_measured_values()
    {
        var e = Assert.Throws<ClaimFailedException>(() => Claim.That(false, "SGD still has most of the floor ahead", ("covered", 0.85)));
        Assert.Contains("SGD still has most of the floor ahead", e.Message);
        Assert.Contains("covered = 0.85", e.Message);
    }

    [Fact]
    public void Over_seeds_the_failing_seeds_are_named()
    {
        Assert.StartsWith(Claim.Mark, Claim.ForSeeds([1, 2, 3], s => s != 2, "holds mostly", atLeast: 2));
        var e = Assert.Throws<ClaimFailedException>(() => Claim.ForSeeds([1, 2, 3], s => s != 2, "holds always"));
        Assert.Contains("failing seeds = 2", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Claim.ForSeeds([1, 2], _ => true, "x", atLeast: 3));
        Assert.Throws<ArgumentException>(() => Claim.ForSeeds([], _ => true, "x"));
    }

    [Theory]
    [InlineData(1.05, 1.0, 0.1, true)]
    [InlineData(1.2, 1.0, 0.1, false)]
    [InlineData(double.NaN, 1.0, 0.1, false)]
    public void Near_compares_within_the_tolerance(double actual, double expected, double tolerance, bool holds)
    {
        if (holds) Assert.StartsWith(Claim.Mark, Claim.Near(actual, expected, tolerance, "close"));
        else Assert.Throws<ClaimFailedException>(() => Claim.Near(actual, expected, tolerance, "close"));
    }
}

public class ExerciseTests
{
    [Fact]
    public void A_wrong_numeric_answer_gets_the_hint_and_not_the_expected_value()
    {
        Assert.StartsWith("✓ correct", Exercise.Check("a1", 20.0004, 20, 1e-3, "hint"));
        string wrong = Exercise.Check("a1", 25, 20.123, 1e-3, "try 1/(1 − α)");
        Assert.Contains("try 1/(1 − α)", wrong);
        Assert.DoesNotContain("20.123", wrong);
        Assert.Contains("still NaN", Exercise.Check("a1", double.NaN, 20, 1e-3, "h"));
    }

    [Fact]
    public void A_tie_accepts_every_right_name()
    {
        Assert.StartsWith("✓ correct", Exercise.Check("q", "Adam", ["adam", "rmsprop"], "h"));
        Assert.StartsWith("✓ correct", Exercise.Check("q", "rmsprop", ["adam", "rmsprop"], "h"));
        Assert.StartsWith("✗ not yet", Exercise.Check("q", "sgd", ["adam", "rmsprop"], "h"));
        Assert.Contains("still empty", Exercise.Check("q", "", ["adam"], "h"));
    }
}

public class DigitsLessonTests
{
    [Fact]
    public void The_same_seed_trains_the_same_network()
    {
        var a = DigitsLesson.Train(new CourseKit.Optimizers.Sgd<float>(0.05), epochs: 1);
        var b = DigitsLesson.Train(new CourseKit.Optimizers.Sgd<float>(0.05), epochs: 1);
        Assert.Equal(a.Final.ValidationLoss, b.Final.ValidationLoss);
        Assert.True(a.Final.ValidationAccuracy > 0.5);
    }
}
