using CourseKit.Cli.Commands;
using CourseKit.Tests.Data;

namespace CourseKit.Tests.Cli;

/// <summary>The lab on the real Fashion-MNIST files (CI installs Debian's dataset-fashion-mnist), in short form.</summary>
public class FashionMnistLabTests
{
    [FashionMnistFact]
    public void A_short_fashion_mnist_lab_trains_and_reports()
    {
        string target = Path.Combine(Directory.CreateTempSubdirectory("coursekit-fashion").FullName, "results");
        var (exit, output, error) = CliRunner.Run(LabCommand.Create(), "lab", "--dataset", "fashion-mnist", "--images", "1200",
            "--optimizers", "sgd,adam", "--schedules", "constant", "--epochs", "2", "--seeds", "2", "--no-search", "--out", target);

        Assert.True(exit == 0, error);
        string[] csv = File.ReadAllLines(Path.Combine(target, "results.csv"));
        Assert.Equal(1 + 2 * 2, csv.Length);
        Assert.Contains("fashion-mnist", File.ReadAllText(Path.Combine(target, "report.html")));
        Assert.Contains(target, output);
        Directory.Delete(Path.GetDirectoryName(target)!, recursive: true);
    }

    [Fact]
    public void A_data_dir_without_the_files_is_one_sentence_saying_how_to_get_them()
    {
        string empty = Directory.CreateTempSubdirectory("coursekit-nodata").FullName;
        string target = Path.Combine(empty, "results");
        var (exit, _, error) = CliRunner.Run(LabCommand.Create(), "lab", "--dataset", "fashion-mnist", "--data-dir", empty,
            "--optimizers", "sgd", "--schedules", "constant", "--epochs", "1", "--seeds", "1", "--no-search", "--out", target);

        Assert.Equal(1, exit);
        Assert.StartsWith("coursekit: ", error);
        Assert.Contains("coursekit data fetch fashion-mnist", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(target));
        Directory.Delete(empty, recursive: true);
    }

    [Fact]
    public void Images_outside_the_training_set_are_refused_naming_the_flag()
    {
        var (exit, _, error) = CliRunner.Run(LabCommand.Create(), "lab", "--dataset", "fashion-mnist", "--images", "70000");
        Assert.Equal(2, exit);
        Assert.Contains("--images", error);
        Assert.Contains("60000", error);
    }
}
