using System.IO.Compression;
using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class IdxFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coursekit-idx-" + Guid.NewGuid().ToString("N"));

    public IdxFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Idx(int[] shape, byte[] values, byte type = 0x08)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)shape.Length };
        foreach (int size in shape) bytes.AddRange([(byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size]);
        bytes.AddRange(values);
        return [.. bytes];
    }

    private string Write(string name, byte[] bytes, bool gzip = false)
    {
        string path = Path.Combine(_folder, name);
        if (!gzip) { File.WriteAllBytes(path, bytes); return path; }
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest)) gz.Write(bytes);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Reads_shape_and_values_plain_or_gzip(bool gzip)
    {
        byte[] values = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 10)).ToArray();
        var idx = IdxFile.Read(Write("a.idx", Idx([2, 3, 4], values), gzip));

        Assert.Equal([2, 3, 4], idx.Shape);
        Assert.Equal(2, idx.Count);
        Assert.Equal(12, idx.ItemSize);
        Assert.Equal(values, idx.Values);
    }

    public static TheoryData<string, byte[], long, string> Malformed => new()
    {
        { "empty", [], 0, "ends inside the 4-byte header" },
        { "magic", [1, 0, 8, 1, 0, 0, 0, 1, 5], 0, "not an IDX file" },
        { "type", Idx([1], [5], type: 0x0D), 2, "value type 0x0d" },
        { "dims", [0, 0, 8, 0], 3, "0 dimensions" },
        { "short sizes", [0, 0, 8, 2, 0, 0, 0, 1, 0, 0], 10, "ends inside the 2 dimension sizes" },
        { "zero size", Idx([3, 0], []), 8, "dimension 1 has size 0" },
        { "short values", Idx([3, 2], [1, 2, 3, 4, 5]), 17, "ends inside 6 values (3 × 2): 5 of 6 bytes" },
        { "extra", Idx([2], [1, 2, 9]), 10, "extra bytes after the 2 values" },
        { "huge", Idx([int.MaxValue, int.MaxValue], []), 8, "the reader's limit" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_names_itself_the_byte_and_the_problem(string name, byte[] bytes, long offset, string problem)
    {
        foreach (bool gzip in new[] { false, true })
        {
            string path = Write(name + (gzip ? ".gz" : ""), bytes, gzip);
            var e = Assert.Throws<IdxFormatException>(() => IdxFile.Read(path));
            Assert.Equal(offset, e.Offset);
            Assert.Contains(problem, e.Message);
            Assert.StartsWith($"{path} byte {offset}: ", e.Message);
        }
    }

    [Fact]
    public void Corrupt_gzip_is_a_format_error_not_a_crash()
    {
        byte[] gz = File.ReadAllBytes(Write("g.gz", Idx([4], [1, 2, 3, 4]), gzip: true));
        for (int i = 10; i < gz.Length - 8; i++) gz[i] ^= 0x5A;
        string path = Write("bad.gz", gz);
        Assert.Throws<IdxFormatException>(() => IdxFile.Read(path));
    }

    [Fact]
    public void A_dataset_pairs_images_with_labels_and_scales_pixels_to_unit()
    {
        string images = Write("i", Idx([3, 2, 2], [0, 255, 51, 102, 1, 2, 3, 4, 5, 6, 7, 8]));
        string labels = Write("l.gz", Idx([3], [9, 0, 4]), gzip: true);
        var data = IdxDataset.Load(images, labels, "tiny");

        Assert.Equal((3, 4, 10), (data.Rows, data.Columns, data.ClassCount));
        Assert.Equal([9, 0, 4], data.Labels!);
        Assert.Equal([0f, 1f, 0.2f, 0.4f], data.Row(0).ToArray(), (a, b) => Math.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void Mismatched_counts_and_labels_outside_the_classes_are_named()
    {
        string images = Write("i", Idx([3, 2], [1, 2, 3, 4, 5, 6]));
        var count = Assert.Throws<IdxFormatException>(() => IdxDataset.Load(images, Write("l2", Idx([2], [1, 2])), "x"));
        Assert.Contains("2 labels for the 3 images", count.Message);
        var label = Assert.Throws<IdxFormatException>(() => IdxDataset.Load(images, Write("l3", Idx([3], [1, 10, 2])), "x"));
        Assert.Equal(9, label.Offset);
        Assert.Contains("label 10 of image 1", label.Message);
    }

    [Fact]
    public void A_missing_fashion_mnist_says_where_it_looked_and_how_to_get_it()
    {
        var e = Assert.Throws<FileNotFoundException>(() => FashionMnist.Find(_folder));
        Assert.Contains(_folder, e.Message);
        Assert.Contains("coursekit data fetch fashion-mnist", e.Message);
        Assert.Contains("apt install dataset-fashion-mnist", e.Message);
    }

    [Fact]
    public void Data_dir_comes_first_and_plain_files_are_found()
    {
        foreach (string name in FashionMnist.FileNames)
            Write(name, name.Contains("images") ? Idx([2, 2, 2], new byte[8]) : Idx([2], [3, 7]));
        Assert.Equal(_folder, FashionMnist.Find(_folder));
        var (train, test) = FashionMnist.Load(_folder);
        Assert.Equal((2, 4), (train.Rows, train.Columns));
        Assert.Equal([3, 7], test.Labels!);
    }
}
