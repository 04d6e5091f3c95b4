using System.Buffers.Binary;
using System.IO.Compression;

namespace CourseKit.Data;

/// <summary>
/// An array read from an IDX file, the format of MNIST and Fashion-MNIST: two zero bytes, a type byte
/// (0x08 = unsigned bytes, the only type those datasets use), the number of dimensions, each dimension as a
/// big-endian 32-bit count, then the values row-major. Files may be gzip-compressed (as distributed) or not.
/// </summary>
public sealed class IdxFile
{
    /// <summary>The largest file the reader accepts (an IDX of all of MNIST's images is 47 MB).</summary>
    public const long MaxBytes = 1L << 31;

    private IdxFile(string path, int[] shape, byte[] values)
    {
        Path = path;
        Shape = shape;
        Values = values;
    }

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    /// <summary>The dimensions, e.g. [60000, 28, 28] for images or [60000] for labels.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>All values, row-major.</summary>
    public byte[] Values { get; }

    /// <summary>Number of items (the first dimension).</summary>
    public int Count => Shape[0];

    /// <summary>Values per item (the product of the other dimensions; 1 for labels).</summary>
    public int ItemSize => Shape.Skip(1).Aggregate(1, (a, b) => a * b);

    /// <summary>Reads <paramref name="path"/>, gzip or not (told apart by the gzip magic bytes).</summary>
    /// <exception cref="IdxFormatException">The bytes are not a well-formed unsigned-byte IDX array.</exception>
    public static IdxFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = File.OpenRead(path);
        var magic = new byte[2];
        int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        bool gzip = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        try
        {
            using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            return Read(path, stream);
        }
        catch (InvalidDataException e)
        {
            throw new IdxFormatException(path, 0, "the gzip data is corrupt (" + e.Message + ")");
        }
    }

    /// <summary>Reads an IDX array from <paramref name="stream"/>; <paramref name="path"/> names it in errors.</summary>
    public static IdxFile Read(string path, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[4];
        Fill(path, stream, header, 0, "the 4-byte header (0, 0, type, dimensions)");
        if (header[0] != 0 || header[1] != 0)
            throw new IdxFormatException(path, 0, $"not an IDX file: it starts with 0x{header[0]:x2} 0x{header[1]:x2}, not 0x00 0x00");
        if (header[2] != 0x08)
            throw new IdxFormatException(path, 2, $"value type 0x{header[2]:x2} is not supported; only 0x08 (unsigned bytes, as in MNIST and Fashion-MNIST)");
        int dimensions = header[3];
        if (dimensions < 1 || dimensions > 4)
            throw new IdxFormatException(path, 3, $"{dimensions} dimensions; expected 1 to 4");

        var sizes = new byte[4 * dimensions];
        Fill(path, stream, sizes, 4, $"the {dimensions} dimension sizes");
        var shape = new int[dimensions];
        long total = 1;
        for (int d = 0; d < dimensions; d++)
        {
            uint size = BinaryPrimitives.ReadUInt32BigEndian(sizes.AsSpan(4 * d));
            if (size == 0 || size > int.MaxValue)
                throw new IdxFormatException(path, 4 + 4 * d, $"dimension {d} has size {size}; expected 1 to {int.MaxValue}");
            shape[d] = (int)size;
            total *= size;
            if (total > MaxBytes)
                throw new IdxFormatException(path, 4 + 4 * d, $"the dimensions ask for more than {MaxBytes} values, the reader's limit");
        }

        long start = 4 + 4L * dimensions;
        var values = new byte[total];
        Fill(path, stream, values, start, $"{total} values ({string.Join(" × ", shape)})");
        if (stream.ReadByte() != -1)
            throw new IdxFormatException(path, start + total, $"extra bytes after the {total} values the header announces");
        return new IdxFile(path, shape, values);
    }

    private static void Fill(string path, Stream stream, byte[] buffer, long offset, string what)
    {
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            throw new IdxFormatException(path, offset + read, $"the file ends inside {what}: {read} of {buffer.Length} bytes");
    }
}
