using System.CommandLine;
using CourseKit.Data;

namespace CourseKit.Cli.Commands;

/// <summary>
/// <c>coursekit data fetch fashion-mnist</c>: downloads the dataset's files from their canonical location (or
/// <c>--from</c> a mirror) into the kit's download folder (or <c>--to</c>), checking each file's SHA-256.
/// </summary>
public static class DataCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "The dataset to fetch: fashion-mnist" };
        dataset.AcceptOnlyFromAmong(FashionMnist.Name);
        var to = new Option<string?>("--to") { Description = $"Folder for the files (default: {FashionMnist.DownloadFolder}, where 'lab --dataset fashion-mnist' looks)" };
        var from = new Option<string?>("--from") { Description = "Base URL of a mirror (default: the dataset's canonical location)" };

        var fetch = new Command("fetch", "Download a dataset the kit does not bundle and check its files' SHA-256.") { dataset, to, from };
        fetch.SetAction(async (parse, cancel) =>
        {
            var download = DatasetDownload.FashionMnist;
            if (parse.GetValue(from) is { } text)
            {
                if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? mirror) || mirror.Scheme is not ("http" or "https"))
                    throw new UsageException($"--from: '{text}' is not an http:// or https:// URL.");
                download = download.From(mirror.AbsoluteUri.EndsWith('/') ? mirror : new Uri(mirror.AbsoluteUri + "/"));
            }
            string folder = Path.GetFullPath(parse.GetValue(to) ?? FashionMnist.DownloadFolder);
            if (File.Exists(folder)) throw new UsageException($"--to: {folder} is a file, not a folder.");

            var output = parse.InvocationConfiguration.Output;
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
            try
            {
                await download.FetchAsync(folder, http, output.WriteLine, cancel);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"coursekit: data fetch {download.Name} failed: {e.Message}");
                return ExitCodes.Failed;
            }
            output.WriteLine($"{download.Name} is in {folder}; run 'coursekit lab --dataset {download.Name}'.");
            return ExitCodes.Success;
        });

        return new Command("data", "Datasets the kit does not bundle.") { fetch };
    }
}
