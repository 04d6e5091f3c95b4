using System.Security.Cryptography;
using System.Text;
using CourseKit.Cli.Commands;
using CourseKit.Data;
using CourseKit.Tests.Cli;

namespace CourseKit.Tests.Data;

public class DatasetDownloadTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coursekit-fetch-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static readonly byte[] A = Encoding.ASCII.GetBytes("first file"), B = Encoding.ASCII.GetBytes("second file");

    private static DatasetDownload Two(Uri from) => new("two", from,
        [new("a.bin", Convert.ToHexStringLower(SHA256.HashData(A))), new("b.bin", Convert.ToHexStringLower(SHA256.HashData(B)))]);

    [Fact]
    public async Task Fetches_every_file_and_checks_it()
    {
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["a.bin"] = A, ["b.bin"] = B });
        using var http = new HttpClient();
        await Two(server.BaseUri).FetchAsync(_folder, http);

        Assert.Equal(A, File.ReadAllBytes(Path.Combine(_folder, "a.bin")));
        Assert.Equal(B, File.ReadAllBytes(Path.Combine(_folder, "b.bin")));
        Assert.Equal(2, Directory.GetFiles(_folder).Length);
    }

    [Fact]
    public async Task A_file_already_there_with_the_right_checksum_is_not_fetched_again()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, "a.bin"), A);
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["a.bin"] = A, ["b.bin"] = B });
        using var http = new HttpClient();
        await Two(server.BaseUri).FetchAsync(_folder, http);
        Assert.Equal(["b.bin"], server.Requested);
    }

    [Fact]
    public async Task A_wrong_download_is_refused_and_leaves_nothing_behind()
    {
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["a.bin"] = B, ["b.bin"] = B });
        using var http = new HttpClient();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Two(server.BaseUri).FetchAsync(_folder, http));
        Assert.Contains("a.bin", e.Message);
        Assert.Contains("SHA-256", e.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_foreign_file_under_the_same_name_is_never_overwritten()
    {
        Directory.CreateDirectory(_folder);
        string mine = Path.Combine(_folder, "a.bin");
        File.WriteAllText(mine, "a student's own file");
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]> { ["a.bin"] = A, ["b.bin"] = B });
        using var http = new HttpClient();
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Two(server.BaseUri).FetchAsync(_folder, http));
        Assert.Contains("Nothing was changed", e.Message);
        Assert.Equal("a student's own file", File.ReadAllText(mine));
        Assert.Empty(server.Requested);
    }

    [Fact]
    public void The_command_says_in_one_sentence_when_the_server_has_no_such_file()
    {
        using var server = new LoopbackFileServer(new Dictionary<string, byte[]>());
        var (exit, _, error) = CliRunner.Run(DataCommand.Create(), "data", "fetch", "fashion-mnist", "--from", server.BaseUri.AbsoluteUri, "--to", _folder);
        Assert.Equal(1, exit);
        Assert.StartsWith("coursekit: data fetch fashion-mnist failed: ", error);
        Assert.Contains("404", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void An_unknown_dataset_or_a_non_http_mirror_is_a_usage_error()
    {
        Assert.Equal(2, CliRunner.Run(DataCommand.Create(), "data", "fetch", "cifar").Exit);
        var (exit, _, error) = CliRunner.Run(DataCommand.Create(), "data", "fetch", "fashion-mnist", "--from", "ftp://example.org/");
        Assert.Equal(2, exit);
        Assert.Contains("--from", error);
    }

    [FashionMnistFact]
    public void The_real_files_fetched_from_a_mirror_match_their_checksums_and_load()
    {
        string source = FashionMnist.Find();
        var files = DatasetDownload.FashionMnist.Files.ToDictionary(f => f.FileName, f => File.ReadAllBytes(Path.Combine(source, f.FileName)));
        using var server = new LoopbackFileServer(files);

        var (exit, output, error) = CliRunner.Run(DataCommand.Create(), "data", "fetch", "fashion-mnist", "--from", server.BaseUri.AbsoluteUri, "--to", _folder);

        Assert.True(exit == 0, error);
        Assert.Contains("lab --dataset fashion-mnist", output);
        var (train, test) = FashionMnist.Load(_folder);
        Assert.Equal((60_000, 10_000), (train.Rows, test.Rows));
    }
}
