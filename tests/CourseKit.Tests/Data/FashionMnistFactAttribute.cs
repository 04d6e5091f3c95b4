using CourseKit.Data;

namespace CourseKit.Tests.Data;

/// <summary>
/// A test on the real Fashion-MNIST files. CI installs them (Debian's dataset-fashion-mnist), so there it always
/// runs; elsewhere it is skipped, naming how to get the files, when they are not found.
/// </summary>
public sealed class FashionMnistFactAttribute : FactAttribute
{
    public FashionMnistFactAttribute()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return;
        try { FashionMnist.Find(); }
        catch (FileNotFoundException) { Skip = "Needs Fashion-MNIST: sudo apt install dataset-fashion-mnist, or coursekit data fetch fashion-mnist."; }
    }
}
