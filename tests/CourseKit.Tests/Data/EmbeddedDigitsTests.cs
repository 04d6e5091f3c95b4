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
