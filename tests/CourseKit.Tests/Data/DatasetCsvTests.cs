using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class DatasetCsvTests
{
    [Fact]
    public void Digits_loads_with_its_documented_shape()
    {
        var digits = DigitsFixture.Digits;
        Assert.Equal(1797, digits.Rows);
        Assert.Equal(64, digits.Columns);
        Assert.Equal(10, digits.ClassCount);
        Assert.Equal("pixel0", digits.FeatureNames[0]);
        Assert.Equal("pixel63", digits.FeatureNames[63]);
        Assert.All(digits.ClassCounts(), c => Assert.InRange(c, 174, 183));
        Assert.Equal(1797, digits.ClassCounts().Sum());
        Assert.All(digits.Features, v => Assert.InRange(v, 0f, 16f));
        // First row of the file: a 0 whose pixel2 is 5 and pixel3 is 13.
        Assert.Equal(0, digits.Labels![0]);
        Assert.Equal(5f, digits.Row(0)[2]);
        Assert.Equal(13f, digits.Row(0)[3]);
    }

    [Fact]
    public void Digits_is_found_by_walking_up_from_the_test_folder()
    {
        Assert.EndsWith(Path.Combine("data", "digits.csv"), Digits.Find());
    }

    [Theory]
    [InlineData("a,b,label\n1,2,0\n3,x,1\n", 3, "column 'b' value 'x' is not a number")]
    [InlineData("a,b,label\n1,2,0\n3,4\n", 3, "2 values, but the header has 3 columns")]
    [InlineData("a,b,label\n1,2,0\n1,2,0\n5,6,1.5\n", 4, "label column 'label' value '1.5' is not a class number")]
    [InlineData("a,b,label\n1,,0\n", 2, "column 'b' is empty")]
    [InlineData("a,b,label\n1,2,0\n\n3,4,1\n", 3, "the line is empty")]
    [InlineData("a,b,label\n1,NaN,0\n", 2, "column 'b' value 'NaN' is not a finite number")]
    [InlineData("a,b,c\n1,2,0\n", 1, "no column named 'label'")]
    [InlineData("a,b,label\n", 2, "no data rows")]
    public void A_bad_row_is_reported_with_file_line_and_problem(string text, int line, string problem)
    {
        string path = Path.Combine(Path.GetTempPath(), $"coursekit-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            var ex = Assert.Throws<DataFormatException>(() => DatasetCsv.Load(path));
            Assert.Equal(path, ex.FilePath);
            Assert.Equal(line, ex.Line);
            Assert.StartsWith($"{path} line {line}: ", ex.Message);
            Assert.Contains(problem, ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_row_deep_in_a_copy_of_digits_is_found()
    {
        string[] lines = File.ReadAllLines(Digits.Find());
        lines[16] = lines[16].Insert(lines[16].IndexOf(',') + 1, "x");  // line 17: second value gets an x
        string path = Path.Combine(Path.GetTempPath(), $"coursekit-digits-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(path, lines);
        try
        {
            var ex = Assert.Throws<DataFormatException>(() => DatasetCsv.Load(path));
            Assert.Equal(17, ex.Line);
            Assert.Contains("column 'pixel1' value 'x", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_good_small_file_round_trips_through_Deedle()
    {
        string path = Path.Combine(Path.GetTempPath(), $"coursekit-good-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "x,label,y\n1.5,2,-3\n0,0,4e2\n");
        try
        {
            var data = DatasetCsv.Load(path);
            Assert.Equal(2, data.Rows);
            Assert.Equal(["x", "y"], data.FeatureNames);
            Assert.Equal([1.5f, -3f, 0f, 400f], data.Features);
            Assert.Equal([2, 0], data.Labels!);
            Assert.Equal(3, data.ClassCount);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_says_where_it_looked()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => DatasetCsv.Load("no/such/file.csv"));
        Assert.Contains("file.csv", ex.Message);
    }
}
