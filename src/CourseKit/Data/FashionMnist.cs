namespace CourseKit.Data;

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT licence): 70,000 28×28 grey images of ten kinds of clothing, 60,000 for
/// training and 10,000 for testing, in the four standard IDX files (gzip or not). Not bundled (30 MB): the loader
/// looks in <c>--data-dir</c> when one is given (and only there: a folder the user names is never silently swapped
/// for another copy); otherwise in <c>$COURSEKIT_DATA/fashion-mnist</c>, the kit's download folder, and where
/// Debian's <c>dataset-fashion-mnist</c> package puts it (<c>/usr/share/datasets/fashion-mnist</c>).
/// </summary>
public static class FashionMnist
{
    /// <summary>The dataset's name in the lab and the CLI.</summary>
    public const string Name = "fashion-mnist";

    /// <summary>Label i is the i-th of these.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The four files, without the optional <c>.gz</c>.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>Where <c>coursekit data fetch fashion-mnist</c> puts the files.</summary>
    public static string DownloadFolder =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "coursekit", "datasets", Name);

    /// <summary>The folders searched, in order: <paramref name="dataDir"/> (and its fashion-mnist/) alone when given.</summary>
    public static IReadOnlyList<string> SearchFolders(string? dataDir = null)
    {
        if (!string.IsNullOrWhiteSpace(dataDir)) return [dataDir, Path.Combine(dataDir, Name)];
        var folders = new List<string>();
        if (Environment.GetEnvironmentVariable("COURSEKIT_DATA") is { Length: > 0 } root) folders.Add(Path.Combine(root, Name));
        folders.Add(DownloadFolder);
        folders.Add("/usr/share/datasets/" + Name);
        return folders;
    }

    /// <summary>The first folder holding all four files.</summary>
    /// <exception cref="FileNotFoundException">None does; the message says where it looked and how to get the files.</exception>
    public static string Find(string? dataDir = null)
    {
        var folders = SearchFolders(dataDir);
        foreach (string folder in folders)
            if (FileNames.All(f => FilePath(folder, f) is not null)) return folder;
        throw new FileNotFoundException(
            $"Fashion-MNIST's four IDX files ({string.Join(", ", FileNames)}, .gz or not) are not in any of: {string.Join(", ", folders)}. " +
            "Get them with 'coursekit data fetch fashion-mnist', or on Debian/Ubuntu 'sudo apt install dataset-fashion-mnist', or pass --data-dir.",
            FileNames[0]);
    }

    /// <summary>Loads the training (60,000) and test (10,000) sets from the folder <see cref="Find"/> picks.</summary>
    public static (Dataset Train, Dataset Test) Load(string? dataDir = null)
    {
        string folder = Find(dataDir);
        Dataset Part(int images, string name) =>
            IdxDataset.Load(FilePath(folder, FileNames[images])!, FilePath(folder, FileNames[images + 1])!, name);
        return (Part(0, Name + "-train"), Part(2, Name + "-test"));
    }

    private static string? FilePath(string folder, string name) =>
        new[] { Path.Combine(folder, name + ".gz"), Path.Combine(folder, name) }.FirstOrDefault(File.Exists);
}
