using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class EmbeddedDigitsTests
{
    [Fact]
    public void The_embedded_digits_are_byte_for_byte_the_readable_copy_in_data()
    {
        using Stream stream = typeof(Digits).Assembly.GetManifestResourceStream(Digits.ResourceName)!;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);

        Assert.Equal(File.ReadAllBytes(Digits.Find()), bytes.ToArray());
    }

    [Fact]
    public void Loading_without_a_path_reads_the_embedded_copy_the_same_as_the_file()
    {
        Dataset embedded = Digits.Load(), file = Digits.Load(Digits.Find());

        Assert.Equal((1797, 64, 10), (embedded.Rows, embedded.Columns, embedded.ClassCount));
        Assert.Equal(file.Labels, embedded.Labels);
        Assert.Equal(file.Features, embedded.Features);
        Assert.Equal(file.FeatureNames, embedded.FeatureNames);
    }
}

public class DatasetCsvClassCountTests
{
    [Fact]
    public void A_label_outside_the_declared_classes_is_refused_naming_its_line()
    {
        var e = Assert.Throws<DataFormatException>(() => DatasetCsv.Parse("a,label\n1,0\n2,9\n3,12\n", "marks.csv", classCount: 10));

        Assert.Equal(4, e.Line);
        Assert.Contains("outside the 10 classes 0–9", e.Message);
        Assert.Contains("marks.csv", e.Message);
    }

    [Fact]
    public void Declared_classes_stand_even_when_the_file_lacks_the_last_ones()
    {
        Assert.Equal(10, DatasetCsv.Parse("a,label\n1,0\n2,3\n", "few.csv", classCount: 10).ClassCount);
        Assert.Equal(4, DatasetCsv.Parse("a,label\n1,0\n2,3\n", "few.csv").ClassCount); // undeclared: the largest label decides
    }
}
