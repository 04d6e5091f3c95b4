using System.IO.Compression;
using System.Security.Cryptography;

namespace CourseKit.Data;

/// <summary>
/// Downloads a dataset's files into a folder and checks each one's SHA-256 before it takes its final name.
/// The checksum is of the decompressed bytes, so a mirror that re-compressed the files (Debian's package did)
/// still matches. Nothing already in the folder is overwritten or deleted: a file already there with the right
/// checksum is kept, and one with a wrong checksum stops the download with a sentence saying so.
/// </summary>
public sealed class DatasetDownload
{
    /// <summary>Fashion-MNIST from its canonical location (the dataset's README), with the checksums of its four files.</summary>
    public static DatasetDownload FashionMnist { get; } = new(
        "fashion-mnist",
        new Uri("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
        [
            new("train-images-idx3-ubyte.gz", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new("train-labels-idx1-ubyte.gz", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new("t10k-images-idx3-ubyte.gz", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new("t10k-labels-idx1-ubyte.gz", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
        ]);

    /// <summary>One file: its name (also its URL relative to the base) and the SHA-256 of its decompressed bytes.</summary>
    public sealed record Item(string FileName, string Sha256);

    public DatasetDownload(string name, Uri baseUri, IReadOnlyList<Item> files)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(baseUri);
        ArgumentNullException.ThrowIfNull(files);
        Name = name;
        BaseUri = baseUri;
        Files = files;
    }

    public string Name { get; }

    /// <summary>Where the files are fetched from; each file is <c>BaseUri + FileName</c>.</summary>
    public Uri BaseUri { get; }

    public IReadOnlyList<Item> Files { get; }

    /// <summary>The same files from another place (a mirror, or a test's server on loopback).</summary>
    public DatasetDownload From(Uri baseUri) => new(Name, baseUri, Files);

    /// <summary>
    /// Fetches every file missing from <paramref name="folder"/> (created when needed) and returns the folder.
    /// Each file is written as <c>NAME.part</c>, checked, then renamed; a failed or cancelled download removes its
    /// own <c>.part</c> file and nothing else.
    /// </summary>
    /// <exception cref="InvalidDataException">A file (downloaded, or already in the folder) has the wrong checksum.</exception>
    /// <exception cref="HttpRequestException">The server could not be reached or answered with an error.</exception>
    public async Task<string> FetchAsync(string folder, HttpClient http, Action<string>? log = null, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(http);
        Directory.CreateDirectory(folder);
        foreach (Item item in Files)
        {
            string target = Path.Combine(folder, item.FileName);
            if (File.Exists(target))
            {
                if (Sha256OfContent(target) != item.Sha256)
                    throw new InvalidDataException($"{target} is already there but is not {Name}'s {item.FileName} (its SHA-256 differs); move it away and fetch again. Nothing was changed.");
                log?.Invoke($"{item.FileName}: already there, checksum right");
                continue;
            }

            var uri = new Uri(BaseUri, item.FileName);
            string part = target + ".part";
            try
            {
                log?.Invoke($"{item.FileName}: downloading {uri}");
                using (var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false))
                {
                    response.EnsureSuccessStatusCode();
                    await using var file = new FileStream(part, FileMode.CreateNew, FileAccess.Write);
                    await response.Content.CopyToAsync(file, cancel).ConfigureAwait(false);
                }
                string sha = Sha256OfContent(part);
                if (sha != item.Sha256)
                    throw new InvalidDataException($"{uri} is not {Name}'s {item.FileName}: SHA-256 {sha}, expected {item.Sha256}.");
                File.Move(part, target);
                log?.Invoke($"{item.FileName}: checksum right, saved as {target}");
            }
            finally
            {
                if (File.Exists(part)) File.Delete(part);
            }
        }
        return folder;
    }

    /// <summary>SHA-256 (lower-case hex) of a file's bytes after gzip decompression when it is gzip.</summary>
    public static string Sha256OfContent(string path)
    {
        using var file = File.OpenRead(path);
        int b0 = file.ReadByte(), b1 = file.ReadByte();
        file.Position = 0;
        try
        {
            using Stream content = b0 == 0x1f && b1 == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
            return Convert.ToHexStringLower(SHA256.HashData(content));
        }
        catch (InvalidDataException)
        {
            return "not-gzip-data";
        }
    }
}
