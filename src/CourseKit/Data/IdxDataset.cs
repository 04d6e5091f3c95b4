namespace CourseKit.Data;

/// <summary>
/// A labelled image set from a pair of IDX files (images idx3, labels idx1), as MNIST and Fashion-MNIST are
/// distributed. Pixels 0–255 become features in [0, 1], one row per image.
/// </summary>
public static class IdxDataset
{
    /// <summary>Loads the images in <paramref name="imagesPath"/> with the labels in <paramref name="labelsPath"/>.</summary>
    /// <exception cref="IdxFormatException">A file is malformed, or the two do not belong together.</exception>
    public static Dataset Load(string imagesPath, string labelsPath, string name, int classCount = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classCount);
        IdxFile images = IdxFile.Read(imagesPath), labels = IdxFile.Read(labelsPath);
        if (images.Shape.Count < 2)
            throw new IdxFormatException(imagesPath, 3, $"{images.Shape.Count} dimension; images need at least 2 (count, pixels…)");
        if (labels.Shape.Count != 1)
            throw new IdxFormatException(labelsPath, 3, $"{labels.Shape.Count} dimensions; labels are a list (1 dimension)");
        if (labels.Count != images.Count)
            throw new IdxFormatException(labelsPath, 4, $"{labels.Count} labels for the {images.Count} images of {imagesPath}");

        int header = 4 + 4 * labels.Shape.Count;
        var y = new int[labels.Count];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = labels.Values[i];
            if (y[i] >= classCount)
                throw new IdxFormatException(labelsPath, header + i, $"label {y[i]} of image {i} is outside the {classCount} classes 0–{classCount - 1}");
        }

        var x = new float[images.Values.Length];
        const float scale = 1f / 255f;
        for (int i = 0; i < x.Length; i++) x[i] = images.Values[i] * scale;
        return new Dataset(name, x, images.Count, images.ItemSize, y, classCount);
    }
}
